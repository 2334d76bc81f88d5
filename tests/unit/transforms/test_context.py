"""What an article's resolution reads from the rest of the corpus: its context key changes with it, and only
with it; articles in the order a full run reads the folder; narrowing groups."""

from datetime import date

import polars as pl

from transforms.context import context_keys, input_position, input_ranks, narrowing_groups
from transforms.speakers import CUE_SCHEMA, speaker_cues


def _inputs(rows):
    return pl.DataFrame(rows, schema=["article_id", "container_uri", "source_uri"], orient="row")


def test_articles_are_ranked_by_their_first_input_in_the_folders_order():
    # `feed.jsonl#10` comes after `feed.jsonl#9` (line numbers, not text); paths compare part by part, as
    # `discover_inputs` sorts them (`a/b.txt` before `a.txt`: 'a' < 'a.txt'); an article read twice takes its
    # first input
    ranks = input_ranks(
        _inputs(
            [
                ("late", "feed.jsonl", "feed.jsonl#10"),
                ("early", "feed.jsonl", "feed.jsonl#9"),
                ("twice", "z.txt", "z.txt"),
                ("twice", "a.txt", "a.txt"),
                ("nested", "a/b.txt", "a/b.txt"),
                (None, "bad.txt", "bad.txt"),  # quarantined: no article
            ]
        )
    )
    assert ranks.sort("input_rank")["article_id"].to_list() == ["nested", "twice", "early", "late"]
    assert input_position("feed.jsonl.gz", "feed.jsonl.gz#3") == (("feed.jsonl.gz",), 3)


def _publications(rows):
    return pl.DataFrame(
        [(a, on, on, on, "file_metadata" if on else "unknown") for a, on in rows],
        schema=["article_id", "published_on", "published_earliest", "published_latest", "published_basis"],
        orient="row",
    )


def _links(pairs):
    return pl.DataFrame(pairs, schema=["article_id_a", "article_id_b"], orient="row")


def test_articles_without_a_fixed_day_narrow_in_groups_closed_by_articles_of_a_fixed_day():
    day = date(2020, 1, 8)
    publications = _publications([("a", None), ("b", None), ("c", day), ("d", None), ("e", None)])
    # a-b linked, b linked to c (a fixed day: it never changes, so it closes the group), c linked to d
    groups = narrowing_groups(publications, _links([("a", "b"), ("b", "c"), ("c", "d")]))
    by_article = {r["article_id"]: r for r in groups.iter_rows(named=True)}
    assert set(by_article) == {"a", "b", "d"}  # e is linked to nothing: nothing narrows it
    assert by_article["a"]["narrowing_group"] == by_article["b"]["narrowing_group"] == "a"
    assert by_article["d"]["narrowing_group"] == "d"
    assert by_article["a"]["narrowing_key"] != by_article["d"]["narrowing_key"]
    # a new link to the group changes its key, not the other group's
    again = {
        r["article_id"]: r["narrowing_key"]
        for r in narrowing_groups(publications, _links([("a", "b"), ("b", "c"), ("c", "d"), ("a", "c")])).iter_rows(
            named=True
        )
    }
    assert again["a"] != by_article["a"]["narrowing_key"] and again["d"] == by_article["d"]["narrowing_key"]


def _keys(mentions, actors, genders=None, cues=None, prefixes=None, roles=None, day=date(2020, 1, 8)):
    return dict(
        context_keys(
            pl.DataFrame(mentions, schema=["article_id", "char_start", "char_end", "actor_id", "label"], orient="row"),
            pl.DataFrame(actors, schema=["actor_id", "actor_type", "category"], orient="row"),
            genders or {},
            pl.DataFrame(cues or [], schema=CUE_SCHEMA, orient="row"),
            prefixes or {},
            pl.DataFrame(roles or [], schema=["actor_id", "role", "article_id"], orient="row"),
            _publications([("a", day), ("b", day)]),
        ).iter_rows()
    )


MENTIONS = [("a", 0, 10, "mark-esper", "PER"), ("a", 20, 29, "pentagone", "ORG"), ("b", 0, 10, "mark-esper", "PER")]
ACTORS = [("mark-esper", "PER", ""), ("pentagone", "ORG", "org")]


def test_a_context_key_changes_with_what_the_article_reads_only():
    base = _keys(MENTIONS, ACTORS)
    # another actor for one of a's mentions: a changes, b does not
    moved = _keys([*MENTIONS[:1], ("a", 20, 29, "ministere", "ORG"), MENTIONS[2]], [*ACTORS, ("ministere", "ORG", "")])
    assert moved["a"] != base["a"] and moved["b"] == base["b"]
    # the Pentagon becomes a place: only a names it
    retyped = _keys(MENTIONS, [ACTORS[0], ("pentagone", "LOC", "org")])
    assert retyped["a"] != base["a"] and retyped["b"] == base["b"]
    # a publication day moves
    assert _keys(MENTIONS, ACTORS, day=date(2020, 1, 9))["a"] != base["a"]


def test_genders_prefixes_and_functions_count_only_where_a_speaker_reads_them():
    # `il a déclaré` in a: Esper's gender matters to a, not to b (no pronoun speaker)
    pronoun = [("c1", "a", True, None, None)]
    unknown, male = _keys(MENTIONS, ACTORS, cues=pronoun), _keys(MENTIONS, ACTORS, {"mark-esper": "m"}, pronoun)
    assert unknown["a"] != male["a"] and unknown["b"] == male["b"]
    # `la coalition internationale` in b: the organisations whose names begin with it
    described = [("c2", "b", False, "coalition internationale", None)]
    none = _keys(MENTIONS, ACTORS, cues=described)
    one = _keys(MENTIONS, ACTORS, cues=described, prefixes={"coalition internationale": {"coalition"}})
    assert none["b"] != one["b"] and none["a"] == one["a"]
    # `le secrétaire à la Défense` in a: the functions articles give a's people, with the same head
    titled = [("c3", "a", False, None, "secretaire")]
    given = _keys(MENTIONS, ACTORS, cues=titled, roles=[("mark-esper", "secrétaire à la Défense", "b")])
    other_head = _keys(MENTIONS, ACTORS, cues=titled, roles=[("mark-esper", "ministre", "b")])
    assert given["a"] != other_head["a"]
    assert other_head["a"] == _keys(MENTIONS, ACTORS, cues=titled)["a"]  # a function of another head: unread


def test_speaker_cues_say_what_a_claim_may_read():
    body = "Il a déclaré que rien. La coalition internationale a démenti. Le procureur de Reims a précisé."
    claims = pl.DataFrame(
        [
            ("c1", "a", "Il", 0, 2),
            ("c2", "a", "La coalition internationale", 23, 50),
            ("c3", "a", "Le procureur de Reims", 62, 83),
            ("c4", "a", None, None, None),  # the article's own voice: no cue
        ],
        schema={
            "claim_id": pl.String,
            "article_id": pl.String,
            "speaker_text": pl.String,
            "speaker_start": pl.Int32,
            "speaker_end": pl.Int32,
        },
        orient="row",
    )
    cues = speaker_cues(claims, pl.DataFrame({"article_id": ["a"], "body": [body]}))
    assert cues.select("claim_id", "pronoun", "organisation_prefix", "function_head").rows() == [
        ("c1", True, None, None),
        ("c2", False, "coalition internationale", None),
        ("c3", False, "procureur de reims", "procureur"),  # (a description: its words may begin a name too)
    ]
