"""The disputes and timeline views on tiny hand-made tables: pairs of contradicting claims gathered into one
disputed question with its sides, sources counted once per origin, relays; timeline rows per real-world
event, disputed ones kept, labels in the words of the text."""

from datetime import date

import duckdb
import pytest

from flows.warehouse_io import create_schema, create_views

BODY = (
    "Les opérations communes n'ont pas repris, a déclaré à l'AFP le porte-parole Abdulkarim Khalaf. "
    "Deux responsables américains, cités par le New York Times, ont indiqué que les opérations avaient repris "
    "mercredi. Le Pentagone a démenti ces informations."
)


@pytest.fixture
def con():
    con = duckdb.connect()
    create_schema(con)
    con.execute(
        """insert into articles (article_id, source_uri, content_sha256, language, published_basis, body, agencies,
                   published_on, published_earliest, published_latest)
           values ('a1', 'a1.txt', 'x', 'fr', 'text', ?, ['AFP'], '2020-01-16', '2020-01-16', '2020-01-16'),
                  ('a2', 'a2.txt', 'y', 'fr', 'text', ?, ['AFP'], '2020-01-17', '2020-01-17', '2020-01-17'),
                  ('a3', 'a3.txt', 'z', 'fr', 'text', ?, [], '2020-01-17', '2020-01-17', '2020-01-17')""",
        [BODY, BODY, BODY],
    )
    con.execute(
        """insert into actors (actor_id, canonical_name, actor_type) values
           ('khalaf', 'Abdulkarim Khalaf', 'PER'), ('nyt', 'The New York Times', 'ORG'),
           ('pentagone', 'Pentagone', 'ORG'), ('afp', 'Agence France-Presse', 'ORG')"""
    )
    # three articles telling one story
    con.execute("insert into article_links values ('a1', 'a2', 4, 0.5), ('a1', 'a3', 4, 0.5), ('a2', 'a3', 4, 0.5)")
    create_views(con)
    return con


def _claim(
    con,
    claim_id,
    article,
    polarity,
    text,
    speaker=None,
    speaker_text=None,
    via=None,
    key="reprendre|operation",
    quote_kind="indirect",
    event_id="e1",
    period=date(2020, 1, 16),
    event_date=None,
    responds_to=None,
):
    start = BODY.find(text)
    con.execute(
        """insert into claims (claim_id, article_id, text, char_start, char_end, speaker_actor_id, speaker_text,
                   via_actor_id, quote_kind, polarity, hedged, event_key, event_id, period_start, period_end,
                   event_start, event_end, responds_to_claim_id, stance)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            claim_id,
            article,
            text,
            start if start >= 0 else None,
            start + len(text) if start >= 0 else None,
            speaker,
            speaker_text,
            via,
            quote_kind,
            polarity,
            key,
            event_id,
            period,
            period,
            event_date,
            event_date,
            responds_to,
            "deny" if responds_to else "assert",
        ],
    )


def _the_resumption(con):
    """Khalaf (via AFP) and the Pentagon deny what the New York Times' officials affirm: three pairs, and a
    fourth with the NYT's own report in a second article."""
    _claim(
        con,
        "deny1",
        "a1",
        -1,
        "Les opérations communes n'ont pas repris",
        speaker="khalaf",
        speaker_text="le porte-parole Abdulkarim Khalaf",
        via="afp",
        quote_kind="direct",
    )
    _claim(
        con,
        "aff1",
        "a1",
        1,
        "les opérations avaient repris mercredi",
        speaker_text="Deux responsables américains",
        via="nyt",
    )
    _claim(con, "deny2", "a1", -1, "ces informations", speaker="pentagone", responds_to="aff1")
    _claim(con, "aff2", "a3", 1, "les opérations avaient repris", speaker="nyt", speaker_text="Le New York Times")


def test_pairs_about_one_event_are_one_dispute_with_two_sides(con):
    _the_resumption(con)
    assert con.execute("select count(*) from contradictions").fetchall() == [(4,)]
    ((kind, key, n_sides, sides, claim_ids, n_pairs),) = con.execute(
        "select kind, event_key, n_sides, [s.side for s in sides], claim_ids, len(contradiction_ids) from disputes"
    ).fetchall()
    # four pairs, one question: did the joint operations resume?
    assert (kind, key, n_sides, sides, n_pairs) == ("polarity", "reprendre|operation", 2, ["affirm", "deny"], 4)
    assert claim_ids == ["aff1", "aff2", "deny1", "deny2"]
    sides = dict(
        con.execute("select side, list(claim_id order by claim_id) from dispute_claims group by side").fetchall()
    )
    assert sides == {"affirm": ["aff1", "aff2"], "deny": ["deny1", "deny2"]}


def test_two_events_are_two_disputes(con):
    _the_resumption(con)
    _claim(con, "w1", "a1", -1, "Le Pentagone a démenti", speaker="pentagone", key="retirer|troupe", event_id="e2")
    _claim(con, "w2", "a1", 1, "Deux responsables américains", speaker="khalaf", key="retirer|troupe", event_id="e2")
    rows = con.execute("select event_key, n_claims from disputes order by 1").fetchall()
    assert rows == [("reprendre|operation", 4), ("retirer|troupe", 2)]


def test_a_medium_relaying_anonymous_officials_is_one_source_with_its_own_report(con):
    """`Deux responsables américains, cités par le New York Times` and the New York Times' own report are one
    origin (the paper's report); Khalaf and the Pentagon are two, although AFP relays Khalaf."""
    _the_resumption(con)
    sides = {side["side"]: side for (side,) in con.execute("select unnest(sides) from disputes").fetchall()}
    assert (sides["affirm"]["n_sources"], sides["affirm"]["n_independent_sources"]) == (2, 1)
    assert sides["affirm"]["independent_sources"] == ["The New York Times"]
    assert (sides["deny"]["n_sources"], sides["deny"]["n_independent_sources"]) == (2, 2)
    # who relays whom
    assert sides["affirm"]["relays"] == ["Deux responsables américains via The New York Times"]
    assert sides["deny"]["relays"] == ["Abdulkarim Khalaf via Agence France-Presse"]
    assert con.execute("select n_independent_sources from disputes").fetchall() == [(3,)]


def test_two_wire_copies_count_once(con):
    """Two outlets rewriting one AFP dispatch say the same in their own voice: one source, the agency's; a
    near-duplicate copy of an article is its original."""
    _claim(con, "n1", "a1", 1, "les opérations avaient repris", quote_kind="narrative")
    _claim(con, "n2", "a2", 1, "les opérations avaient repris", quote_kind="narrative")
    _claim(con, "n3", "a3", -1, "Les opérations communes n'ont pas repris", speaker="khalaf", quote_kind="direct")
    (((affirm, deny),),) = con.execute("select sides from disputes").fetchall()
    assert (affirm["n_claims"], affirm["n_independent_sources"], affirm["independent_sources"]) == (2, 1, ["AFP"])
    assert deny["n_independent_sources"] == 1
    # without the agency credit, two articles are two sources; a near-duplicate copy is still its original
    con.execute("update articles set agencies = []")
    (((affirm, _),),) = con.execute("select sides from disputes").fetchall()
    assert affirm["n_independent_sources"] == 2
    con.execute("update articles set near_duplicate_of = 'a1' where article_id = 'a2'")
    (((affirm, _),),) = con.execute("select sides from disputes").fetchall()
    assert affirm["n_independent_sources"] == 1


def test_the_evidence_quotes_the_body_with_its_offsets(con):
    _the_resumption(con)
    rows = con.execute(
        """select evidence.text, substr(articles.body, evidence.char_start + 1, evidence.char_end - evidence.char_start)
           from (select unnest(side.evidence) as evidence from (select unnest(sides) as side from disputes))
           inner join articles on articles.article_id = evidence.article_id"""
    ).fetchall()
    assert len(rows) == 4 and all(text == span for text, span in rows)
    first, last = con.execute("select first_reported_on, last_reported_on from disputes").fetchall()[0]
    assert (first, last) == (date(2020, 1, 16), date(2020, 1, 17))


def test_quantity_and_date_disputes_have_one_side_per_value(con):
    for claim_id, article, count in (("q1", "a1", 11), ("q2", "a3", 22), ("q3", "a2", 22)):
        con.execute(
            """insert into claims (claim_id, article_id, text, speaker_text, quote_kind, polarity, hedged, event_key,
                       event_id, quantity, quantity_op, quantity_unit, period_start, period_end)
               values (?, ?, ?, ?, 'indirect', 1, false, 'attaquer|base', 'e3', ?, '=', 'missile', ?, ?)""",
            [
                claim_id,
                article,
                f"{count} missiles ont frappé la base",
                f"source {claim_id}",
                count,
                date(2020, 1, 8),
                date(2020, 1, 8),
            ],
        )
    ((kind, sides),) = con.execute("select kind, [s.side for s in sides] from disputes").fetchall()
    assert (kind, sides) == ("quantity", ["11 missile", "22 missile"])


def test_timeline_has_one_row_per_event_across_articles_with_its_sources(con):
    """The same killing told by three articles is one row listing the three; two of them rewrite one AFP
    dispatch, so two independent sources."""
    for claim_id, article in (("k1", "a1"), ("k2", "a2"), ("k3", "a3")):
        _claim(
            con,
            claim_id,
            article,
            1,
            "qui a tué le général iranien Qassem Soleimani",
            key="tuer|slmni",
            event_id="e9",
            quote_kind="narrative",
            event_date=date(2020, 1, 3),
        )
    ((key, articles, n_independent, label),) = con.execute(
        "select event_key, article_ids, n_independent_sources, label from timeline"
    ).fetchall()
    assert (key, articles, n_independent) == ("tuer|slmni", ["a1", "a2", "a3"], 2)
    # the clause, trimmed of its relative pronoun: never the event key
    assert label == "A tué le général iranien Qassem Soleimani"


def test_a_disputed_event_dated_by_one_source_is_in_the_timeline_flagged_with_both_sides(con):
    """`les opérations avaient repris mercredi`: a weekday the resolver could not place (the article's day is
    known only as a window) dates the event within the claim's window; the denials join the row."""
    _the_resumption(con)
    con.execute("update claims set period_start = '2020-01-13', period_end = '2020-01-19' where claim_id = 'aff1'")
    assert con.execute("select count(*) from timeline").fetchall() == [(0,)]  # no source dates it yet
    con.execute(
        """insert into dates (date_id, article_id, claim_id, surface, timex_type, value, anchor)
           values ('d1', 'a1', 'aff1', 'mercredi', 'DATE', 'XXXX-WXX-3', 'none')"""
    )
    ((claim_ids, start, end, is_disputed, dispute_ids, dates_reported),) = con.execute(
        "select claim_ids, event_start, event_end, is_disputed, dispute_ids, dates_reported from timeline"
    ).fetchall()
    assert claim_ids == ["aff1", "aff2", "deny1", "deny2"]
    assert (start, end, is_disputed) == (date(2020, 1, 13), date(2020, 1, 19), True)
    assert dispute_ids == [r[0] for r in con.execute("select dispute_id from disputes").fetchall()]
    assert dates_reported == ["2020-01-13/2020-01-19"]


def test_an_event_only_denied_or_not_dated_is_not_in_the_timeline(con):
    _claim(
        con,
        "d1",
        "a1",
        -1,
        "personne n'a été tué",
        key="tuer|_",
        event_id="e5",
        quote_kind="narrative",
        event_date=date(2020, 1, 8),
    )
    _claim(con, "u1", "a1", 1, "les opérations avaient repris", quote_kind="narrative")
    assert con.execute("select count(*) from timeline").fetchall() == [(0,)]


def test_every_date_of_a_disputed_date_is_kept(con):
    for claim_id, article, year in (("f1", "a1", 2014), ("f2", "a3", 2015)):
        _claim(
            con,
            claim_id,
            article,
            1,
            f"la formation a commencé en {year}",
            key="commencer|formation",
            event_id="e7",
            quote_kind="narrative",
            event_date=date(year, 1, 1),
        )
        con.execute("update claims set event_end = ? where claim_id = ?", [date(year, 12, 31), claim_id])
        con.execute(
            """insert into dates (date_id, article_id, claim_id, surface, timex_type, value, start_date, end_date,
                   anchor, calendar) values (?, ?, ?, ?, 'DATE', ?, ?, ?, 'absolute', true)""",
            ["d" + claim_id, article, claim_id, f"en {year}", str(year), date(year, 1, 1), date(year, 12, 31)],
        )
    ((kind, sides),) = con.execute("select kind, [s.side for s in sides] from disputes").fetchall()
    assert (kind, sides) == ("date", ["2014", "2015"])
    rows = con.execute("select date_conflict, is_disputed, dates_reported_labels, label from timeline").fetchall()
    assert rows == [(True, True, ["2014", "2015"], "La formation a commencé en 2014")]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("qui a tué le général iranien Qassem Soleimani", "A tué le général iranien Qassem Soleimani"),
        (
            "Les tensions en Irak étaient en hausse depuis fin décembre, lorsqu'une attaque à la roquette a tué",
            "Les tensions en Irak étaient en hausse depuis fin décembre",
        ),
        (
            "qu'elles constituent une « violation de la souveraineté »",
            "Elles constituent une violation de la souveraineté",
        ),
        ("après que les États-Unis ont lancé une frappe", "Les États-Unis ont lancé une frappe"),
        (
            "Des frappes aériennes américaines ont visé des milices soutenues par l'Iran sur cinq sites en Irak et en "
            "Syrie, y compris des dépôts",
            "Des frappes aériennes américaines ont visé des milices soutenues par l'Iran sur cinq…",
        ),
        ("« ", None),
    ],
)
def test_clause_label(con, text, label):
    assert con.execute("select clause_label(?)", [text]).fetchall() == [(label,)]
