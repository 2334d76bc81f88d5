"""The corpus stage's joins: frames in, frames out (the flow reads the lake and writes the warehouse,
`flows/corpus.py`).

- `article_cues`: what an article's own rows tell the corpus stage (computed once, where it is extracted);
- `article_columns`: the corpus-wide columns of `articles` (duplicate inputs, near-duplicates);
- `article_rows`: an article's row of `articles` (document, publication interval, sentence count, those columns);
- `gender_votes`: the genders titles and functions give actors, as votes;
- `settled_groups`, `group_batches`, `linked_readers`, `with_narrowed`: which narrowing groups keep their
  published intervals, which are narrowed again and in which batches, and what each batch reads;
- `article_state`, `articles_to_resolve`: what each article's resolution reads, and which articles are new,
  removed, or resolved again.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from transforms.context import input_ranks
from transforms.dating import PUBLICATION_SCHEMA, infer_publications
from transforms.near_duplicates import near_duplicates
from transforms.person_gender import ROLE_VOTE_SCHEMA, TITLE_VOTE_SCHEMA, VOTE_SCHEMA, role_votes, title_votes
from transforms.speakers import CUE_SCHEMA, speaker_cues

# the columns of documents cues read
CUE_DOCUMENT_COLUMNS = ["article_id", "body", "date_hint", "metadata_date"]
# an article's cues, in the order they are written (`cues_publications` last: it marks them complete)
CUE_OUTPUTS = {
    "cues_titles": TITLE_VOTE_SCHEMA,
    "cues_roles": ROLE_VOTE_SCHEMA,
    "cues_speakers": CUE_SCHEMA,
    "cues_publications": PUBLICATION_SCHEMA,
}


@dataclass(frozen=True)
class Resolution:
    """Which articles a run writes: `new` (not in the published warehouse), `removed` (no longer in the lake),
    `resolved` (new, or their context changed), each sorted."""

    new: list[str]
    removed: list[str]
    resolved: list[str]


def article_cues(
    documents: pl.DataFrame,
    mentions: pl.DataFrame,
    roles: pl.DataFrame,
    claims: pl.DataFrame,
    timex: pl.DataFrame,
    sentences: pl.DataFrame,
) -> dict[str, pl.DataFrame]:
    """What each article's own rows tell the corpus stage: the gender a civil title gives a name, the gender a
    function gives its holder, the cues of its claims' speakers, its publication interval from its own evidence.
    Each depends on the article alone, so it is computed once, where the article is extracted.

    Args: documents (`article_id`, `body`, `date_hint`, `metadata_date`) and their raw mentions, functions,
    claims, temporal expressions and sentences, each sorted by its key as the lake gives them.
    Returns: the frames of `CUE_OUTPUTS`."""
    return {
        "cues_titles": title_votes(mentions, documents),
        "cues_roles": role_votes(roles, documents),
        "cues_speakers": speaker_cues(claims, documents),
        "cues_publications": infer_publications(documents, timex, sentences),
    }


def article_columns(documents: pl.DataFrame, inputs: pl.DataFrame) -> pl.DataFrame:
    """Args: the lake's documents (`article_id`, `source_uri`, `minhash`); its input rows (`article_id`,
    `source_uri`, `container_uri`). Returns: one row per document: `article_id`, `duplicate_uris` (the other
    inputs of the same content, sorted) and `near_duplicate_of` (the first article, in the order a full run
    reads the folder, this one republishes)."""
    ranks = input_ranks(inputs)
    ordered = documents.join(ranks, on="article_id", how="left").sort("input_rank", "article_id", nulls_last=True)
    duplicates = (
        inputs.filter(pl.col("article_id").is_not_null())
        .group_by("article_id")
        .agg(pl.col("source_uri").unique().sort().alias("all_uris"))
    )
    return (
        documents.select("article_id", "source_uri")
        .join(duplicates, on="article_id", how="left")
        .join(near_duplicates(ordered.select("article_id", "minhash")), on="article_id", how="left")
        .select(
            "article_id",
            pl.col("all_uris").list.set_difference(pl.concat_list("source_uri")).alias("duplicate_uris"),
            "near_duplicate_of",
        )
    )


def article_rows(
    documents: pl.DataFrame, publications: pl.DataFrame, sentences: pl.DataFrame, columns: pl.DataFrame
) -> pl.DataFrame:
    """Args: documents (the lake's rows), their publication intervals, their sentences, their corpus-wide
    columns (`article_columns`). Returns: one row per document, as `articles` holds it: the document's columns
    but `minhash`, its interval (`published_basis` `unknown` without one), `n_sentences` and those columns."""
    n_sentences = sentences.group_by("article_id").agg(pl.len().cast(pl.Int32).alias("n_sentences"))
    return (
        documents.join(publications, on="article_id", how="left")
        .join(n_sentences, on="article_id", how="left")
        .join(columns, on="article_id", how="left")
        .with_columns(pl.col("published_basis").fill_null("unknown"), pl.col("n_sentences").fill_null(0))
        .drop("minhash")
    )


def gender_votes(
    title_cues: pl.DataFrame, role_cues: pl.DataFrame, mentions: pl.DataFrame, roles: pl.DataFrame
) -> pl.DataFrame:
    """Args: the gender a title gives a mention (`cues_titles`), the gender a function gives a person
    (`cues_roles`), the resolved mentions and roles (with `actor_id`). Returns: one vote per cue whose mention or
    role resolved to an actor (VOTE_SCHEMA): a title weighs 2, a function 1."""
    mapping = mentions.select("article_id", "char_start", "char_end", "actor_id")
    return pl.concat(
        [
            title_cues.join(mapping, on=["article_id", "char_start", "char_end"]).select(
                "actor_id", "gender", pl.lit(2, pl.Int64).alias("weight")
            ),
            role_cues.join(
                roles.select("article_id", "char_start", "role", "actor_id"), on=["article_id", "char_start", "role"]
            ).select("actor_id", "gender", pl.lit(1, pl.Int64).alias("weight")),
        ]
    ).cast(VOTE_SCHEMA)


def settled_groups(groups: pl.DataFrame, previous: pl.DataFrame | None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Args: the members of the narrowing groups (`article_id`, `narrowing_group`, `narrowing_key`); the
    published warehouse's state (`article_id`, `narrowing_key` and the PUBLICATION_SCHEMA columns), None for a
    new warehouse. Returns: (the published intervals of the groups every member of which keeps its published
    narrowing key (PUBLICATION_SCHEMA), the members of the other groups, to narrow again)."""
    if previous is None:
        return pl.DataFrame(schema=PUBLICATION_SCHEMA), groups
    known = groups.join(
        previous.select("narrowing_key", *PUBLICATION_SCHEMA), on=["article_id", "narrowing_key"], how="inner"
    )
    complete = (
        groups.group_by("narrowing_group")
        .agg(pl.len().alias("n"))
        .join(known.group_by("narrowing_group").agg(pl.len().alias("n_known")), on="narrowing_group", how="left")
        .filter(pl.col("n") == pl.col("n_known"))
        .select("narrowing_group")
    )
    kept = known.join(complete, on="narrowing_group", how="semi").select(list(PUBLICATION_SCHEMA))
    return kept, groups.join(complete, on="narrowing_group", how="anti")


def group_batches(members: pl.DataFrame, size: int) -> list[list[str]]:
    """Args: members of narrowing groups (`article_id`, `narrowing_group`). Returns: their article ids in
    batches of whole groups (groups are independent), a batch closed once it holds `size` articles or more."""
    groups = members.sort("narrowing_group", "article_id").partition_by(
        "narrowing_group", maintain_order=True, as_dict=False
    )
    batches: list[list[str]] = []
    batch: list[str] = []
    for index, group in enumerate(groups):
        batch += group["article_id"].to_list()
        if len(batch) >= size or index == len(groups) - 1:
            batches.append(batch)
            batch = []
    return batches


def linked_readers(links: pl.DataFrame, members: list[str]) -> tuple[pl.DataFrame, list[str]]:
    """Args: article links (`article_id_a`, `article_id_b`, …); some articles. Returns: (the links touching
    them, the sorted ids of those articles and of the articles they are linked to: whose evidence narrowing
    them reads)."""
    touching = links.filter(pl.col("article_id_a").is_in(members) | pl.col("article_id_b").is_in(members))
    readers = sorted(set(members) | set(touching["article_id_a"].to_list()) | set(touching["article_id_b"].to_list()))
    return touching, readers


def with_narrowed(initial: pl.DataFrame, narrowed: list[pl.DataFrame]) -> pl.DataFrame:
    """Args: every article's interval from its own evidence; intervals narrowed across articles (or kept from
    the published warehouse). Returns: one row per article (PUBLICATION_SCHEMA), its narrowed interval when it
    has one: the others first, then the narrowed ones in the order given."""
    result = pl.concat(narrowed).cast(PUBLICATION_SCHEMA)
    return pl.concat([initial.join(result, on="article_id", how="anti"), result])


def article_state(keys: pl.DataFrame, groups: pl.DataFrame) -> pl.DataFrame:
    """Args: each article's context key (`article_id`, `context_key`); the narrowing groups' members. Returns:
    one row per article of `keys`: `article_id`, `context_key`, `narrowing_key` (null outside a group)."""
    return keys.join(groups.select("article_id", "narrowing_key"), on="article_id", how="left")


def articles_to_resolve(
    lake_ids: list[str], published: set[str], state: pl.DataFrame, previous: pl.DataFrame | None
) -> Resolution:
    """Args: the lake's article ids; the published warehouse's; every article's state now (`article_state`) and
    in the published warehouse (`article_id`, `context_key`; None for a new warehouse, which resolves every
    article). Returns: the new, removed, and resolved articles: new ones and those whose context key changed."""
    in_lake = set(lake_ids)
    new, removed = sorted(in_lake - published), sorted(published - in_lake)
    if previous is None:
        return Resolution(new, removed, sorted(lake_ids))
    same = state.join(previous.select("article_id", "context_key"), on=["article_id", "context_key"], how="semi")
    return Resolution(new, removed, sorted(in_lake - set(same["article_id"].to_list())))
