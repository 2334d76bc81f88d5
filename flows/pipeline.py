"""The `dispatch_pipeline` Prefect flow. Stages, in order:

0. no-op    — nothing changed since the published build (`flows/unchanged.py`): record the run, stop.
1. ingest   — discover input files recursively; read only those that changed since the published build
              (`flows/inputs.py`), every format (text, HTML, JSON, JSONL, gzip); bad input goes to quarantine.
2. clean    — headers, footers, captions, boilerplate and teasers out of the body (Polars, batches); new
              articles apart from duplicates. What stages 1–2 decide, and the account of every input, are
              pure functions (`transforms/intake.py`); this module reads the files and writes the lake.
3. extract  — spaCy parse; raw actor mentions, claims, temporal expressions, and the articles' cues for
              the corpus stage (batches of documents, in this process, worker processes or on Dask).
   Stages 1–3 stream batch by batch, so memory does not grow with the number of files.
4. resolve  — corpus-wide over the lake (`flows/corpus.py`): actor aliases, links, near-duplicates,
              publication intervals, event ids; speakers, dates and claim periods of the articles whose
              context changed, in chunks (on the idle local extraction processes when there are some).
5. load     — into a copy of the published warehouse (or a new file) under data/staging/ (`flows/staging.py`).
6. validate — Great Expectations suites on the changed rows, SQL assertions on the whole warehouse; a
              failed critical expectation stops publication.
7. publish  — atomic swap of the staging file over the warehouse; readers never see a partial state.

Reports are written by the CLI after a published run (`flows/reporting.py`).
Every stage is idempotent: outputs are keyed by content-derived ids, lake parts are written
atomically, and an input already accounted for is not processed again.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.utilities.annotations import quote

from flows.compaction import compact_lake
from flows.compaction import recover as recover_compaction
from flows.corpus import CorpusChanges, resolve_into, write_cues
from flows.datasets import (
    CLAIMS_RAW,
    DOCUMENTS,
    DQ_RESULTS,
    DQ_SCHEMA,
    INPUT_SCHEMA,
    INPUTS,
    MENTIONS_RAW,
    PIPELINE_RUNS,
    PROCESSING_ERRORS,
    QUARANTINE,
    ROLES_RAW,
    SENTENCES,
    TIMEX,
)
from flows.extraction_pool import (
    WORKER_COLUMNS,
    ExtractionQueue,
    Pending,
    collect_outputs,
    idle_pool,
    open_extractor,
)
from flows.inputs import InputScan, discover_inputs, manifest_after, read_dictionary, scan_inputs
from flows.lake import (
    extraction_fingerprint,
    extraction_is_stale,
    lake_state,
    mark_extraction,
    read_column,
    read_dataset,
    reset_lake,
    write_part,
)
from flows.locking import run_lock
from flows.progress import stage_note, stage_progress
from flows.runs import RunSummary, new_run_id, run_row
from flows.settings import Settings
from flows.staging import StagingWarehouse
from flows.unchanged import clear_staging, record_unchanged_run
from flows.validation import GateResult, GateScope, published_row_counts, run_gate
from flows.warehouse_io import (
    append_tables,
    build_fingerprint,
    publish,
    published_build,
    query_frame,
)
from transforms.actors import parse_dictionary, ruler_patterns
from transforms.extract import describe_error
from transforms.intake import Intake, Seen, admit_articles, clean_records, count_inputs, intake_files, previous_inputs
from transforms.nlp import load_pipeline


def _batches(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# --- 1. ingest ------------------------------------------------------------------------------------


def _read_files(paths: list[Path], input_dir: Path) -> Iterator[tuple[str, bytes | OSError]]:
    """Each file's uri (relative to `input_dir`) and bytes, or the error that made it unreadable, one at a time."""
    for path in paths:
        uri = path.relative_to(input_dir).as_posix()
        try:
            yield uri, path.read_bytes()
        except OSError as error:
            yield uri, error


@task(name="ingest_batch", cache_policy=NONE)
def ingest_batch(paths: list[Path], input_dir: Path, max_bytes: int, seen: Seen, run_id: str) -> Intake:
    """Read a batch of files: their records to clean, and the input and quarantine rows of the inputs that give
    none (`transforms.intake.intake_files`). A file seen before with the same content is not read again: its
    previous inputs are replayed as `unchanged` so that every run accounts for every input."""
    return intake_files(_read_files(paths, input_dir), seen, max_bytes, run_id, datetime.now())


# --- 2. clean -------------------------------------------------------------------------------------


@task(name="clean_batch", cache_policy=NONE)
def clean_batch(records: list[dict], run_id: str) -> pl.DataFrame:
    """Clean a batch of records into article rows (one per record; ids not yet deduplicated;
    `transforms.intake.clean_records`)."""
    return clean_records(records, run_id, datetime.now())


# --- 3. extract -----------------------------------------------------------------------------------


@task(name="extract_batch", cache_policy=NONE)
def extract_task(batches: list[Pending]) -> dict[str, pl.DataFrame]:
    """Sentences, raw mentions, claims and temporal expressions of a chunk of new articles, extracted in
    batches by words where the settings say (this process, local worker processes or a Dask cluster:
    `flows.extraction_pool`); waits for them and joins their outputs. Only French bodies are parsed (the
    model is French); every body gets sentences. A document that makes extraction raise ends in
    `processing_errors`; the rest of its batch is extracted."""
    return collect_outputs(batches)


def _clean_isolated(records: list[dict], run_id: str) -> tuple[pl.DataFrame, list[tuple[dict, str]]]:
    """`clean_batch`, and when the batch raises, each record alone: a record that still raises is
    returned with its exception (it goes to quarantine as `clean_error`), the others are cleaned."""
    try:
        return clean_batch(quote(records), run_id), []
    except Exception:  # noqa: BLE001 - find the record that raised, keep the others
        pass
    frames, failures = [], []
    for record in records:
        try:
            frames.append(clean_batch(quote([record]), run_id))
        except Exception as error:  # noqa: BLE001 - quarantined with the exception, never fatal
            failures.append((record, describe_error(error)))
    return (pl.concat(frames) if frames else clean_batch([], run_id)), failures


@dataclass
class LakeWriter:
    """The lake writes of stages 1–3, run by the extraction queue in submission order. Kill safety rests on
    their order: a chunk's `documents` part is written after its extracted rows (an article without its part
    is extracted again), and a batch's `inputs` and `quarantine` parts after its chunks' parts (an input is
    only recorded once its article is). Counts the documents whose extraction raised."""

    lake_dir: Path
    run_id: str
    n_errors: int = 0

    def extracted(self, part: str, documents: pl.DataFrame, out: dict[str, pl.DataFrame]) -> None:
        """Write a chunk's extracted rows and cues, then its documents."""
        write_part(out["sentences"], self.lake_dir, SENTENCES, part)
        write_part(out["mentions"], self.lake_dir, MENTIONS_RAW, part)
        write_part(out["claims"], self.lake_dir, CLAIMS_RAW, part)
        write_part(out["timex"], self.lake_dir, TIMEX, part)
        write_part(out["roles"], self.lake_dir, ROLES_RAW, part)
        if not out["errors"].is_empty():
            errors = out["errors"].with_columns(pl.lit(self.run_id).alias("run_id"))
            write_part(errors, self.lake_dir, PROCESSING_ERRORS, part)
            self.n_errors += out["errors"]["article_id"].n_unique()
        write_cues(out, self.lake_dir, part)
        write_part(documents, self.lake_dir, DOCUMENTS, part)  # after its extractions: a crash before means "redo"

    def accounts(self, part: str, inputs: pl.DataFrame, quarantined: pl.DataFrame) -> None:
        """Write a batch's quarantine and input rows (after its chunks' parts)."""
        if not quarantined.is_empty():
            write_part(quarantined, self.lake_dir, QUARANTINE, part)
        if not inputs.is_empty():
            write_part(inputs, self.lake_dir, INPUTS, part)


def _stream_batch(
    index: int,
    batch: list[Path],
    settings: Settings,
    seen: Seen,
    known: set[str],
    queue: ExtractionQueue,
    writer: LakeWriter,
) -> tuple[pl.DataFrame, int]:
    """Ingest one batch of files, then clean its records in chunks of `batch_size` (a single JSONL file may
    hold millions) and queue the extraction of their new articles, which writes their lake parts once
    extracted; the batch's quarantine and input parts are written once its chunks' parts are. Returns (input
    rows, new articles)."""
    run_id = writer.run_id
    part = f"{run_id}-{index:05d}"
    # (`quote`: Prefect would walk every record and every previous input of the lake at each task, for futures)
    intake = ingest_batch(batch, settings.input_dir, settings.max_text_bytes, quote(seen), run_id)
    inputs, quarantined = [intake.inputs], [intake.quarantined]
    n_new = 0
    for chunk_index, chunk in enumerate(_batches(intake.records, settings.batch_size)):
        cleaned, failures = _clean_isolated(chunk, run_id)
        admitted = admit_articles(chunk, cleaned, failures, known, settings.max_body_chars, run_id, datetime.now())
        inputs.append(admitted.inputs)
        quarantined.append(admitted.quarantined)
        if not admitted.articles.is_empty():
            # extracted while the next chunks are read and cleaned; written in submission order
            done = functools.partial(writer.extracted, f"{part}-{chunk_index:05d}", admitted.articles)
            queue.put(admitted.articles.select(WORKER_COLUMNS), done)
            known.update(admitted.articles["article_id"].to_list())
            n_new += admitted.articles.height
    batch_inputs = pl.concat(inputs).rechunk()
    queue.after(functools.partial(writer.accounts, part, batch_inputs, pl.concat(quarantined).rechunk()))
    return batch_inputs, n_new


# --- 4. resolve (corpus-wide) ---------------------------------------------------------------------


def _release_extraction_memory() -> None:
    """The spaCy pipeline is not needed past extraction: drop it and hand the freed memory back to the system,
    so that the corpus stage runs in the memory extraction used rather than on top of it."""
    load_pipeline.cache_clear()
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


@task(name="resolve_corpus", cache_policy=NONE)
def resolve_corpus(settings: Settings, dictionary_text: str, staging: StagingWarehouse, run_id: str) -> CorpusChanges:
    """Resolve the lake's articles across the corpus and write what changed into the staging warehouse (every
    article for a new warehouse; see `flows/corpus.py`), chunks of articles on the run's local extraction
    processes when they are up."""
    pool = idle_pool(settings, dictionary_text)
    in_flight = 2 * settings.workers
    return resolve_into(settings.lake_dir, parse_dictionary(dictionary_text), staging, run_id, pool, in_flight)


@task(name="validate_warehouse")
def validate_warehouse(staging: Path, run_id: str, settings: Settings, scope: GateScope | None) -> GateResult:
    # a sudden loss of rows against the published warehouse stops publication, unless rebuilding on purpose
    return run_gate(
        staging,
        run_id,
        published_row_counts(settings.db_path),
        settings.max_row_drop_fraction,
        "warning" if settings.full_refresh else "critical",
        docs_dir=settings.reports_dir / "dq",
        scope=scope,
    )


# --- the flow -------------------------------------------------------------------------------------


@flow(name="dispatch_pipeline", log_prints=False)
def dispatch_pipeline(settings: Settings | None = None, run_id: str | None = None) -> RunSummary:
    """Run every stage on `settings.input_dir` and publish `settings.db_path` if the gate passes.
    Without `settings` (a scheduled deployment), they come from `RECOUPE_*` variables and `.env`."""
    settings = settings or Settings()
    with run_lock(settings.db_path):  # one writer per warehouse, also for scheduled deployment runs
        return _run_stages(settings, run_id)


def _run_stages(settings: Settings, run_id: str | None) -> RunSummary:
    run_id = run_id or new_run_id()
    started = datetime.now()
    summary = RunSummary(run_id=run_id, status="error")
    dictionary_text = read_dictionary(settings.actor_dictionary)
    # ---- 0. nothing changed since the published build: record the run, rebuild nothing -------------
    unchanged = record_unchanged_run(settings, dictionary_text, run_id, started)
    if unchanged is not None:
        stage_note("nothing changed: the run is recorded, nothing rebuilt")
        return unchanged
    extraction = _prepare_lake(settings)
    # ---- 1–3. ingest, clean, extract: streamed batch by batch -------------------------------------
    clock = time.perf_counter()
    published = None if settings.full_refresh else published_build(settings.db_path)
    scan, inputs = _ingest_and_extract(settings, dictionary_text, published, summary)
    _release_extraction_memory()
    # lake upkeep: a dataset of many small parts is merged into one (atomically), before the lake is read
    for dataset, n_parts in compact_lake(settings.lake_dir, run_id, settings.compact_parts).items():
        get_run_logger().info("compacted %s: %d parts into one", dataset, n_parts)
    counts = count_inputs(inputs, scan.unchanged)
    summary.n_inputs, summary.n_quarantined = counts.n_inputs, counts.n_quarantined
    summary.n_articles_new, summary.n_duplicates = counts.n_articles_new, counts.n_duplicates
    manifest = manifest_after(scan, inputs)
    fingerprint = build_fingerprint(dictionary_text, extraction)
    clock = summary.time("ingest·clean·extract", clock)
    # ---- 4–5. resolve across the corpus, into a copy of the published warehouse (or a new one) -------
    # the published warehouse is updated only when it was built by these rules from this dictionary
    incremental = published is not None and published["fingerprint"] == fingerprint
    staging = settings.staging_dir / f"warehouse-{run_id}.duckdb"
    changes = _resolve_and_load(settings, dictionary_text, staging, incremental, fingerprint, manifest, run_id)
    summary.n_resolved = len(changes.resolved)
    summary.n_claims = int(query_frame(staging, "select count(*) as n from claims")["n"][0])
    clock = summary.time("resolve·load", clock)
    # ---- 6. validate ------------------------------------------------------------------------------
    if incremental and changes.nothing:
        # the inputs that changed brought nothing new to show: the published content stands, validated
        summary.notes.append("no content changed: not revalidated")
        previous = published["last_run"]["n_contradictions"].to_list()
        gate = GateResult(pl.DataFrame(schema=DQ_SCHEMA), {"contradictions": previous[0] if previous else 0})
    else:
        stage_note("validating (Great Expectations)")
        # an incremental build validates the rows it changed (and every cross-table assertion)
        scope = GateScope(sorted(changes.touched), changes.actors) if incremental else None
        gate = validate_warehouse(staging, run_id, settings, scope)
        write_part(gate.results, settings.lake_dir, DQ_RESULTS, run_id)
    summary.failed = [f"{r['suite']}: {r['expectation']}" for r in gate.failed_critical.iter_rows(named=True)]
    summary.n_contradictions = int(gate.counts.get("contradictions") or 0)
    clock = summary.time("validate", clock)
    # ---- 7. publish -------------------------------------------------------------------------------
    _publish(settings, summary, gate, staging, started)
    summary.time("publish", clock)
    return summary


def _prepare_lake(settings: Settings) -> str:
    """Forget the lake's derived datasets when rebuilding (`--full-refresh`, or extraction rules changed since
    it was built), mark it with the current rules, clear builds and compactions a killed run left. Returns the
    extraction fingerprint."""
    lake = settings.lake_dir
    extraction = extraction_fingerprint(settings.spacy_model)
    if settings.full_refresh:
        reset_lake(lake)
    elif extraction_is_stale(lake, extraction):
        # recoupe's extraction rules or model changed since these inputs were extracted: extract them
        # again, so that old and new articles are read the same way
        get_run_logger().warning("the extraction rules changed since the lake was built: re-extracting every input")
        stage_note("extraction rules changed: re-extracting every input (as with --full-refresh)")
        reset_lake(lake)
    mark_extraction(lake, extraction)
    clear_staging(settings.staging_dir)
    recover_compaction(lake)
    return extraction


def _ingest_and_extract(
    settings: Settings, dictionary_text: str, published: dict | None, summary: RunSummary
) -> tuple[InputScan, pl.DataFrame]:
    """Stages 1–3 over the input files that changed since the published build, batch by batch. Returns the
    scan of the input folder and the input rows written (the extraction errors are counted in `summary`)."""
    logger = get_run_logger()
    lake = settings.lake_dir
    patterns = ruler_patterns(parse_dictionary(dictionary_text))
    paths = discover_inputs(settings.input_dir, exclude=(settings.actor_dictionary.parent,))
    seen = previous_inputs(read_dataset(lake, INPUTS))
    # files unchanged since the published build (and still accounted for in the lake) are not read again
    scan = scan_inputs(paths, settings.input_dir, published["input_files"] if published else None)
    scan.reread_missing(seen)
    paths = scan.changed
    known = set(read_column(lake, DOCUMENTS, "article_id"))
    inputs: list[pl.DataFrame] = []
    batches = _batches(paths, settings.batch_size)
    writer = LakeWriter(lake, summary.run_id)
    extractor = open_extractor(
        settings.workers, settings.dask_address, settings.spacy_model, patterns, settings.spacy_batch_size
    )
    queue = ExtractionQueue(extractor, settings.extract_batch_words, collect=extract_task)
    try:
        with stage_progress("ingest · clean · extract (files)", len(paths)) as advance:
            for index, batch in enumerate(batches):
                batch_inputs, n_new = _stream_batch(index, batch, settings, seen, known, queue, writer)
                inputs.append(batch_inputs)
                queue.after(functools.partial(advance, len(batch)))
                logger.info(
                    "batch %d/%d: %d files, %d inputs, %d new articles",
                    index + 1,
                    len(batches),
                    len(batch),
                    batch_inputs.height,
                    n_new,
                )
            queue.drain()
    finally:
        extractor.close()
    summary.n_errors += writer.n_errors
    return scan, pl.concat(inputs).rechunk() if inputs else pl.DataFrame(schema=INPUT_SCHEMA)


def _resolve_and_load(
    settings: Settings,
    dictionary_text: str,
    staging: Path,
    incremental: bool,
    fingerprint: str,
    manifest: pl.DataFrame,
    run_id: str,
) -> CorpusChanges:
    """Stages 4–5: resolve the lake across the corpus into `staging` (a copy of the published warehouse when
    `incremental`, else a new file, which also gets the run and quality history), with the build's record."""
    stage_note(
        "resolving what changed across the corpus"
        if incremental
        else "resolving actors, links, publication dates and claims across the corpus"
    )
    lake = settings.lake_dir
    build = StagingWarehouse(staging, settings.db_path if incremental else None)
    try:
        changes = resolve_corpus(settings, dictionary_text, build, run_id)
        if not incremental:
            build.append("pipeline_runs", read_dataset(lake, PIPELINE_RUNS))
            build.append("dq_results", read_dataset(lake, DQ_RESULTS))
        info = {
            "fingerprint": fingerprint,
            "run_id": run_id,
            "built_at": datetime.now(),
            "lake_state": lake_state(lake),
        }
        build.replace_table("build_info", pl.DataFrame([info]))
        build.replace_table("input_files", manifest)
        build.commit()
    except BaseException:
        build.abandon()
        raise
    get_run_logger().info(
        "%d articles: %d resolved (%d new), %d removed, %d actors written",
        changes.n_articles,
        len(changes.resolved),
        len(changes.new),
        len(changes.removed),
        len(changes.actors),
    )
    return changes


def _publish(settings: Settings, summary: RunSummary, gate: GateResult, staging: Path, started: datetime) -> None:
    """Stage 7: record the run (lake and build), and publish the build when the gate passed (else keep it aside)."""
    logger = get_run_logger()
    summary.status = "published" if gate.passed else "failed_validation"
    row = run_row(summary, started)
    write_part(row, settings.lake_dir, PIPELINE_RUNS, summary.run_id)
    # the build records its own run and quality results, published or not
    append_tables(staging, {"pipeline_runs": row, "dq_results": gate.results})
    if gate.passed:
        publish(staging, settings.db_path)
        summary.views = gate.views
        summary.db_path = settings.db_path
        logger.info("published %s", settings.db_path)
    else:
        failed_copy = settings.staging_dir / f"failed-{summary.run_id}.duckdb"
        staging.replace(failed_copy)
        summary.db_path = failed_copy
        logger.error("validation failed; %s untouched; failed build kept at %s", settings.db_path, failed_copy)


logging.getLogger("great_expectations").setLevel(logging.ERROR)

if __name__ == "__main__":
    dispatch_pipeline()
