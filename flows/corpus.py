"""Stage 4, resolve: the corpus-wide reading of the lake's articles, written into the staging warehouse for the
articles it changes.

What is corpus-wide is recomputed every run from compact columns of the lake (never the bodies): actor
aliases (mentions → actors), functions given in apposition, genders, links between articles, publication
intervals narrowed across linked articles (only the narrowing groups whose members or links changed),
near-duplicates, duplicate inputs, and each article's context key (`transforms/context.py`: everything its
resolution reads besides its own rows). An article is resolved again (speakers, dates, claim periods) when it
is new to the warehouse or its context key changed; the other articles keep their published rows, which are
the rows a resolution would give again. Event ids are then recomputed over every claim. The result is the
warehouse a full build on the same lake gives.

Articles are read and resolved in chunks through DuckDB (`flows.lake.LakeQuery`): memory does not hold the
lake, only those compact columns and one chunk.

Cues (`cues_*` datasets) are what an article's own rows tell the corpus stage (the gender a title gives a
name, the function heads and descriptions of its speakers, its publication interval from its own
evidence); they are computed once, when the article is first resolved, and kept in the lake.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from flows.lake import LakeQuery, write_part
from flows.staging import ARTICLE_TABLES, StagingWarehouse
from transforms.actors import DictionaryActor, resolve_actors, resolve_roles
from transforms.context import context_keys, input_ranks, narrowing_groups
from transforms.dating import (
    PUBLICATION_SCHEMA,
    attach_dates,
    infer_publications,
    narrow_across_documents,
    resolve_dates,
)
from transforms.events import event_ids
from transforms.links import link_articles
from transforms.near_duplicates import near_duplicates
from transforms.person_gender import VOTE_SCHEMA, genders_from_votes, role_votes, title_votes
from transforms.speakers import corpus_roles, prefixes_of_organisations, resolve_speakers, speaker_cues

CHUNK = 500  # articles read and resolved at a time
CUE_DATASETS = ("cues_titles", "cues_roles", "cues_speakers", "cues_publications")  # in write order


@dataclass
class CorpusChanges:
    """What the corpus stage changed in the staging warehouse: the gate validates these rows."""

    n_articles: int = 0
    resolved: list[str] = field(default_factory=list)  # articles resolved again (new ones included)
    new: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # articles the lake no longer holds
    touched: set[str] = field(default_factory=set)  # resolved, plus articles whose other columns changed
    actors: list[str] = field(default_factory=list)  # actors written (new or changed)
    tables: list[str] = field(default_factory=list)  # corpus-wide tables whose rows changed

    @property
    def nothing(self) -> bool:
        """Nothing the warehouse shows changed."""
        return not (self.resolved or self.removed or self.touched or self.actors or self.tables)


def _chunks(items: list[str], size: int = CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- cues: once per article ------------------------------------------------------------------------


def write_missing_cues(lake: LakeQuery, lake_dir: Path, article_ids: list[str], run_id: str) -> int:
    """Compute and write the cues of the articles that have none yet. Returns how many there were."""
    done = set(lake.read("cues_publications", ["article_id"])["article_id"].to_list())
    missing = [a for a in article_ids if a not in done]
    for index, chunk in enumerate(_chunks(missing)):
        part = f"{run_id}-{index:05d}"
        documents = lake.read("documents", ["article_id", "body", "date_hint", "metadata_date"], chunk)
        write_part(title_votes(lake.read("mentions_raw", None, chunk), documents), lake_dir, "cues_titles", part)
        write_part(role_votes(lake.read("roles_raw", None, chunk), documents), lake_dir, "cues_roles", part)
        write_part(speaker_cues(lake.read("claims_raw", None, chunk), documents), lake_dir, "cues_speakers", part)
        publications = infer_publications(
            documents, lake.read("timex", None, chunk), lake.read("sentences", None, chunk)
        )
        write_part(publications, lake_dir, "cues_publications", part)  # last: the chunk's cues are complete
    return len(missing)


# --- publication intervals -------------------------------------------------------------------------


def _narrow(
    lake: LakeQuery,
    initial: pl.DataFrame,
    links: pl.DataFrame,
    groups: pl.DataFrame,
    previous: pl.DataFrame | None,
) -> pl.DataFrame:
    """Publication intervals of every article: its own evidence's, narrowed across linked articles for the
    articles of a narrowing group. A group whose key is the one stored with the published warehouse keeps its
    published intervals; the others are narrowed again, a few groups at a time (groups are independent)."""
    if groups.is_empty():
        return initial
    stale = groups
    kept = pl.DataFrame(schema=PUBLICATION_SCHEMA)
    if previous is not None:
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
        stale = groups.join(complete, on="narrowing_group", how="anti")
    narrowed = [kept]
    members = stale.sort("narrowing_group", "article_id")
    batch: list[str] = []
    names = members.partition_by("narrowing_group", maintain_order=True, as_dict=False)
    for index, group in enumerate(names):
        batch += group["article_id"].to_list()
        if len(batch) >= CHUNK or index == len(names) - 1:
            narrowed.append(_narrow_batch(lake, initial, links, batch))
            batch = []
    result = pl.concat(narrowed).cast(PUBLICATION_SCHEMA)
    return pl.concat([initial.join(result, on="article_id", how="anti"), result])


def _narrow_batch(lake: LakeQuery, initial: pl.DataFrame, links: pl.DataFrame, members: list[str]) -> pl.DataFrame:
    """Narrow the publication intervals of `members` (whole narrowing groups), reading their linked articles'
    evidence too."""
    touching = links.filter(pl.col("article_id_a").is_in(members) | pl.col("article_id_b").is_in(members))
    readers = sorted(set(members) | set(touching["article_id_a"].to_list()) | set(touching["article_id_b"].to_list()))
    claims = lake.read("claims_raw", None, readers).sort("article_id", "char_start", "char_end", "claim_id")
    narrowed = narrow_across_documents(
        initial.filter(pl.col("article_id").is_in(readers)), lake.read("timex", None, readers), claims, touching
    )
    return narrowed.filter(pl.col("article_id").is_in(members))


# --- the stage ---------------------------------------------------------------------------------------


def _previous_state(staging: StagingWarehouse) -> pl.DataFrame | None:
    """The published warehouse's article state and publication intervals (None for a new warehouse)."""
    if not staging.incremental:
        return None
    return staging.query(
        "select article_id, context_key, narrowing_key, published_on, published_earliest, published_latest, "
        "published_basis from article_state join articles using (article_id)"
    ).cast({k: v for k, v in PUBLICATION_SCHEMA.items()})


def _article_columns(lake: LakeQuery, documents: pl.DataFrame) -> pl.DataFrame:
    """The corpus-wide columns of `articles`: `duplicate_uris` (the other inputs of the same content) and
    `near_duplicate_of` (the first article, in the order a full run reads the folder, this one republishes)."""
    inputs = lake.read("inputs", ["article_id", "source_uri", "container_uri"])
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


def resolve_into(
    lake_dir: Path, dictionary: list[DictionaryActor], staging: StagingWarehouse, run_id: str
) -> CorpusChanges:
    """Resolve the lake's articles across the corpus and write into `staging` what changed (everything for a
    new warehouse)."""
    lake = LakeQuery(lake_dir)
    try:
        return _resolve(lake, lake_dir, dictionary, staging, run_id)
    finally:
        lake.close()


def _resolve(
    lake: LakeQuery, lake_dir: Path, dictionary: list[DictionaryActor], staging: StagingWarehouse, run_id: str
) -> CorpusChanges:
    changes = CorpusChanges()
    documents = lake.read("documents", ["article_id", "source_uri", "minhash"])
    lake_ids = documents["article_id"].to_list()
    changes.n_articles = len(lake_ids)
    write_missing_cues(lake, lake_dir, lake_ids, run_id)

    # actors, their functions and genders, links: corpus-wide, from the mentions (no bodies)
    mentions, actors = resolve_actors(lake.read("mentions_raw"), dictionary)
    roles = resolve_roles(lake.read("roles_raw"), mentions, actors)
    mapping = mentions.select("article_id", "char_start", "char_end", "actor_id")
    votes = pl.concat(
        [
            lake.read("cues_titles")
            .join(mapping, on=["article_id", "char_start", "char_end"])
            .select("actor_id", "gender", pl.lit(2, pl.Int64).alias("weight")),
            lake.read("cues_roles")
            .join(roles.select("article_id", "char_start", "role", "actor_id"), on=["article_id", "char_start", "role"])
            .select("actor_id", "gender", pl.lit(1, pl.Int64).alias("weight")),
        ]
    ).cast(VOTE_SCHEMA)
    genders = genders_from_votes(votes, actors)
    prefixes = prefixes_of_organisations(actors)
    by_actor = corpus_roles(roles)
    links = link_articles(mentions)

    # publication intervals, and what each article's resolution reads
    previous = _previous_state(staging)
    initial = lake.read("cues_publications").join(documents.select("article_id"), on="article_id", how="semi")
    groups = narrowing_groups(initial, links)
    publications = _narrow(lake, initial, links, groups, previous)
    cues = lake.read("cues_speakers")
    keys = context_keys(
        mentions.select("article_id", "char_start", "char_end", "actor_id", "label"),
        actors,
        genders,
        cues,
        prefixes,
        roles,
        publications,
    )
    state = keys.join(groups.select("article_id", "narrowing_key"), on="article_id", how="left")
    published = set() if previous is None else set(staging.article_ids())
    changes.new = sorted(set(lake_ids) - published)
    changes.removed = sorted(published - set(lake_ids))
    if previous is None:
        changes.resolved = sorted(lake_ids)
    else:
        same = state.join(previous.select("article_id", "context_key"), on=["article_id", "context_key"], how="semi")
        changes.resolved = sorted(set(lake_ids) - set(same["article_id"].to_list()))
    if changes.removed:
        staging.replace_articles(changes.removed, {table: pl.DataFrame() for table in ARTICLE_TABLES})

    # the articles resolved again, a chunk at a time
    extra = _article_columns(lake, documents)
    new = set(changes.new)
    for chunk in _chunks(changes.resolved):
        tables = _resolve_chunk(lake, chunk, mentions, actors, roles, publications, extra, genders, prefixes, by_actor)
        sentences = tables.pop("sentences")
        staging.replace_articles(chunk, tables)
        fresh = [a for a in chunk if a in new]
        if fresh:
            staging.replace_articles(fresh, {"sentences": sentences.filter(pl.col("article_id").is_in(fresh))})
    changes.touched = set(changes.resolved)

    # corpus-wide tables and columns
    changes.actors = staging.sync_table("actors", actors, "actor_id")
    for table, rows in (
        ("article_links", links),
        ("actor_roles", roles),
        ("quarantine", lake.read("quarantine")),
        ("processing_errors", lake.read("processing_errors")),
    ):
        differing = staging.replace_table(table, rows)
        if differing is None or not differing.is_empty():
            changes.tables.append(table)
        if table == "article_links" and differing is not None:
            # two articles linked or unlinked: the views may pair their claims differently
            changes.touched |= set(differing["article_id_a"].to_list()) | set(differing["article_id_b"].to_list())
    for column in ("duplicate_uris", "near_duplicate_of"):
        changes.touched |= set(staging.update_column("articles", "article_id", column, extra))
    claims = staging.query("select claim_id, article_id, event_key from claims")
    changed_events = staging.update_column("claims", "claim_id", "event_id", event_ids(claims, links))
    if changed_events:
        events = claims.filter(pl.col("claim_id").is_in(changed_events))
        changes.touched |= set(events["article_id"].to_list())
    staging.replace_table("article_state", state)
    return changes


def _resolve_chunk(
    lake: LakeQuery,
    chunk: list[str],
    mentions: pl.DataFrame,
    actors: pl.DataFrame,
    roles: pl.DataFrame,
    publications: pl.DataFrame,
    extra: pl.DataFrame,
    genders: dict[str, str],
    prefixes: dict[str, set[str]],
    by_actor: dict[str, dict[str, set[str]]],
) -> dict[str, pl.DataFrame]:
    """The article-table rows of some articles: `articles`, `sentences`, `mentions`, `claims`, `dates`."""
    in_chunk = pl.col("article_id").is_in(chunk)
    documents = lake.read("documents", None, chunk)
    sentences = lake.read("sentences", None, chunk)
    chunk_mentions = mentions.filter(in_chunk)
    chunk_roles = roles.filter(in_chunk)
    chunk_publications = publications.filter(in_chunk)
    dates = resolve_dates(lake.read("timex", None, chunk), chunk_publications)
    claims = resolve_speakers(
        lake.read("claims_raw", None, chunk),
        chunk_mentions,
        actors,
        documents.select("article_id", "body"),
        chunk_roles,
        genders=genders,
        organisation_prefixes=prefixes,
        roles_by_actor=by_actor,
    )
    claims, dates = attach_dates(claims, dates, chunk_publications)
    n_sentences = sentences.group_by("article_id").agg(pl.len().cast(pl.Int32).alias("n_sentences"))
    articles = (
        documents.join(chunk_publications, on="article_id", how="left")
        .join(n_sentences, on="article_id", how="left")
        .join(extra, on="article_id", how="left")
        .with_columns(pl.col("published_basis").fill_null("unknown"), pl.col("n_sentences").fill_null(0))
        .drop("minhash")
    )
    return {"articles": articles, "sentences": sentences, "mentions": chunk_mentions, "claims": claims, "dates": dates}
