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
LINK_SCHEMA = {"article_id_a": pl.String, "article_id_b": pl.String, "n_shared": pl.Int32, "actor_jaccard": pl.Float64}


def link_articles(mentions: pl.DataFrame) -> pl.DataFrame:
    """Args: resolved mentions (`article_id`, `actor_id`).
    Returns: one row per linked pair (`article_id_a` < `article_id_b`): at least two shared actors and
    an actor-set Jaccard of at least 0.15."""
    pairs_in = mentions.select("article_id", "actor_id").unique()
    if pairs_in.is_empty():
        return pl.DataFrame(schema=LINK_SCHEMA)
    sizes = pairs_in.group_by("article_id").agg(pl.len().alias("n_actors"))
    frequent = pairs_in.group_by("actor_id").agg(pl.len().alias("df")).filter(pl.col("df") > MAX_ARTICLES_PER_ACTOR)
    candidates = pairs_in.join(frequent, on="actor_id", how="anti")
    shared = (
        candidates.join(candidates, on="actor_id", suffix="_b")
        .filter(pl.col("article_id") < pl.col("article_id_b"))
        .group_by("article_id", "article_id_b")
        .agg(pl.len().alias("n_candidates"))
        .rename({"article_id": "article_id_a"})
    )
    # count every shared actor (frequent ones included) for the pairs found
    full = (
        pairs_in.join(pairs_in, on="actor_id", suffix="_b")
        .join(
            shared.select("article_id_a", "article_id_b"),
            left_on=["article_id", "article_id_b"],
            right_on=["article_id_a", "article_id_b"],
            how="semi",
        )
        .group_by("article_id", "article_id_b")
        .agg(pl.len().cast(pl.Int32).alias("n_shared"))
        .rename({"article_id": "article_id_a"})
    )
    linked = (
        full.join(sizes.rename({"article_id": "article_id_a", "n_actors": "n_a"}), on="article_id_a")
        .join(sizes.rename({"article_id": "article_id_b", "n_actors": "n_b"}), on="article_id_b")
        .with_columns(
            (pl.col("n_shared") / (pl.col("n_a") + pl.col("n_b") - pl.col("n_shared"))).alias("actor_jaccard")
        )
        .filter((pl.col("n_shared") >= MIN_SHARED) & (pl.col("actor_jaccard") >= MIN_JACCARD))
        .select(list(LINK_SCHEMA))
        .sort("article_id_a", "article_id_b")
    )
    return linked.cast(LINK_SCHEMA)
