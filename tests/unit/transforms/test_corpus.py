"""The corpus stage's joins: articles' corpus-wide columns and rows, gender votes, which narrowing groups are
narrowed again and in which batches, and which articles are resolved again."""

from datetime import date

import polars as pl

from transforms.corpus import (
    article_columns,
    article_rows,
    article_state,
    articles_to_resolve,
    gender_votes,
    group_batches,
    linked_readers,
    settled_groups,
    with_narrowed,
)
from transforms.dating import PUBLICATION_SCHEMA
from transforms.near_duplicates import minhash_signature

WIRE = (
    "Le porte-parole du commandement des opérations conjointes a affirmé jeudi que les opérations avec la "
    "coalition internationale n'avaient pas repris depuis leur suspension au début du mois, selon plusieurs "
    "sources militaires citées par la presse irakienne."
)
OTHER = (
    "La grève des transports se poursuit en Île-de-France, où la RATP prévoit un trafic très perturbé sur la "
    "plupart des lignes de métro ce week-end, tandis que les négociations reprennent lundi au ministère."
)


def _publications(rows):
    return pl.DataFrame(rows, schema=PUBLICATION_SCHEMA, orient="row")


def test_articles_list_their_other_inputs_and_the_first_article_they_republish():
    documents = pl.DataFrame(
        {
            "article_id": ["reprise", "original", "autre"],
            "source_uri": ["b.txt", "a.txt", "c.txt"],
            "minhash": [minhash_signature(WIRE + " (AFP)"), minhash_signature(WIRE), minhash_signature(OTHER)],
        }
    )
    inputs = pl.DataFrame(
        {
            # `a.txt` comes first in the folder: the original is the article a full run reads first
            "article_id": ["reprise", "original", "original", "autre", None],
            "source_uri": ["b.txt", "a.txt", "copie/a.txt", "c.txt", "vide.txt"],
            "container_uri": ["b.txt", "a.txt", "copie/a.txt", "c.txt", "vide.txt"],
        }
    )
    columns = article_columns(documents, inputs).sort("article_id")
    assert columns.rows() == [
        ("autre", [], None),
        ("original", ["copie/a.txt"], None),  # its own input is not a duplicate of it
        ("reprise", [], "original"),
    ]


def test_an_articles_row_counts_its_sentences_and_says_when_its_day_is_unknown():
    documents = pl.DataFrame({"article_id": ["a", "b"], "title": ["Grève", "Vaccins"], "minhash": [[1], [2]]})
    publications = _publications([("a", date(2020, 1, 16), date(2020, 1, 16), date(2020, 1, 16), "dateline")])
    sentences = pl.DataFrame({"article_id": ["a", "a"], "sentence_idx": [0, 1]})
    columns = pl.DataFrame({"article_id": ["a", "b"], "near_duplicate_of": [None, "a"]})
    rows = article_rows(documents, publications, sentences, columns).sort("article_id")
    assert "minhash" not in rows.columns
    assert rows.select("article_id", "published_basis", "n_sentences", "near_duplicate_of").rows() == [
        ("a", "dateline", 2, None),
        ("b", "unknown", 0, "a"),  # no interval, no sentence
    ]
    assert rows.schema["n_sentences"] == pl.Int32


def test_a_title_weighs_twice_a_function_and_cues_of_unresolved_mentions_do_not_vote():
    mentions = pl.DataFrame(
        {"article_id": ["a", "a"], "char_start": [4, 40], "char_end": [16, 52], "actor_id": ["dupont", None]}
    )
    roles = pl.DataFrame({"article_id": ["a"], "char_start": [40], "role": ["ministre"], "actor_id": ["martin"]})
    # « Mme Dupont » (title, f); « la ministre Martin » (function, f); a title on a mention no actor resolved
    title_cues = pl.DataFrame(
        {"article_id": ["a", "b"], "char_start": [4, 0], "char_end": [16, 9], "gender": ["f", "m"]}
    )
    role_cues = pl.DataFrame({"article_id": ["a"], "char_start": [40], "role": ["ministre"], "gender": ["f"]})
    votes = gender_votes(title_cues, role_cues, mentions, roles)
    assert votes.rows() == [("dupont", "f", 2), ("martin", "f", 1)]


def _groups(rows):
    return pl.DataFrame(rows, schema=["article_id", "narrowing_group", "narrowing_key"], orient="row")


def test_a_group_keeps_its_published_intervals_only_when_every_member_keeps_its_key():
    groups = _groups([("a", "a", "k1"), ("b", "a", "k1"), ("c", "c", "k2"), ("d", "c", "k3")])
    day = date(2020, 1, 13)
    previous = pl.DataFrame(
        [(x, key, day, day, day, "narrowed") for x, key in [("a", "k1"), ("b", "k1"), ("c", "k2"), ("d", "old")]],
        schema=["article_id", "narrowing_key", *list(PUBLICATION_SCHEMA)[1:]],
        orient="row",
    )
    kept, stale = settled_groups(groups, previous)
    assert sorted(kept["article_id"].to_list()) == ["a", "b"] and kept.columns == list(PUBLICATION_SCHEMA)
    # `d`'s key changed: its whole group is narrowed again
    assert sorted(stale["article_id"].to_list()) == ["c", "d"]
    # a new warehouse keeps nothing
    kept, stale = settled_groups(groups, None)
    assert kept.is_empty() and stale.equals(groups)


def test_groups_are_batched_whole():
    groups = _groups([("b", "a", "k"), ("a", "a", "k"), ("c", "c", "k"), ("e", "e", "k"), ("f", "e", "k")])
    assert group_batches(groups, 3) == [["a", "b", "c"], ["e", "f"]]
    assert group_batches(groups, 1) == [["a", "b"], ["c"], ["e", "f"]]
    assert group_batches(groups.clear(), 3) == []


def test_narrowing_reads_the_articles_linked_to_the_members():
    links = pl.DataFrame({"article_id_a": ["a", "b", "x"], "article_id_b": ["c", "d", "y"], "n_shared": [2, 3, 1]})
    touching, readers = linked_readers(links, ["a", "d"])
    assert touching["article_id_a"].to_list() == ["a", "b"] and readers == ["a", "b", "c", "d"]


def test_narrowed_intervals_replace_the_initial_ones():
    day, week = date(2020, 1, 13), (date(2020, 1, 13), date(2020, 1, 19))
    initial = _publications([("a", None, *week, "week"), ("b", day, day, day, "dateline")])
    narrowed = [_publications([("a", day, day, day, "narrowed")])]
    result = with_narrowed(initial, narrowed)
    assert result.select("article_id", "published_basis").rows() == [("b", "dateline"), ("a", "narrowed")]


def test_articles_are_resolved_again_when_new_or_when_their_context_changed():
    keys = pl.DataFrame({"article_id": ["a", "b", "c"], "context_key": ["ka", "kb2", "kc"]})
    state = article_state(keys, _groups([("b", "b", "g")]))
    assert state.rows() == [("a", "ka", None), ("b", "kb2", "g"), ("c", "kc", None)]
    previous = pl.DataFrame({"article_id": ["a", "b", "gone"], "context_key": ["ka", "kb1", "kg"]})
    resolution = articles_to_resolve(["a", "b", "c"], {"a", "b", "gone"}, state, previous)
    assert (resolution.new, resolution.removed, resolution.resolved) == (["c"], ["gone"], ["b", "c"])
    # a new warehouse resolves every article
    assert articles_to_resolve(["c", "a"], set(), state, None).resolved == ["a", "c"]
