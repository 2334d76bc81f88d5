"""The `disputes` view (`warehouse/views/03_disputes.sql`): the pairs of contradicting claims about one event
gathered into one disputed question with its sides, sources counted once per origin, relays."""

from datetime import date


def test_pairs_about_one_event_are_one_dispute_with_two_sides(story, add_the_resumption):
    add_the_resumption()
    assert story.execute("select count(*) from contradictions").fetchall() == [(4,)]
    ((kind, key, n_sides, sides, claim_ids, n_pairs),) = story.execute(
        "select kind, event_key, n_sides, [s.side for s in sides], claim_ids, len(contradiction_ids) from disputes"
    ).fetchall()
    # four pairs, one question: did the joint operations resume?
    assert (kind, key, n_sides, sides, n_pairs) == ("polarity", "reprendre|operation", 2, ["affirm", "deny"], 4)
    assert claim_ids == ["aff1", "aff2", "deny1", "deny2"]
    sides = dict(
        story.execute("select side, list(claim_id order by claim_id) from dispute_claims group by side").fetchall()
    )
    assert sides == {"affirm": ["aff1", "aff2"], "deny": ["deny1", "deny2"]}


def test_two_events_are_two_disputes(story, add_story_claim, add_the_resumption):
    add_the_resumption()
    add_story_claim("w1", "a1", -1, "Le Pentagone a démenti", speaker="pentagone", key="retirer|troupe", event_id="e2")
    add_story_claim(
        "w2", "a1", 1, "Deux responsables américains", speaker="khalaf", key="retirer|troupe", event_id="e2"
    )
    rows = story.execute("select event_key, n_claims from disputes order by 1").fetchall()
    assert rows == [("reprendre|operation", 4), ("retirer|troupe", 2)]


def test_a_medium_relaying_anonymous_officials_is_one_source_with_its_own_report(story, add_the_resumption):
    """`Deux responsables américains, cités par le New York Times` and the New York Times' own report are one
    origin (the paper's report); Khalaf and the Pentagon are two, although AFP relays Khalaf."""
    add_the_resumption()
    sides = {side["side"]: side for (side,) in story.execute("select unnest(sides) from disputes").fetchall()}
    assert (sides["affirm"]["n_sources"], sides["affirm"]["n_independent_sources"]) == (2, 1)
    assert sides["affirm"]["independent_sources"] == ["The New York Times"]
    assert (sides["deny"]["n_sources"], sides["deny"]["n_independent_sources"]) == (2, 2)
    # who relays whom
    assert sides["affirm"]["relays"] == ["Deux responsables américains via The New York Times"]
    assert sides["deny"]["relays"] == ["Abdulkarim Khalaf via Agence France-Presse"]
    assert story.execute("select n_independent_sources from disputes").fetchall() == [(3,)]


def test_two_wire_copies_count_once(story, add_story_claim):
    """Two outlets rewriting one AFP dispatch say the same in their own voice: one source, the agency's; a
    near-duplicate copy of an article is its original."""
    add_story_claim("n1", "a1", 1, "les opérations avaient repris", quote_kind="narrative")
    add_story_claim("n2", "a2", 1, "les opérations avaient repris", quote_kind="narrative")
    add_story_claim("n3", "a3", -1, "Les opérations communes n'ont pas repris", speaker="khalaf", quote_kind="direct")
    (((affirm, deny),),) = story.execute("select sides from disputes").fetchall()
    assert (affirm["n_claims"], affirm["n_independent_sources"], affirm["independent_sources"]) == (2, 1, ["AFP"])
    assert deny["n_independent_sources"] == 1
    # without the agency credit, two articles are two sources; a near-duplicate copy is still its original
    story.execute("update articles set agencies = []")
    (((affirm, _),),) = story.execute("select sides from disputes").fetchall()
    assert affirm["n_independent_sources"] == 2
    story.execute("update articles set near_duplicate_of = 'a1' where article_id = 'a2'")
    (((affirm, _),),) = story.execute("select sides from disputes").fetchall()
    assert affirm["n_independent_sources"] == 1


def test_the_evidence_quotes_the_body_with_its_offsets(story, add_the_resumption):
    add_the_resumption()
    rows = story.execute(
        """select evidence.text, substr(articles.body, evidence.char_start + 1, evidence.char_end - evidence.char_start)
           from (select unnest(side.evidence) as evidence from (select unnest(sides) as side from disputes))
           inner join articles on articles.article_id = evidence.article_id"""
    ).fetchall()
    assert len(rows) == 4 and all(text == span for text, span in rows)
    first, last = story.execute("select first_reported_on, last_reported_on from disputes").fetchall()[0]
    assert (first, last) == (date(2020, 1, 16), date(2020, 1, 17))


def test_quantity_and_date_disputes_have_one_side_per_value(story):
    for claim_id, article, count in (("q1", "a1", 11), ("q2", "a3", 22), ("q3", "a2", 22)):
        story.execute(
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
    ((kind, sides),) = story.execute("select kind, [s.side for s in sides] from disputes").fetchall()
    assert (kind, sides) == ("quantity", ["11 missile", "22 missile"])
