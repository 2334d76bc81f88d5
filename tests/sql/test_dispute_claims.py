"""The `dispute_claims` view (`warehouse/views/03_dispute_claims.sql`): each claim taking a side in a dispute,
the dispute being every contradiction of one kind about one event, gathered transitively."""

from datetime import date


def test_pairs_about_one_event_gather_into_one_dispute_with_a_side_per_claim(story, add_the_resumption):
    add_the_resumption()
    rows = story.execute(
        "select claim_id, dispute_id, kind, side, side_rank, origin_name from dispute_claims order by claim_id"
    ).fetchall()
    # four pairs (deny1 and deny2 each against aff1 and aff2): one dispute, two sides
    assert len({row[1] for row in rows}) == 1
    assert [(r[0], r[2], r[3], r[4]) for r in rows] == [
        ("aff1", "polarity", "affirm", 1),
        ("aff2", "polarity", "affirm", 1),
        ("deny1", "polarity", "deny", 2),
        ("deny2", "polarity", "deny", 2),
    ]
    # who stands behind each side: the relayed officials are the paper's report
    assert [r[5] for r in rows] == ["The New York Times", "The New York Times", "Abdulkarim Khalaf", "Pentagone"]


def test_another_event_is_another_dispute(story, add_the_resumption, add_story_claim):
    add_the_resumption()
    add_story_claim("w1", "a1", -1, "Le Pentagone a démenti", speaker="pentagone", key="retirer|troupe", event_id="e2")
    add_story_claim("w2", "a1", 1, "Deux responsables", speaker="khalaf", key="retirer|troupe", event_id="e2")
    disputes = dict(
        story.execute("select event_key, count(distinct dispute_id) from dispute_claims group by 1").fetchall()
    )
    assert disputes == {"reprendre|operation": 1, "retirer|troupe": 1}
    assert story.execute("select count(distinct dispute_id) from dispute_claims").fetchall() == [(2,)]


def test_counts_are_sides_ranked_by_value(story):
    for claim_id, article, count in (("q1", "a1", 22), ("q2", "a3", 11), ("q3", "a2", 22)):
        story.execute(
            """insert into claims (claim_id, article_id, text, speaker_text, quote_kind, polarity, hedged, event_key,
                       event_id, quantity, quantity_op, quantity_unit, period_start, period_end)
               values (?, ?, ?, ?, 'indirect', 1, false, 'attaquer|base', 'e3', ?, '=', 'missile', ?, ?)""",
            [claim_id, article, f"{count} missiles", f"source {claim_id}", count, date(2020, 1, 8), date(2020, 1, 8)],
        )
    rows = story.execute("select claim_id, kind, side, side_rank from dispute_claims order by claim_id").fetchall()
    assert rows == [
        ("q1", "quantity", "22 missile", 2),
        ("q2", "quantity", "11 missile", 1),
        ("q3", "quantity", "22 missile", 2),
    ]
