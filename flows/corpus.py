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
lake, only those compact columns and one chunk. The joins are pure functions (`transforms/corpus.py`); this
module reads the lake, chunks, and writes the lake's cues and the staging warehouse.

Cues (`cues_*` datasets) are what an article's own rows tell the corpus stage (the gender a title gives a
name, the function heads and descriptions of its speakers, its publication interval from its own
evidence); they are computed once, when the article is first resolved, and kept in the lake.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from flows.datasets import (
    CLAIMS_RAW,
    CUES_PUBLICATIONS,
    CUES_ROLES,
    CUES_SPEAKERS,
    CUES_TITLES,
    DOCUMENTS,
    INPUTS,
    MENTIONS_RAW,
    PROCESSING_ERRORS,
    QUARANTINE,
    ROLES_RAW,
    SENTENCES,
    TIMEX,
)
from flows.lake import LakeQuery, write_part
from flows.staging import ARTICLE_TABLES, StagingWarehouse
from transforms.actors import DictionaryActor, resolve_actors, resolve_roles
from transforms.context import context_keys, narrowing_groups
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
from transforms.dating import (
    PUBLICATION_SCHEMA,
    attach_dates,
    infer_publications,
    narrow_across_documents,
    resolve_dates,
)
from transforms.events import event_ids
from transforms.links import link_articles
from transforms.person_gender import genders_from_votes, role_votes, title_votes
from transforms.speakers import corpus_roles, prefixes_of_organisations, resolve_speakers, speaker_cues

CHUNK = 500  # articles read and resolved at a time


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


@dataclass(frozen=True)
class Corpus:
    """What is read across the corpus before any article is resolved: actors (with their mentions, functions
    and genders) and the links between articles."""

    mentions: pl.DataFrame
    actors: pl.DataFrame
    roles: pl.DataFrame
    genders: dict[str, str]
    prefixes: dict[str, set[str]]
    by_actor: dict[str, dict[str, set[str]]]
    links: pl.DataFrame


def _chunks(items: list[str], size: int = CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- cues: once per article ------------------------------------------------------------------------


def write_missing_cues(lake: LakeQuery, lake_dir: Path, article_ids: list[str], run_id: str) -> int:
    """Compute and write the cues of the articles that have none yet. Returns how many there were."""
    done = set(lake.read(CUES_PUBLICATIONS, ["article_id"])["article_id"].to_list())
    missing = [a for a in article_ids if a not in done]
    for index, chunk in enumerate(_chunks(missing)):
        part = f"{run_id}-{index:05d}"
        documents = lake.read(DOCUMENTS, ["article_id", "body", "date_hint", "metadata_date"], chunk)
        write_part(title_votes(lake.read(MENTIONS_RAW, None, chunk), documents), lake_dir, CUES_TITLES, part)
        write_part(role_votes(lake.read(ROLES_RAW, None, chunk), documents), lake_dir, CUES_ROLES, part)
        write_part(speaker_cues(lake.read(CLAIMS_RAW, None, chunk), documents), lake_dir, CUES_SPEAKERS, part)
        publications = infer_publications(documents, lake.read(TIMEX, None, chunk), lake.read(SENTENCES, None, chunk))
        write_part(publications, lake_dir, CUES_PUBLICATIONS, part)  # last: the chunk's cues are complete
    return len(missing)


# --- actors and links: corpus-wide, from the mentions (no bodies) ------------------------------------


def read_corpus(lake: LakeQuery, dictionary: list[DictionaryActor]) -> Corpus:
    """Actors, their functions and genders, and the links between articles, from the whole lake."""
    mentions, actors = resolve_actors(lake.read(MENTIONS_RAW), dictionary)
    roles = resolve_roles(lake.read(ROLES_RAW), mentions, actors)
    votes = gender_votes(lake.read(CUES_TITLES), lake.read(CUES_ROLES), mentions, roles)
    return Corpus(
        mentions=mentions,
        actors=actors,
        roles=roles,
        genders=genders_from_votes(votes, actors),
        prefixes=prefixes_of_organisations(actors),
        by_actor=corpus_roles(roles),
        links=link_articles(mentions),
    )


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
    kept, stale = settled_groups(groups, previous)
    narrowed = [kept] + [_narrow_batch(lake, initial, links, batch) for batch in group_batches(stale, CHUNK)]
    return with_narrowed(initial, narrowed)


def _narrow_batch(lake: LakeQuery, initial: pl.DataFrame, links: pl.DataFrame, members: list[str]) -> pl.DataFrame:
    """Narrow the publication intervals of `members` (whole narrowing groups), reading their linked articles'
    evidence too."""
    touching, readers = linked_readers(links, members)
    claims = lake.read(CLAIMS_RAW, None, readers).sort("article_id", "char_start", "char_end", "claim_id")
    narrowed = narrow_across_documents(
        initial.filter(pl.col("article_id").is_in(readers)), lake.read(TIMEX, None, readers), claims, touching
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
    documents = lake.read(DOCUMENTS, ["article_id", "source_uri", "minhash"])
    lake_ids = documents["article_id"].to_list()
    changes.n_articles = len(lake_ids)
    write_missing_cues(lake, lake_dir, lake_ids, run_id)
    corpus = read_corpus(lake, dictionary)

    # publication intervals, and what each article's resolution reads
    previous = _previous_state(staging)
    initial = lake.read(CUES_PUBLICATIONS).join(documents.select("article_id"), on="article_id", how="semi")
    groups = narrowing_groups(initial, corpus.links)
    publications = _narrow(lake, initial, corpus.links, groups, previous)
    mentions = corpus.mentions.select("article_id", "char_start", "char_end", "actor_id", "label")
    cues = lake.read(CUES_SPEAKERS)
    keys = context_keys(mentions, corpus.actors, corpus.genders, cues, corpus.prefixes, corpus.roles, publications)
    state = article_state(keys, groups)
    published = set() if previous is None else set(staging.article_ids())
    resolution = articles_to_resolve(lake_ids, published, state, previous)
    changes.new, changes.removed, changes.resolved = resolution.new, resolution.removed, resolution.resolved
    if changes.removed:
        staging.replace_articles(changes.removed, {table: pl.DataFrame() for table in ARTICLE_TABLES})

    # the articles resolved again, a chunk at a time
    extra = article_columns(documents, lake.read(INPUTS, ["article_id", "source_uri", "container_uri"]))
    new = set(changes.new)
    for chunk in _chunks(changes.resolved):
        tables = _resolve_chunk(lake, chunk, corpus, publications, extra)
        sentences = tables.pop("sentences")
        staging.replace_articles(chunk, tables)
        fresh = [a for a in chunk if a in new]
        if fresh:
            staging.replace_articles(fresh, {"sentences": sentences.filter(pl.col("article_id").is_in(fresh))})
    changes.touched = set(changes.resolved)
    _write_corpus_tables(lake, staging, corpus, extra, changes)
    staging.replace_table("article_state", state)
    return changes


def _write_corpus_tables(
    lake: LakeQuery, staging: StagingWarehouse, corpus: Corpus, extra: pl.DataFrame, changes: CorpusChanges
) -> None:
    """Write the corpus-wide tables and columns into `staging`, and record in `changes` what they changed."""
    changes.actors = staging.sync_table("actors", corpus.actors, "actor_id")
    for table, rows in (
        ("article_links", corpus.links),
        ("actor_roles", corpus.roles),
        ("quarantine", lake.read(QUARANTINE)),
        ("processing_errors", lake.read(PROCESSING_ERRORS)),
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
    changed_events = staging.update_column("claims", "claim_id", "event_id", event_ids(claims, corpus.links))
    if changed_events:
        events = claims.filter(pl.col("claim_id").is_in(changed_events))
        changes.touched |= set(events["article_id"].to_list())


def _resolve_chunk(
    lake: LakeQuery, chunk: list[str], corpus: Corpus, publications: pl.DataFrame, extra: pl.DataFrame
) -> dict[str, pl.DataFrame]:
    """The article-table rows of some articles: `articles`, `sentences`, `mentions`, `claims`, `dates`."""
    in_chunk = pl.col("article_id").is_in(chunk)
    documents = lake.read(DOCUMENTS, None, chunk)
    sentences = lake.read(SENTENCES, None, chunk)
    chunk_mentions = corpus.mentions.filter(in_chunk)
    chunk_publications = publications.filter(in_chunk)
    dates = resolve_dates(lake.read(TIMEX, None, chunk), chunk_publications)
    claims = resolve_speakers(
        lake.read(CLAIMS_RAW, None, chunk),
        chunk_mentions,
        corpus.actors,
        documents.select("article_id", "body"),
        corpus.roles.filter(in_chunk),
        genders=corpus.genders,
        organisation_prefixes=corpus.prefixes,
        roles_by_actor=corpus.by_actor,
    )
    claims, dates = attach_dates(claims, dates, chunk_publications)
    articles = article_rows(documents, chunk_publications, sentences, extra)
    return {"articles": articles, "sentences": sentences, "mentions": chunk_mentions, "claims": claims, "dates": dates}
