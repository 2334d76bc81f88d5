"""The `developments` view (`warehouse/views/03_developments.sql`): the same event affirmed and denied at
different times, a change of state rather than a contradiction."""

from datetime import date


def test_different_times_are_a_development_not_a_contradiction(con, add_claim, add_link):
    add_link("a1", "a2")  # the same story, told on 16 and 30 January
    add_claim("c1", "a1", "porte-parole irakien", -1, date(2020, 1, 16))
    add_claim("c2", "a2", "coalition", 1, date(2020, 1, 30))
    assert con.execute("select count(*) from contradictions").fetchall()[0][0] == 0
    assert con.execute("select claim_id_before, claim_id_after from developments").fetchall() == [("c1", "c2")]


def test_an_uncertain_window_mostly_before_the_other_is_a_development(con, add_link):
    """`Not resumed`, said some day in January (only the month is known: expected mid-January), vs
    `resuming` on 30 January: a likely change of state, with a lower confidence than disjoint dates, not
    a contradiction; vs `resumed` in the week of 13 January (expected day within a week): a conflict."""
    add_link("a1", "a2")
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


def test_a_development_opposes_the_same_event_as_a_whole(con, add_claim, add_link):
    """The pairs the developments view takes at different times are those the contradictions view would
    take at the same time: not a pronoun agent, a restricted claim, a possibility or an out-of-scope denial."""
    add_link("a1", "a2")
    add_claim("c1", "a1", "la RATP", -1, date(2020, 1, 16), key="exister|metro")
    add_claim("c2", "a2", "la RATP", 1, date(2020, 1, 30), key="exister|metro")

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


def test_a_denial_answering_a_report_weeks_later_disputes_it_and_changes_nothing(con, add_claim, add_link):
    # Centre-Presse quotes the deputy on 16 January; on 30 January he denies the words attributed to him
    add_link("a1", "a2")
    add_claim("c1", "a1", "Centre-Presse", 1, date(2020, 1, 16), key="passer|temps")
    add_claim("c2", "a2", "le député", -1, date(2020, 1, 30), key="passer|temps")
    con.execute("update claims set restricted = false")
    assert con.execute("select count(*) from contradictions").fetchall()[0][0] == 0  # two times, no answer
    assert len(con.execute("select * from developments").fetchall()) == 1
    con.execute(
        "update claims set stance = 'deny', responds_to_claim_id = 'c1', negation = 'démentir' where claim_id = 'c2'"
    )
    ((explanation, confidence),) = con.execute("select explanation, confidence from contradictions").fetchall()
    assert explanation == "le député denies the account of Centre-Presse (démentir)" and confidence == 0.9
    assert con.execute("select * from developments").fetchall() == []


def test_a_light_verb_at_two_times_is_no_development(con, add_claim, add_link):
    """`n'a pas les mots` then `auront leur mot à dire`: the theme of a light verb names no one event
    (classes marked `light` in `event_classes`); at one time its claims are still opposed."""
    add_link("a1", "a2")
    add_claim("c1", "a1", "un proche", -1, date(2019, 1, 10), key="avoir|mot")
    add_claim("c2", "a2", "le président", 1, date(2019, 2, 10), key="avoir|mot")
    assert con.execute("select count(*) from developments").fetchall() == [(0,)]
    con.execute("update event_classes set light = false where event_class = 'avoir'")
    assert con.execute("select count(*) from developments").fetchall() == [(1,)]
    con.execute("update event_classes set light = true where event_class = 'avoir'")
    con.execute("update claims set period_start = date '2019-01-10', period_end = date '2019-01-10'")
    assert con.execute("select kind from contradictions").fetchall() == [("polarity",)]
