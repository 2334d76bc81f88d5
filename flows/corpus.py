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
lake, only those compact columns and a few chunks. Given a process pool (the run's extraction processes, idle by
then), chunks are resolved there, a few at a time, while this process writes the finished ones into the staging
warehouse in order; a pool that loses a process leaves the rest of the chunks to this process. The joins are
pure functions (`transforms/corpus.py`); this module reads the lake, chunks, and writes the lake's cues and the
staging warehouse.

Cues (`cues_*` datasets) are what an article's own rows tell the corpus stage (the gender a title gives a
name, the function heads and descriptions of its speakers, its publication interval from its own
evidence); they are computed once, by the process that extracts the article
(`flows.extraction_pool.cues_of_extracted`), and kept
in the lake with its extracted rows. `write_missing_cues` computes those of articles that have none (a lake
extracted before cues were).
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import polars as pl

from flows.datasets import (
    CLAIMS_RAW,
    CUES_PUBLICATIONS,
    CUES_ROLES,
    CUES_SPEAKERS,
    CUES_TITLES,
    DATASETS,
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
    CUE_DOCUMENT_COLUMNS,
    CUE_OUTPUTS,
    article_columns,
    article_cues,
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
    narrow_across_documents,
    resolve_dates,
)
from transforms.events import event_ids
from transforms.links import link_articles
from transforms.person_gender import genders_from_votes
from transforms.speakers import corpus_roles, prefixes_of_organisations, resolve_speakers

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


def _chunks(items: list[str], size: int | None = None) -> Iterator[list[str]]:
    size = size or CHUNK
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- cues: once per article ------------------------------------------------------------------------


def write_cues(cues: dict[str, pl.DataFrame], lake_dir: Path, part: str) -> None:
    """Write the frames of `transforms.corpus.article_cues` as lake parts, `cues_publications` last (it marks
    them complete)."""
    for name in CUE_OUTPUTS:
        write_part(cues[name], lake_dir, DATASETS[name], part)


def write_missing_cues(lake: LakeQuery, lake_dir: Path, article_ids: list[str], run_id: str) -> int:
    """Compute and write the cues of the articles that have none yet (extracted before cues were computed with
    their extraction). Returns how many there were."""
    done = set(lake.read(CUES_PUBLICATIONS, ["article_id"])["article_id"].to_list())
    missing = [a for a in article_ids if a not in done]
    for index, chunk in enumerate(_chunks(missing)):
        cues = article_cues(
            lake.read(DOCUMENTS, CUE_DOCUMENT_COLUMNS, chunk),
            lake.read(MENTIONS_RAW, None, chunk),
            lake.read(ROLES_RAW, None, chunk),
            lake.read(CLAIMS_RAW, None, chunk),
            lake.read(TIMEX, None, chunk),
            lake.read(SENTENCES, None, chunk),
        )
        write_cues(cues, lake_dir, f"{run_id}-{index:05d}")
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
    lake_dir: Path,
    dictionary: list[DictionaryActor],
    staging: StagingWarehouse,
    run_id: str,
    pool: Executor | None = None,
    in_flight: int = 4,
) -> CorpusChanges:
    """Resolve the lake's articles across the corpus and write into `staging` what changed (everything for a
    new warehouse); chunks of articles are resolved on `pool` when given, at most `in_flight` at a time."""
    lake = LakeQuery(lake_dir)
    try:
        # (named like the build, which a killed run's next run removes: `flows.unchanged.clear_staging`)
        shared = staging.path.with_name(f"{staging.path.name}.corpus")
        return _resolve(lake, lake_dir, dictionary, staging, run_id, _ChunkResolver(lake, pool, in_flight, shared))
    finally:
        lake.close()


def _resolve(
    lake: LakeQuery,
    lake_dir: Path,
    dictionary: list[DictionaryActor],
    staging: StagingWarehouse,
    run_id: str,
    resolver: _ChunkResolver,
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
    for chunk, tables in resolver.resolve(list(_chunks(changes.resolved)), corpus, publications, extra):
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


def resolve_chunk_from(
    lake_dir: Path,
    shared: Path,
    chunk: list[str],
    mentions: pl.DataFrame,
    roles: pl.DataFrame,
    publications: pl.DataFrame,
    extra: pl.DataFrame,
) -> dict[str, pl.DataFrame]:
    """`_resolve_chunk` in a process of the pool: the corpus-wide part of the corpus read once per process from
    the file `shared`, the chunk's own mentions and functions with the chunk, its rows read from the lake."""
    corpus = replace(_shared_corpus(str(shared)), mentions=mentions, roles=roles)
    lake = LakeQuery(lake_dir)
    try:
        return _resolve_chunk(lake, chunk, corpus, publications, extra)
    finally:
        lake.close()


@lru_cache(maxsize=1)
def _shared_corpus(path: str) -> Corpus:
    with open(path, "rb") as handle:
        return pickle.load(handle)


class _ChunkResolver:
    """Resolves chunks of articles in order: in this process, or on a process pool, a few chunks ahead. The
    corpus-wide part of the corpus a chunk reads (every actor, their genders, functions and organisation
    prefixes) goes to the pool's processes once, in the file `shared` (removed after); each chunk is sent with
    its own mentions and functions. When the pool breaks (a process killed, out of memory), the chunks not yet
    resolved are resolved here: the same rows, later."""

    def __init__(self, lake: LakeQuery, pool: Executor | None, in_flight: int, shared: Path) -> None:
        self.lake, self.pool, self.in_flight, self.shared = lake, pool, max(1, in_flight), shared

    def resolve(
        self, chunks: list[list[str]], corpus: Corpus, publications: pl.DataFrame, extra: pl.DataFrame
    ) -> Iterator[tuple[list[str], dict[str, pl.DataFrame]]]:
        """(chunk, its article-table rows) for each of `chunks`, in order."""

        def here(chunk: list[str]) -> dict[str, pl.DataFrame]:
            return _resolve_chunk(self.lake, chunk, corpus, publications, extra)

        if self.pool is None or len(chunks) < 2:
            yield from ((chunk, here(chunk)) for chunk in chunks)
            return
        _write_shared(corpus, self.shared)
        try:
            pending: deque[tuple[list[str], Future | None]] = deque()
            for chunk in chunks:
                pending.append((chunk, self._submit(chunk, corpus, publications, extra)))
                if len(pending) > self.in_flight:
                    yield self._finish(pending.popleft(), here)
            while pending:
                yield self._finish(pending.popleft(), here)
        finally:
            self.shared.unlink(missing_ok=True)

    def _submit(
        self, chunk: list[str], corpus: Corpus, publications: pl.DataFrame, extra: pl.DataFrame
    ) -> Future | None:
        if self.pool is None:
            return None
        in_chunk = pl.col("article_id").is_in(chunk)
        try:
            return self.pool.submit(
                resolve_chunk_from,
                self.lake.lake_dir,
                self.shared,
                chunk,
                corpus.mentions.filter(in_chunk),
                corpus.roles.filter(in_chunk),
                publications.filter(in_chunk),
                extra.filter(in_chunk),
            )
        except BrokenProcessPool:
            self.pool = None
            return None

    def _finish(
        self, item: tuple[list[str], Future | None], here: Callable[[list[str]], dict[str, pl.DataFrame]]
    ) -> tuple[list[str], dict[str, pl.DataFrame]]:
        chunk, future = item
        if future is not None:
            try:
                return chunk, future.result()
            except BrokenProcessPool:
                self.pool = None  # the chunks still pending are resolved here too
        return chunk, here(chunk)


def _write_shared(corpus: Corpus, path: Path) -> None:
    """The corpus-wide part of `corpus` (no mentions, functions or links: a chunk brings its own) into `path`,
    atomically."""
    shared = replace(corpus, mentions=corpus.mentions.clear(), roles=corpus.roles.clear(), links=corpus.links.clear())
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(shared, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
