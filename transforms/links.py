"""Articles about the same story: they share named actors.

Claims of different articles are compared (contradictions, developments, publication-date
narrowing) only within linked pairs, so that two unrelated stories that both say "une enquête a été
ouverte" never meet.
"""

from __future__ import annotations

import polars as pl

MIN_SHARED = 2
MIN_JACCARD = 0.15
# An actor named in very many articles (`France`, `Paris`) says little about the story; it still
# counts in the Jaccard denominator but does not create candidate pairs on its own.
MAX_ARTICLES_PER_ACTOR = 500
_CHUNK = 1000  # articles whose candidate pairs are counted at a time
LINK_SCHEMA = {"article_id_a": pl.String, "article_id_b": pl.String, "n_shared": pl.Int32, "actor_jaccard": pl.Float64}


def link_articles(mentions: pl.DataFrame) -> pl.DataFrame:
    """Args: resolved mentions (`article_id`, `actor_id`).
    Returns: one row per linked pair (`article_id_a` < `article_id_b`): at least two shared actors and
    an actor-set Jaccard of at least 0.15.

    Candidate pairs share an actor named in at most `MAX_ARTICLES_PER_ACTOR` articles; the frequent actors
    they also share are counted for those pairs only (a self-join on `France` would pair every article that
    names it). Articles and actors are joined as integer codes, and the pairs counted a thousand articles at a
    time, so that memory holds the links, not every candidate pair."""
    pairs_in = mentions.select("article_id", "actor_id").unique()
    if pairs_in.is_empty():
        return pl.DataFrame(schema=LINK_SCHEMA)
    articles = pairs_in["article_id"].unique().sort()
    coded = pairs_in.select(
        pl.col("article_id")
        .replace_strict(articles, pl.int_range(articles.len(), dtype=pl.UInt32, eager=True))
        .alias("a"),
        pl.col("actor_id").rank("dense").cast(pl.UInt32).alias("c"),
    )
    sizes = coded.group_by("a").agg(pl.len().cast(pl.UInt32).alias("n_actors"))
    spread = coded.group_by("c").agg(pl.len().alias("df"))
    rare = coded.join(spread.filter(pl.col("df") <= MAX_ARTICLES_PER_ACTOR), on="c", how="semi")
    frequent = coded.join(spread.filter(pl.col("df") > MAX_ARTICLES_PER_ACTOR), on="c", how="semi")
    # candidates of a few articles at a time: the pairs' rows never exceed one chunk's
    found = []
    for first in range(0, articles.len(), _CHUNK):
        mine = rare.filter((pl.col("a") >= first) & (pl.col("a") < first + _CHUNK))
        candidates = (
            mine.join(rare, on="c", suffix="_b")
            .filter(pl.col("a") < pl.col("a_b"))
            .group_by("a", "a_b")
            .agg(pl.len().cast(pl.UInt32).alias("n_shared"))
        )
        # every shared actor counts for the pairs found, the frequent ones included
        also = (
            candidates.select("a", "a_b")
            .join(frequent, on="a")
            .join(frequent.rename({"a": "a_b"}), on=["a_b", "c"])
            .group_by("a", "a_b")
            .agg(pl.len().cast(pl.UInt32).alias("n_frequent"))
        )
        found.append(
            candidates.join(also, on=["a", "a_b"], how="left")
            .with_columns(pl.col("n_shared") + pl.col("n_frequent").fill_null(0))
            .join(sizes.rename({"n_actors": "n_a"}), on="a")
            .join(sizes.rename({"a": "a_b", "n_actors": "n_b"}), on="a_b")
            .with_columns(
                (pl.col("n_shared") / (pl.col("n_a") + pl.col("n_b") - pl.col("n_shared"))).alias("actor_jaccard")
            )
            .filter((pl.col("n_shared") >= MIN_SHARED) & (pl.col("actor_jaccard") >= MIN_JACCARD))
            .select("a", "a_b", "n_shared", "actor_jaccard")
        )
    linked = pl.concat(found)
    return (
        linked.select(
            articles.gather(linked["a"]).alias("article_id_a"),
            articles.gather(linked["a_b"]).alias("article_id_b"),
            "n_shared",
            "actor_jaccard",
        )
        .sort("article_id_a", "article_id_b")
        .cast(LINK_SCHEMA)
    )
