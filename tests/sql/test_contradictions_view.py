"""The contradiction, development and timeline views on tiny hand-made tables."""

from datetime import date

import duckdb
import pytest

from flows.warehouse_io import create_schema, create_views


@pytest.fixture
def con():
    con = duckdb.connect()
    create_schema(con)
    con.execute("""insert into articles (article_id, source_uri, content_sha256, language, published_basis, body,
                   published_on, published_earliest, published_latest)
                   values ('a1', 'a1.txt', 'x', 'fr', 'header', 'corps', '2020-01-16', '2020-01-16', '2020-01-16'),
                          ('a2', 'a2.txt', 'y', 'fr', 'text', 'corps', '2020-01-30', '2020-01-30', '2020-01-30')""")
    create_views(con)
    return con


def _claim(
    con, claim_id, article, speaker, polarity, period, quantity=None, op=None, unit=None, key="reprendre|operation"
):
    con.execute(
        """insert into claims (claim_id, article_id, text, speaker_text, quote_kind, polarity, hedged,
                   event_key, quantity, quantity_op, quantity_unit, period_start, period_end)
                   values (?, ?, ?, ?, 'indirect', ?, false, ?, ?, ?, ?, ?, ?)""",
        [claim_id, article, f"texte {claim_id}", speaker, polarity, key, quantity, op, unit, period, period],
    )


def _link(con, article_a, article_b, shared=2):
    con.execute("insert into article_links values (?, ?, ?, 0.5)", [article_a, article_b, shared])


def _own_dates(con, *claim_ids, calendar=True):
    """The claims' own words date them: a temporal expression in their span (`dates.claim_id`) that names
    its month or year (`calendar`), or a deictic one (`vendredi`) when `calendar` is false."""
    for claim_id in claim_ids:
        con.execute(
            """insert into dates (date_id, article_id, claim_id, surface, timex_type, start_date, end_date, anchor,
                                 calendar)
               select 'd' || claim_id, article_id, claim_id, 'date', 'DATE', event_start, event_end, 'absolute',
                      ?
               from claims where claim_id = ?""",
            [calendar, claim_id],
        )


def test_opposite_polarity_same_time_is_a_contradiction(con):
    _claim(con, "c1", "a1", "porte-parole irakien", -1, date(2020, 1, 16))
    _claim(con, "c2", "a1", "responsables américains", 1, date(2020, 1, 15))
    _claim(con, "c3", "a1", "responsables américains", 1, None)
    rows = con.execute("select kind, claim_id_a, claim_id_b from contradictions order by 2, 3").fetchall()
    # c1/c2 speak about different days: a development; c1/c3 has an unknown time: kept, lower confidence
    assert rows == [("polarity", "c1", "c3")]
    confidence = con.execute("select confidence from contradictions").fetchall()[0][0]
    assert 0 < confidence < 0.9


def test_different_times_are_a_development_not_a_contradiction(con):
    _link(con, "a1", "a2")  # the same story, told on 16 and 30 January
    _claim(con, "c1", "a1", "porte-parole irakien", -1, date(2020, 1, 16))
    _claim(con, "c2", "a2", "coalition", 1, date(2020, 1, 30))
    assert con.execute("select count(*) from contradictions").fetchall()[0][0] == 0
    assert con.execute("select claim_id_before, claim_id_after from developments").fetchall() == [("c1", "c2")]


def test_same_speaker_never_contradicts_itself_here(con):
    _claim(con, "c1", "a1", "coalition", -1, date(2020, 1, 16))
    _claim(con, "c2", "a1", "coalition", 1, date(2020, 1, 16))
    assert con.execute("select count(*) from contradictions").fetchall()[0][0] == 0


def test_quantities_respect_comparators(con):
    day = date(2020, 1, 16)
    _claim(con, "c1", "a1", "source A", 1, day, 5000, ">", "soldat", "deployer|soldat")
    _claim(con, "c2", "a1", "source B", 1, day, 5200, "=", "soldat", "deployer|soldat")
    _claim(con, "c3", "a1", "source C", 1, day, 11, "=", "missile", "attaquer|base")
    _claim(con, "c4", "a1", "source D", 1, day, 22, "=", "missile", "attaquer|base")
    rows = con.execute("select kind, claim_id_a, claim_id_b from contradictions").fetchall()
    assert rows == [("quantity", "c3", "c4")]  # "plus de 5000" and 5200 are compatible


def test_timeline_groups_dated_claims_and_flags_conflicting_dates(con):
    con.execute("""insert into claims (claim_id, article_id, text, quote_kind, polarity, hedged, event_key,
                   event_start, event_end) values
                   ('c1', 'a1', 'suspendue le 5 janvier', 'narrative', 1, false, 'suspendre|operation', '2020-01-05', '2020-01-05'),
                   ('c2', 'a2', 'suspendue le 5 janvier', 'narrative', 1, false, 'suspendre|operation', '2020-01-05', '2020-01-05'),
                   ('c3', 'a1', 'tué le 3 janvier', 'narrative', 1, false, 'tuer|general', '2020-01-03', '2020-01-03'),
                   ('c4', 'a2', 'tué le 2 janvier', 'narrative', 1, false, 'tuer|general', '2020-01-02', '2020-01-02'),
                   ('c5', 'a2', 'sans date', 'narrative', 1, false, 'partir|troupe', null, null)""")
    _own_dates(con, "c1", "c2", "c3", "c4")
    rows = {
        r[0]: r[1:]
        for r in con.execute(
            "select event_key, n_articles, n_claims, date_conflict, first_reported_on from timeline"
        ).fetchall()
    }
    assert rows["suspendre|operation"] == (2, 2, False, date(2020, 1, 16))
    assert rows["tuer|general"][2] is True
    assert "partir|troupe" not in rows  # undated events stay out of the timeline


def test_claims_from_unrelated_articles_are_not_compared(con):
    _claim(con, "c1", "a1", "porte-parole irakien", -1, date(2020, 1, 16))
    _claim(con, "c2", "a2", "responsables américains", 1, date(2020, 1, 16))
    assert con.execute("select count(*) from contradictions").fetchall()[0][0] == 0
    # the same two articles, now linked as telling the same story
    _link(con, "a1", "a2")
    assert con.execute("select claim_id_a, claim_id_b from contradictions").fetchall() == [("c1", "c2")]


def test_copies_of_one_wire_are_one_source(con):
    con.execute("update articles set near_duplicate_of = 'a1' where article_id = 'a2'")
    _link(con, "a1", "a2")
    _claim(con, "c1", "a1", "AFP", -1, date(2020, 1, 16))
    _claim(con, "c2", "a2", "l'agence", 1, date(2020, 1, 16))
    assert con.execute("select count(*) from contradictions").fetchall()[0][0] == 0


def test_an_uncertain_window_mostly_before_the_other_is_a_development(con):
    """`Not resumed`, said some day in January (only the month is known: expected mid-January), vs
    `resuming` on 30 January: a likely change of state, with a lower confidence than disjoint dates, not
    a contradiction; vs `resumed` in the week of 13 January (expected day within a week): a conflict."""
    _link(con, "a1", "a2")
    con.execute(
        """insert into claims (claim_id, article_id, text, quote_kind, polarity, hedged, event_key,
                   speaker_text, period_start, period_end) values
           ('c1', 'a1', 'pas repris', 'direct', -1, false, 'reprendre|operation', 'irakien', '2020-01-05', '2020-01-31'),
           ('c2', 'a2', 'reprenons', 'direct', 1, false, 'reprendre|operation', 'coalition', '2020-01-30', '2020-02-05'),
           ('c3', 'a2', 'ont repris', 'direct', 1, false, 'reprendre|operation', 'officiels', '2020-01-13', '2020-01-19')"""
    )
    pairs = con.execute("select claim_id_a, claim_id_b from contradictions order by 1, 2").fetchall()
    assert pairs == [("c1", "c3")]
    rows = con.execute("select claim_id_before, claim_id_after, confidence from developments").fetchall()
    assert rows == [("c1", "c2", 0.6)]


def test_different_onsets_of_one_activity_are_a_date_conflict_whatever_their_time(con):
    """`formation … depuis 2014` vs `depuis 2015`: both keyed as the start of the training; the
    year-long windows do not overlap, which makes them a date conflict (not two different times)."""
    _link(con, "a1", "a2", shared=3)
    con.execute(
        """insert into claims (claim_id, article_id, text, quote_kind, polarity, hedged, event_key,
                   event_start, event_end, period_start, period_end) values
           ('c1', 'a1', 'formation depuis 2014', 'narrative', 1, false, 'commencer|formation',
            '2014-01-01', '2014-12-31', '2014-01-01', '2014-12-31'),
           ('c2', 'a2', 'formation depuis 2015', 'narrative', 1, false, 'commencer|formation',
            '2015-01-01', '2015-12-31', '2015-01-01', '2015-12-31')"""
    )
    _own_dates(con, "c1", "c2")
    ((kind, explanation),) = con.execute("select kind, explanation from contradictions").fetchall()
    assert kind == "date" and "dates it 2014" in explanation and "dates it 2015" in explanation
    assert con.execute("select date_conflict, dates_reported_labels from timeline").fetchall() == [
        (True, ["2014", "2015"])
    ]


def test_onsets_of_different_agents_do_not_conflict(con):
    """`Emmanuel Macron a entamé ses vacances mercredi` vs `les vacances du gouvernement ont débuté
    samedi`: two beginnings of `vacances`, but not the same person's."""
    _link(con, "a1", "a2")
    con.execute(
        """insert into claims (claim_id, article_id, text, quote_kind, polarity, hedged, event_key, agent,
                   event_start, event_end, period_start, period_end) values
           ('c1', 'a1', 'Macron a entamé ses vacances', 'narrative', 1, false, 'commencer|vacance', 'mkrn',
            '2019-07-24', '2019-07-24', '2019-07-24', '2019-07-24'),
           ('c2', 'a2', 'le gouvernement, vacances samedi', 'narrative', 1, false, 'commencer|vacance', 'gouvernement',
            '2019-07-27', '2019-07-27', '2019-07-27', '2019-07-27')"""
    )
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]


def test_opposite_claims_about_different_agents_do_not_conflict(con):
    """`Les États-Unis n'ont pas retiré leurs troupes` / `La France a retiré ses troupes`."""
    day = date(2020, 1, 16)
    _claim(con, "c1", "a1", "source A", -1, day, key="retirer|troupe")
    _claim(con, "c2", "a1", "source B", 1, day, key="retirer|troupe")
    con.execute("update claims set agent = 'etats-unis' where claim_id = 'c1'")
    con.execute("update claims set agent = 'france' where claim_id = 'c2'")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    con.execute("update claims set agent = null where claim_id = 'c2'")  # unknown agent: may be the same
    assert con.execute("select count(*) from contradictions").fetchall() == [(1,)]
    # a pronoun agent (`?`: `il ne serrait pas la main`, `vous m'auriez serré la main`) is nobody in particular
    con.execute("update claims set agent = '?'")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]


def test_an_undated_casualty_report_contradicts_a_dated_denial_whatever_its_day(con):
    _link(con, "a1", "a2", shared=3)
    con.execute("""insert into claims (claim_id, article_id, text, speaker_text, quote_kind, polarity, hedged,
                   event_key, event_start, event_end, period_start, period_end, negation) values
                   ('c1', 'a1', 'personne n''a été tué ni blessé', null, 'narrative', -1, false, 'blesser|_',
                    '2020-01-06', '2020-01-12', '2020-01-06', '2020-01-12', 'personne … n''… ni'),
                   ('c9', 'a1', 'il n''a pas été blessé', 'X', 'indirect', -1, false, 'blesser|_',
                    null, null, '2020-01-16', '2020-01-16', 'n''… pas'),
                   ('c2', 'a2', 'des dizaines ont subi des traumatismes', null, 'narrative', 1, false, 'blesser|_',
                    null, null, '2020-01-30', '2020-01-30', null),
                   ('c3', 'a1', 'les opérations n''ont pas repris', null, 'narrative', -1, false,
                    'reprendre|operation', null, null, '2020-01-16', '2020-01-16', 'n''… pas'),
                   ('c4', 'a2', 'nous reprenons nos opérations', null, 'narrative', 1, false,
                    'reprendre|operation', null, null, '2020-01-30', '2020-01-30', null),
                   ('c5', 'a1', 'je ne comprends pas', 'X', 'direct', -1, false, 'comprendre|_',
                    null, null, '2020-01-16', '2020-01-16', 'ne … pas'),
                   ('c6', 'a1', 'chacun le comprendra', 'Y', 'direct', 1, false, 'comprendre|_',
                    null, null, '2020-01-16', '2020-01-16', null)""")
    # tolls: 3 dead said on the 16th (undated), 5 dead said on the 30th (undated): news, not a conflict
    _claim(con, "c7", "a1", "police", 1, date(2020, 1, 16), 3, "=", "personne", "tuer|personne")
    _claim(con, "c8", "a2", "hôpital", 1, date(2020, 1, 30), 5, "=", "personne", "tuer|personne")
    rows = con.execute("select kind, claim_id_a, claim_id_b, explanation from contradictions").fetchall()
    # the injuries are one past episode: a contradiction (time uncertain); the operations changed state;
    # an event with no theme other than a casualty is never compared (`comprendre|_`), and a casualty
    # without a theme only when denied by a negative quantifier (`personne`, not `il n'a pas été blessé`)
    assert [r[:3] for r in rows] == [("polarity", "c1", "c2")]
    assert "time uncertain" in rows[0][3]
    # the two periods do not overlap: the row spans both (6 to 30 January), never an inverted interval
    assert con.execute("select period_start, period_end from contradictions").fetchall() == [
        (date(2020, 1, 6), date(2020, 1, 30))
    ]
    assert con.execute("select claim_id_before, claim_id_after from developments").fetchall() == [("c3", "c4")]
    # a casualty without a theme is the incident its story tells: articles that share few of their actors
    # (`aucune personne n'a été blessée` on a train, `six passants poignardés` in the street) tell two
    con.execute("update article_links set actor_jaccard = 0.18")
    assert con.execute("select count(*) from contradictions where kind = 'polarity'").fetchall() == [(0,)]


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


def test_an_event_that_recurs_has_one_timeline_row_per_occurrence(con):
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
    _own_dates(con, "c1", "c2", "c3", "c5", "c6")
    rows = con.execute("select event_id, claim_ids, date_conflict from timeline order by event_id").fetchall()
    assert rows == [
        ("e1", ["c1", "c2"], True),  # two days in the same week: one occurrence, dates in conflict
        ("e1.2", ["c3", "c4"], False),  # 22 and 29 June
        ("e2", ["c5", "c6"], True),
    ]


def test_a_restricted_denial_and_a_possessed_theme(con):
    _link(con, "a1", "a2")
    con.execute("""insert into claims (claim_id, article_id, text, speaker_text, quote_kind, polarity, hedged,
                   event_key, denial_scope, theme_owned, agent, event_start, event_end, period_start, period_end)
                   values
                   ('c1', 'a1', 'Aucune enquête pour tentative de meurtre n''a été ouverte', 'procureur', 'indirect',
                    -1, false, 'ouvrir|enquete', 'tentative', false, null, null, null, '2020-01-16', '2020-01-16'),
                   ('c2', 'a1', 'une enquête en recherche des causes de la mort a été ouverte', 'parquet', 'indirect',
                    1, false, 'ouvrir|enquete', null, false, null, null, null, '2020-01-16', '2020-01-16'),
                   ('c3', 'a2', 'une enquête pour tentative de meurtre a été ouverte', 'avocat', 'indirect',
                    1, false, 'ouvrir|enquete', null, false, null, null, null, '2020-01-16', '2020-01-16'),
                   ('c4', 'a1', 'Macron a entamé ses vacances mercredi', null, 'narrative', 1, false,
                    'commencer|vacance', null, true, 'macron', '2020-01-15', '2020-01-15', '2020-01-15', '2020-01-15'),
                   ('c5', 'a2', 'les vacances ont débuté samedi', null, 'narrative', 1, false,
                    'commencer|vacance', null, false, null, '2020-01-18', '2020-01-18', '2020-01-18', '2020-01-18')""")
    rows = con.execute("select kind, claim_id_a, claim_id_b from contradictions order by 2, 3").fetchall()
    # only the affirmation that names the attempted murder contradicts the restricted denial; the
    # holidays that began on Saturday may be someone else's than Macron's
    assert rows == [("polarity", "c1", "c3")]


def test_within_one_article_only_two_quoted_sources_disagree(con):
    """The article's own voice does not contradict a source it quotes without saying so; two sources
    it quotes may (Esper and the coalition letter in one dispatch)."""
    day = date(2020, 1, 16)
    _claim(con, "c1", "a1", "Élysée", 1, day, key="retransmettre|echange")
    con.execute(
        """insert into claims (claim_id, article_id, text, quote_kind, polarity, hedged, event_key,
                   period_start, period_end) values
           ('c2', 'a1', 'pas retransmis', 'narrative', -1, false, 'retransmettre|echange', ?, ?)""",
        [day, day],
    )
    assert con.execute("select count(*) from contradictions").fetchall()[0][0] == 0
    _claim(con, "c3", "a1", "un journaliste", -1, day, key="retransmettre|echange")
    assert con.execute("select claim_id_a, claim_id_b from contradictions").fetchall() == [("c1", "c3")]


def test_date_conflicts_need_own_dates_one_occurrence_and_a_story(con):
    """`l'hommage rendu mardi aux militaires tués` dates the homage, not the killing (a date inherited
    from the sentence); `la nouvelle campagne débutera dimanche` is not the campaign another article
    dates; two articles sharing two actors are a thin story."""
    _link(con, "a1", "a2", shared=3)
    con.execute(
        """insert into claims (claim_id, article_id, text, quote_kind, polarity, hedged, event_key, new_instance,
                   event_start, event_end, period_start, period_end) values
           ('c1', 'a1', 'tués le 10 mai', 'narrative', 1, false, 'tuer|militaire', false,
            '2019-05-10', '2019-05-10', '2019-05-10', '2019-05-10'),
           ('c2', 'a2', 'tués', 'narrative', 1, false, 'tuer|militaire', false,
            '2019-05-14', '2019-05-14', '2019-05-14', '2019-05-14'),
           ('c3', 'a1', 'la campagne a commencé le 1er mars', 'narrative', 1, false, 'commencer|operation', false,
            '2019-03-01', '2019-03-01', '2019-03-01', '2019-03-01'),
           ('c4', 'a2', 'la nouvelle campagne débutera dimanche', 'narrative', 1, false, 'commencer|operation', true,
            '2019-04-21', '2019-04-21', '2019-04-21', '2019-04-21')"""
    )
    _own_dates(con, "c1", "c3", "c4")
    assert con.execute("select count(*) from contradictions where kind = 'date'").fetchall() == [(0,)]
    assert con.execute("select bool_or(date_conflict) from timeline").fetchall() == [(False,)]
    _own_dates(con, "c2", calendar=False)  # `tués vendredi`: a deictic date, shifted by a late publication
    assert con.execute("select count(*) from contradictions where kind = 'date'").fetchall() == [(0,)]
    assert con.execute("select bool_or(date_conflict) from timeline").fetchall() == [(False,)]
    con.execute("update dates set calendar = true")  # now both killings are dated with their month
    assert con.execute("select claim_id_a, claim_id_b from contradictions").fetchall() == [("c1", "c2")]
    assert con.execute("select bool_or(date_conflict) from timeline").fetchall() == [(True,)]
    con.execute("update article_links set n_shared = 2")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    con.execute("update article_links set n_shared = 3, actor_jaccard = 0.16")  # 3 shared of 19: two stories
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]


def test_a_running_tally_conflicts_only_when_it_shrinks(con):
    """`105 personnes interpellées` (said on the 16th), then `au total, 173` (said on the 30th): the tally
    as it grew; the reverse order contradicts; the same day, a count stamped with its hour is a moment."""
    _link(con, "a1", "a2", shared=3)
    day = date(2020, 1, 16)
    _claim(con, "c1", "a1", "préfecture", 1, day, 105, "=", "personne", "interpeller|personne")
    _claim(con, "c2", "a2", "ministre", 1, day, 173, "=", "personne", "interpeller|personne")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    con.execute("update claims set quantity = 300 where claim_id = 'c1'")  # said first, then fewer
    assert con.execute("select kind, claim_id_a, claim_id_b from contradictions").fetchall() == [
        ("quantity", "c1", "c2")
    ]
    con.execute("update articles set published_on = '2020-01-16' where article_id = 'a2'")  # the same day:
    assert con.execute("select count(*) from contradictions").fetchall() == [(1,)]  # two sources disagree,
    con.execute(  # unless one count is the tally at an hour of the day (`à 16 heures`)
        """insert into dates (date_id, article_id, claim_id, surface, timex_type, value, anchor)
           values ('d1', 'a1', 'c1', 'à 16 heures', 'TIME', '2020-01-16T16:00', 'publication')"""
    )
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    # a count that is not a tally (missiles of one strike) conflicts whenever it was said
    _claim(con, "c3", "a1", "source C", 1, day, 11, "=", "missile", "attaquer|base")
    _claim(con, "c4", "a2", "source D", 1, day, 22, "=", "missile", "attaquer|base")
    assert con.execute("select claim_id_a, claim_id_b from contradictions").fetchall() == [("c3", "c4")]


def test_shares_are_not_counts(con):
    day = date(2019, 6, 1)
    _claim(con, "c1", "a1", "Ifop", 1, day, 65, "=", "pourcent", "avoir|opinion")
    _claim(con, "c2", "a1", "Elabe", 1, day, 60, "=", "pourcent", "avoir|opinion")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]


def test_only_counts_that_are_the_news_conflict(con):
    """12 départements on alert at dawn, 11 at 16:00; 984 products sold by one retailer, 434 by
    another: counts of other events are tallies and measurements, not conflicting reports."""
    day = date(2018, 1, 28)
    _claim(con, "c1", "a1", "Météo France", 1, day, 12, "=", "departement", "maintenir|vigilance")
    _claim(con, "c2", "a1", "préfecture", 1, day, 11, "=", "departement", "maintenir|vigilance")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    _claim(con, "c3", "a1", "police", 1, day, 3, "=", "personne", "tuer|personne")
    _claim(con, "c4", "a1", "hôpital", 1, day, 5, "=", "personne", "tuer|personne")
    con.execute("update claims set event_start = period_start, event_end = period_end")  # (dated tolls)
    assert con.execute("select kind, claim_id_a, claim_id_b from contradictions").fetchall() == [
        ("quantity", "c3", "c4")
    ]


def test_a_past_state_in_the_imperfect_does_not_deny_an_event(con):
    """`aucun bateau ne venait chez nous` (a situation, imperfect) and `un bateau est venu` (an event):
    the situation before the event, unless both are dated in their own words."""
    _claim(con, "c1", "a1", "un touriste", -1, date(2020, 1, 16), key="venir|bateau")
    _claim(con, "c2", "a1", "un autre touriste", 1, date(2020, 1, 16), key="venir|bateau")
    assert con.execute("select count(*) from contradictions").fetchall() == [(1,)]
    con.execute("update claims set imperfect = true where claim_id = 'c1'")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    con.execute("update claims set imperfect = true where claim_id = 'c2'")  # two states: compared again
    assert con.execute("select count(*) from contradictions").fetchall() == [(1,)]
    con.execute("update claims set imperfect = false where claim_id = 'c2'")
    con.execute("update claims set event_start = period_start, event_end = period_end")
    _own_dates(con, "c1", "c2")  # both dated (`le 16 janvier`): the same time, a conflict
    assert con.execute("select count(*) from contradictions").fetchall() == [(1,)]


def test_a_possibility_is_denied_only_by_an_impossibility(con):
    """`pourrait battre des records` vs `on ne devrait pas battre ces records`: both can be right;
    `pourrait` vs `ne pourrait pas` cannot."""
    _claim(con, "c1", "a1", "la prévisionniste", 1, date(2020, 1, 16), key="battre|record")
    _claim(con, "c2", "a1", "un météorologue", -1, date(2020, 1, 16), key="battre|record")
    con.execute("update claims set possible = true, modal = 'pouvoir' where claim_id = 'c1'")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    con.execute("update claims set possible = true, modal = 'devoir' where claim_id = 'c2'")  # an expectation
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    con.execute("update claims set possible = true, modal = 'pouvoir' where claim_id = 'c2'")
    assert con.execute("select count(*) from contradictions").fetchall() == [(1,)]


def test_a_development_opposes_the_same_event_as_a_whole(con):
    """The pairs the developments view takes at different times are those the contradictions view would
    take at the same time: not a pronoun agent, a restricted claim, a possibility or an out-of-scope denial."""
    _link(con, "a1", "a2")
    _claim(con, "c1", "a1", "la RATP", -1, date(2020, 1, 16), key="exister|metro")
    _claim(con, "c2", "a2", "la RATP", 1, date(2020, 1, 30), key="exister|metro")

    def developments():
        return con.execute("select claim_id_before, claim_id_after from developments").fetchall()

    assert developments() == [("c1", "c2")]
    con.execute("update claims set restricted = true where claim_id = 'c2'")  # `un métro sur trois uniquement`
    assert developments() == []
    con.execute("update claims set restricted = false")
    con.execute("update claims set agent = '?' where claim_id = 'c1'")  # `on n'a reçu aucun…`
    assert developments() == []
    con.execute(
        "update claims set agent = null, possible = true, modal = 'pouvoir' where claim_id = 'c1'"
    )  # `aucun métro ne pourrait`
    assert developments() == []
    con.execute("update claims set possible = false, modal = null, denial_scope = 'ligne' where claim_id = 'c1'")
    assert developments() == []  # `aucun métro sur les lignes 2 et 3`: c2 does not mention them
    con.execute("update claims set text = 'un métro sur la ligne 4' where claim_id = 'c2'")
    assert developments() == [("c1", "c2")]


def test_a_denial_of_a_report_is_explained_as_a_denial_not_an_affirmation(con):
    # « Je ne comprends pas l'Europe », aurait dit la reine; the palace denied this report: the denial of a
    # negative quotation has polarity +1, but the palace affirms nothing
    day = date(2020, 1, 16)
    _claim(con, "c1", "a1", "la reine", -1, day, key="comprendre|europe")
    _claim(con, "c2", "a1", "le palais", 1, day, key="comprendre|europe")
    con.execute(
        "update claims set stance = 'deny', responds_to_claim_id = 'c1', negation = 'démentir' where claim_id = 'c2'"
    )
    ((explanation,),) = con.execute("select explanation from contradictions").fetchall()
    assert explanation == "le palais denies the account of la reine (démentir)"
    # without the link, the polarities explain the row
    con.execute("update claims set responds_to_claim_id = null where claim_id = 'c2'")
    ((explanation,),) = con.execute("select explanation from contradictions").fetchall()
    assert explanation == "la reine denies it (ne … pas); le palais affirms it"


def test_a_denial_answering_a_report_weeks_later_disputes_it_and_changes_nothing(con):
    # Centre-Presse quotes the deputy on 16 January; on 30 January he denies the words attributed to him
    _link(con, "a1", "a2")
    _claim(con, "c1", "a1", "Centre-Presse", 1, date(2020, 1, 16), key="passer|temps")
    _claim(con, "c2", "a2", "le député", -1, date(2020, 1, 30), key="passer|temps")
    con.execute("update claims set restricted = false")
    assert con.execute("select count(*) from contradictions").fetchall()[0][0] == 0  # two times, no answer
    assert len(con.execute("select * from developments").fetchall()) == 1
    con.execute(
        "update claims set stance = 'deny', responds_to_claim_id = 'c1', negation = 'démentir' where claim_id = 'c2'"
    )
    ((explanation, confidence),) = con.execute("select explanation, confidence from contradictions").fetchall()
    assert explanation == "le député denies the account of Centre-Presse (démentir)" and confidence == 0.9
    assert con.execute("select * from developments").fetchall() == []


def test_a_light_verb_at_two_times_is_no_development(con):
    """`n'a pas les mots` then `auront leur mot à dire`: the theme of a light verb names no one event
    (classes marked `light` in `event_classes`); at one time its claims are still opposed."""
    _link(con, "a1", "a2")
    _claim(con, "c1", "a1", "un proche", -1, date(2019, 1, 10), key="avoir|mot")
    _claim(con, "c2", "a2", "le président", 1, date(2019, 2, 10), key="avoir|mot")
    assert con.execute("select count(*) from developments").fetchall() == [(0,)]
    con.execute("update event_classes set light = false where event_class = 'avoir'")
    assert con.execute("select count(*) from developments").fetchall() == [(1,)]
    con.execute("update event_classes set light = true where event_class = 'avoir'")
    con.execute("update claims set period_start = date '2019-01-10', period_end = date '2019-01-10'")
    assert con.execute("select kind from contradictions").fetchall() == [("polarity",)]


def test_the_event_classes_table_decides_which_counts_conflict(con):
    """`event_classes` (from `lexicons/event_classes.csv`) is read by the views: a class marked `counted`
    has its counts compared, whatever the view's code."""
    assert con.execute("select event_class from event_classes where counted and tallied order by 1").fetchall() == [
        ("blesser",),
        ("interpeller",),
        ("tuer",),
    ]
    day = date(2018, 1, 28)
    _claim(con, "c1", "a1", "Météo France", 1, day, 12, "=", "departement", "maintenir|vigilance")
    _claim(con, "c2", "a1", "préfecture", 1, day, 11, "=", "departement", "maintenir|vigilance")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    con.execute("insert into event_classes values ('maintenir', false, true, false, false, false)")
    assert con.execute("select kind from contradictions").fetchall() == [("quantity",)]


def test_a_casualty_denied_by_a_quantifier_opposes_tolls_that_name_or_not_the_victims(con):
    _link(con, "a1", "a2", shared=3)
    con.execute("""insert into claims (claim_id, article_id, text, speaker_text, quote_kind, polarity, hedged,
                   event_key, quantity, period_start, period_end, negation) values
                   ('c1', 'a1', 'aucun Américain n''a été blessé', 'Trump', 'direct', -1, false, 'blesser|_',
                    null, '2020-01-16', '2020-01-16', 'aucun … n''a'),
                   ('c2', 'a2', 'onze soldats ont été blessés', 'Pentagone', 'indirect', 1, false, 'blesser|soldat',
                    11, '2020-01-16', '2020-01-16', null),
                   ('c3', 'a1', 'le général n''a pas été tué', 'X', 'indirect', -1, false, 'tuer|general',
                    null, '2020-01-16', '2020-01-16', 'n''… pas'),
                   ('c4', 'a2', 'l''attaque a fait 80 morts', 'Y', 'indirect', 1, false, 'tuer|_',
                    80, '2020-01-16', '2020-01-16', null),
                   ('c5', 'a1', 'aucun civil n''a été tué', 'Z', 'indirect', -1, false, 'tuer|civil',
                    null, '2020-01-16', '2020-01-16', 'aucun … n''a'),
                   ('c6', 'a2', 'trois militaires ont été tués', 'W', 'indirect', 1, false, 'tuer|militaire',
                    3, '2020-01-16', '2020-01-16', null),
                   ('c7', 'a2', 'Soleimani, tué dans une frappe', null, 'narrative', 1, false, 'tuer|slmni',
                    null, '2020-01-16', '2020-01-16', null),
                   ('c8', 'a1', 'personne n''a été tué', null, 'narrative', -1, false, 'tuer|_',
                    null, '2020-01-16', '2020-01-16', 'personne … n''a')""")
    rows = con.execute("select claim_id_a, claim_id_b from contradictions order by 1, 2").fetchall()
    # `aucun Américain` denies the eleven soldiers and `aucun civil` the 80 dead of a report that names no
    # victim; `personne` denies both tolls; `le général n'a pas été tué` denies no toll, two named themes
    # (`civil`, `militaire`) are two sets of victims, and one named victim (`Soleimani, tué`) is no toll of
    # the incident `personne` speaks of
    assert rows == [("c1", "c2"), ("c4", "c5"), ("c4", "c8"), ("c6", "c8")]


def test_a_denial_that_counts_answers_only_a_count_in_its_range(con):
    _link(con, "a1", "a2")
    _claim(con, "c1", "a1", "Esper", -1, date(2020, 1, 16), 5000, ">", "soldat", "retirer|soldat")
    _claim(con, "c2", "a2", "Pentagone", 1, date(2020, 1, 16), None, None, None, "retirer|soldat")
    _claim(con, "c3", "a2", "Reuters", 1, date(2020, 1, 16), 6000, "=", "soldat", "retirer|soldat")
    rows = con.execute("select claim_id_a, claim_id_b from contradictions where kind = 'polarity'").fetchall()
    # `n'ont pas retiré plus de 5000 soldats` says nothing of `les soldats ont été évacués`
    assert rows == [("c1", "c3")]


def test_counts_that_answer_each_other_conflict_whatever_their_event_and_time(con):
    """`1,1 million de manifestants selon la police, 2 millions selon la CGT`: two sources' counts juxtaposed
    in one sentence, the second answering the first (`responds_to_claim_id`), are counts of one thing at one
    time, though a turnout is no event whose count is otherwise compared."""
    _claim(con, "c1", "a1", "la police", 1, None, 1.1e6, "=", "personne", "compter|personne")
    _claim(con, "c2", "a1", "la CGT", 1, None, 2e6, "=", "personne", "compter|personne")
    _claim(con, "c3", "a1", "les syndicats", 1, None, 1.5e6, ">", "personne", "compter|personne")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]  # (not counted otherwise)
    con.execute("update claims set stance = 'assert', responds_to_claim_id = 'c1' where claim_id in ('c2', 'c3')")
    rows = con.execute(
        "select kind, claim_id_a, claim_id_b, confidence, explanation from contradictions order by 2, 3"
    ).fetchall()
    # (c3 answers c1 with `plus de 1,5 million`, incompatible; c2 and c3 do not answer each other)
    assert [r[:3] for r in rows] == [("quantity", "c1", "c2"), ("quantity", "c1", "c3")]
    assert all(r[3] == 0.9 for r in rows)  # the same time by construction: no uncertainty
    assert rows[0][4] == "la police counts 1100000 personne; la CGT counts 2000000 personne: incompatible"
    assert "more than 1500000 personne" in rows[1][4]


def test_counts_that_answer_each_other_may_leave_their_unit_unsaid(con):
    """`233 selon le collectif, 195 selon le ministère`: neither names what it counts; two unrelated counts
    without a unit are still not compared."""
    _claim(con, "c1", "a1", "le collectif", 1, None, 233, "=", None, "compter|nombre")
    _claim(con, "c2", "a1", "le ministère", 1, None, 195, "=", None, "compter|nombre")
    _claim(con, "c3", "a1", "la préfecture", 1, None, 12, "=", None, "compter|nombre")
    con.execute("update claims set stance = 'assert', responds_to_claim_id = 'c1' where claim_id = 'c2'")
    rows = con.execute("select kind, claim_id_a, claim_id_b from contradictions").fetchall()
    assert rows == [("quantity", "c1", "c2")]
