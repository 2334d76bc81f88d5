"""The `timeline` view (`warehouse/views/04_timeline.sql`): one row per dated real-world event, with its sources,
disputed ones flagged, labels in the words of the text."""

from datetime import date

from tests.conftest import PROJECT_ROOT


def test_timeline_groups_dated_claims_and_flags_conflicting_dates(con, add_own_dates):
    con.execute("""insert into claims (claim_id, article_id, text, quote_kind, polarity, hedged, event_key,
                   event_start, event_end) values
                   ('c1', 'a1', 'suspendue le 5 janvier', 'narrative', 1, false, 'suspendre|operation', '2020-01-05', '2020-01-05'),
                   ('c2', 'a2', 'suspendue le 5 janvier', 'narrative', 1, false, 'suspendre|operation', '2020-01-05', '2020-01-05'),
                   ('c3', 'a1', 'tué le 3 janvier', 'narrative', 1, false, 'tuer|general', '2020-01-03', '2020-01-03'),
                   ('c4', 'a2', 'tué le 2 janvier', 'narrative', 1, false, 'tuer|general', '2020-01-02', '2020-01-02'),
                   ('c5', 'a2', 'sans date', 'narrative', 1, false, 'partir|troupe', null, null)""")
    add_own_dates("c1", "c2", "c3", "c4")
    rows = {
        r[0]: r[1:]
        for r in con.execute(
            "select event_key, n_articles, n_claims, date_conflict, first_reported_on from timeline"
        ).fetchall()
    }
    assert rows["suspendre|operation"] == (2, 2, False, date(2020, 1, 16))
    assert rows["tuer|general"][2] is True
    assert "partir|troupe" not in rows  # undated events stay out of the timeline


def test_one_timeline_row_per_event_not_per_kind_of_event(con):
    con.execute("""insert into claims (claim_id, article_id, text, quote_kind, polarity, hedged, event_key, event_id,
                   event_start, event_end) values
                   ('c1', 'a1', 'un homme a été tué à Lyon le 3 mars', 'narrative', 1, false, 'tuer|homme', 'e1',
                    '2020-03-03', '2020-03-03'),
                   ('c2', 'a2', 'un homme a été tué à Lille le 9 mars', 'narrative', 1, false, 'tuer|homme', 'e2',
                    '2020-03-09', '2020-03-09')""")
    rows = con.execute("select event_id, event_key, n_articles, date_conflict from timeline order by 1").fetchall()
    # two stories: two killings, and no date conflict between them
    assert rows == [("e1", "tuer|homme", 1, False), ("e2", "tuer|homme", 1, False)]


def test_an_event_that_recurs_has_one_timeline_row_per_occurrence(con, add_own_dates):
    """`Emmanuel Macron s'est exprimé` on 6 May and on 29 June (more than a week apart) are two occurrences;
    dates within a week of each other are one; a death is never split (its dates conflict)."""
    con.execute("""insert into claims (claim_id, article_id, text, quote_kind, polarity, hedged, event_key, event_id,
                   event_start, event_end) values
        ('c1', 'a1', 's''est exprimé le 6 mai', 'narrative', 1, false, 'exprimer|macron', 'e1', '2019-05-06', '2019-05-06'),
        ('c2', 'a2', 's''est exprimé le 8 mai', 'narrative', 1, false, 'exprimer|macron', 'e1', '2019-05-08', '2019-05-08'),
        ('c3', 'a2', 's''est exprimé le 29 juin', 'narrative', 1, false, 'exprimer|macron', 'e1', '2019-06-29', '2019-06-29'),
        ('c4', 'a1', 's''est exprimé samedi', 'narrative', 1, false, 'exprimer|macron', 'e1', '2019-06-22', '2019-06-22'),
        ('c5', 'a1', 'tué le 6 mai', 'narrative', 1, false, 'tuer|homme', 'e2', '2019-05-06', '2019-05-06'),
        ('c6', 'a2', 'tué le 29 juin', 'narrative', 1, false, 'tuer|homme', 'e2', '2019-06-29', '2019-06-29')""")
    add_own_dates("c1", "c2", "c3", "c5", "c6")
    rows = con.execute("select event_id, claim_ids, date_conflict from timeline order by event_id").fetchall()
    assert rows == [
        ("e1", ["c1", "c2"], True),  # two days in the same week: one occurrence, dates in conflict
        ("e1.2", ["c3", "c4"], False),  # 22 and 29 June
        ("e2", ["c5", "c6"], True),
    ]


def test_timeline_has_one_row_per_event_across_articles_with_its_sources(story, add_story_claim):
    """The same killing told by three articles is one row listing the three; two of them rewrite one AFP
    dispatch, so two independent sources."""
    for claim_id, article in (("k1", "a1"), ("k2", "a2"), ("k3", "a3")):
        add_story_claim(
            claim_id,
            article,
            1,
            "qui a tué le général iranien Qassem Soleimani",
            key="tuer|slmni",
            event_id="e9",
            quote_kind="narrative",
            event_date=date(2020, 1, 3),
        )
    ((key, articles, n_independent, label),) = story.execute(
        "select event_key, article_ids, n_independent_sources, label from timeline"
    ).fetchall()
    assert (key, articles, n_independent) == ("tuer|slmni", ["a1", "a2", "a3"], 2)
    # the clause, trimmed of its relative pronoun: never the event key
    assert label == "A tué le général iranien Qassem Soleimani"
    # with the subject the relative clause leaves out (`claims.subject_text`), an event description
    story.execute("update claims set subject_text = 'une attaque de drone américaine' where claim_id = 'k2'")
    ((label,),) = story.execute("select label from timeline").fetchall()
    assert label == "Une attaque de drone américaine a tué le général iranien Qassem Soleimani"
    # every label quotes the words of one of its claims (the data-quality check)
    check = (PROJECT_ROOT / "warehouse/checks/assert_labels_quote_a_claim.sql").read_text(encoding="utf-8")
    assert story.execute(check).fetchall() == []


def test_a_label_names_its_subject_when_a_claim_of_the_event_does(story, add_story_claim):
    """`a tué le général` reads as a dangling verb: another claim of the event that names its subject is the label,
    even when it is longer."""
    for claim_id, text in (
        ("k1", "qui a tué le général iranien Qassem Soleimani"),
        ("k2", "Une frappe américaine a tué le général iranien Qassem Soleimani à Bagdad"),
    ):
        add_story_claim(
            claim_id,
            "a1",
            1,
            text,
            key="tuer|slmni",
            event_id="e9",
            quote_kind="narrative",
            event_date=date(2020, 1, 3),
        )
    ((label,),) = story.execute("select label from timeline").fetchall()
    assert label == "Une frappe américaine a tué le général iranien Qassem Soleimani à Bagdad"


def test_a_disputed_event_dated_by_one_source_is_in_the_timeline_flagged_with_both_sides(story, add_the_resumption):
    """`les opérations avaient repris mercredi`: a weekday the resolver could not place (the article's day is
    known only as a window) dates the event within the claim's window; the denials join the row."""
    add_the_resumption()
    story.execute("update claims set period_start = '2020-01-13', period_end = '2020-01-19' where claim_id = 'aff1'")
    assert story.execute("select count(*) from timeline").fetchall() == [(0,)]  # no source dates it yet
    story.execute(
        """insert into dates (date_id, article_id, claim_id, surface, timex_type, value, anchor)
           values ('d1', 'a1', 'aff1', 'mercredi', 'DATE', 'XXXX-WXX-3', 'none')"""
    )
    ((claim_ids, start, end, is_disputed, dispute_ids, dates_reported),) = story.execute(
        "select claim_ids, event_start, event_end, is_disputed, dispute_ids, dates_reported from timeline"
    ).fetchall()
    assert claim_ids == ["aff1", "aff2", "deny1", "deny2"]
    assert (start, end, is_disputed) == (date(2020, 1, 13), date(2020, 1, 19), True)
    assert dispute_ids == [r[0] for r in story.execute("select dispute_id from disputes").fetchall()]
    assert dates_reported == ["2020-01-13/2020-01-19"]


def test_an_event_only_denied_or_not_dated_is_not_in_the_timeline(story, add_story_claim):
    add_story_claim(
        "d1",
        "a1",
        -1,
        "personne n'a été tué",
        key="tuer|_",
        event_id="e5",
        quote_kind="narrative",
        event_date=date(2020, 1, 8),
    )
    add_story_claim("u1", "a1", 1, "les opérations avaient repris", quote_kind="narrative")
    assert story.execute("select count(*) from timeline").fetchall() == [(0,)]


def test_every_date_of_a_disputed_date_is_kept(story, add_story_claim):
    for claim_id, article, year in (("f1", "a1", 2014), ("f2", "a3", 2015)):
        add_story_claim(
            claim_id,
            article,
            1,
            f"la formation a commencé en {year}",
            key="commencer|formation",
            event_id="e7",
            quote_kind="narrative",
            event_date=date(year, 1, 1),
        )
        story.execute("update claims set event_end = ? where claim_id = ?", [date(year, 12, 31), claim_id])
        story.execute(
            """insert into dates (date_id, article_id, claim_id, surface, timex_type, value, start_date, end_date,
                   anchor, calendar) values (?, ?, ?, ?, 'DATE', ?, ?, ?, 'absolute', true)""",
            ["d" + claim_id, article, claim_id, f"en {year}", str(year), date(year, 1, 1), date(year, 12, 31)],
        )
    ((kind, sides),) = story.execute("select kind, [s.side for s in sides] from disputes").fetchall()
    assert (kind, sides) == ("date", ["2014", "2015"])
    rows = story.execute("select date_conflict, is_disputed, dates_reported_labels, label from timeline").fetchall()
    assert rows == [(True, True, ["2014", "2015"], "La formation a commencé en 2014")]


def test_an_event_told_by_a_noun_joins_the_row_of_the_event_its_story_dates(con, add_own_dates):
    """`depuis l'assassinat du général` (a definite noun, no date) is a source of the killing another article
    dates; a clause without a date (`il a été tué`) may tell another occurrence, and stays out."""
    con.execute("""insert into claims (claim_id, article_id, text, quote_kind, polarity, hedged, event_key, event_id,
                   event_start, event_end, nominal) values
        ('c1', 'a1', 'tué le 3 janvier', 'narrative', 1, false, 'tuer|slmni', 'e1', '2020-01-03', '2020-01-03', false),
        ('c2', 'a2', 'l''assassinat du général', 'narrative', 1, false, 'tuer|slmni', 'e1', null, null, true),
        ('c3', 'a2', 'les opérations ont repris', 'narrative', 1, false, 'reprendre|operation', 'e2', null, null,
         false),
        ('c4', 'a2', 'la reprise des opérations', 'narrative', 1, false, 'reprendre|operation', 'e2', null, null,
         true)""")
    add_own_dates("c1")
    rows = con.execute("select event_id, claim_ids, article_ids, event_start from timeline").fetchall()
    # an event nobody dates is still no row, whatever tells it
    assert rows == [("e1", ["c1", "c2"], ["a1", "a2"], date(2020, 1, 3))]
