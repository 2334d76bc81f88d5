"""The `dispatch_pipeline` Prefect flow. Stages, in order:

0. no-op    — nothing changed since the published build (`flows/unchanged.py`): record the run, stop.
1. ingest   — discover input files recursively; read only those that changed since the published build
              (`flows/inputs.py`), every format (text, HTML, JSON, JSONL, gzip); bad input goes to quarantine.
2. clean    — headers, footers, captions, boilerplate and teasers out of the body (Polars, batches).
3. extract  — spaCy parse; raw actor mentions, claims, temporal expressions (batches of documents).
   Stages 1–3 stream batch by batch, so memory does not grow with the number of files.
4. resolve  — corpus-wide over the lake (`flows/corpus.py`): actor aliases, links, near-duplicates,
              publication intervals, event ids; speakers, dates and claim periods of the articles whose
              context changed, in chunks.
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
from datetime import datetime
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE

from flows.compaction import compact_lake
from flows.compaction import recover as recover_compaction
from flows.corpus import CorpusChanges, resolve_into
from flows.datasets import DOCUMENT_SCHEMA, INPUT_SCHEMA, QUARANTINE_SCHEMA
from flows.extraction_pool import ExtractionQueue, Pending, collect_outputs, open_extractor, start_workers
from flows.inputs import discover_inputs, manifest_after, read_dictionary, scan_inputs
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
from flows.runs import RUN_SCHEMA, RunSummary, new_run_id, run_row
from flows.settings import Settings
from flows.staging import StagingWarehouse
from flows.unchanged import clear_staging, record_unchanged_run
from flows.validation import DQ_SCHEMA, GateResult, GateScope, published_row_counts, run_gate
from flows.warehouse_io import (
    append_tables,
    build_fingerprint,
    publish,
    published_build,
    query_frame,
)
from transforms.actors import parse_dictionary, ruler_patterns
from transforms.clean import clean_articles
from transforms.decode import sha256_hex
from transforms.extract import describe_error
from transforms.identity import article_id_for, detect_language, not_prose_reason
from transforms.near_duplicates import minhash_signatures
from transforms.nlp import load_pipeline
from transforms.readers import read_input
from transforms.text_norm import content_key


def _batches(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# --- 1. ingest ------------------------------------------------------------------------------------


@task(name="ingest_batch")
def ingest_batch(
    paths: list[Path], input_dir: Path, max_bytes: int, seen: dict[tuple[str, str], list[dict]], run_id: str
) -> tuple[list[dict], list[dict], list[dict]]:
    """Read a batch of files. Returns (records to clean, input rows, quarantine rows).

    A file seen before with the same content is not read again: its previous records are replayed
    as `unchanged` so that every run accounts for every input."""
    now = datetime.now()
    records, inputs, quarantined = [], [], []

    def account(uri, sha, container, container_sha, status, article_id=None):
        inputs.append(
            {
                "source_uri": uri,
                "content_sha256": sha,
                "container_uri": container,
                "container_sha256": container_sha,
                "article_id": article_id,
                "status": status,
                "run_id": run_id,
                "seen_at": now,
            }
        )

    for path in paths:
        uri = path.relative_to(input_dir).as_posix()
        try:
            raw = path.read_bytes()
        except OSError as error:
            quarantined.append(
                {
                    "source_uri": uri,
                    "content_sha256": None,
                    "reason": "unreadable",
                    "detail": str(error),
                    "run_id": run_id,
                    "quarantined_at": now,
                }
            )
            account(uri, None, uri, None, "quarantined")
            continue
        digest = sha256_hex(raw)
        if (uri, digest) in seen:
            for previous in seen[(uri, digest)]:
                status = "unchanged-quarantined" if previous["article_id"] is None else "unchanged"
                account(previous["source_uri"], previous["content_sha256"], uri, digest, status, previous["article_id"])
            continue
        for record in read_input(uri, raw, max_bytes):
            if record.reason:
                quarantined.append(
                    {
                        "source_uri": record.source_uri,
                        "content_sha256": record.content_sha256,
                        "reason": record.reason,
                        "detail": record.detail,
                        "run_id": run_id,
                        "quarantined_at": now,
                    }
                )
                account(record.source_uri, record.content_sha256, uri, digest, "quarantined")
            else:
                records.append(
                    {
                        "doc_key": f"{record.source_uri}#{record.content_sha256}",
                        "source_uri": record.source_uri,
                        "content_sha256": record.content_sha256,
                        "container_uri": uri,
                        "container_sha256": digest,
                        "text": record.text,
                        "encoding": record.encoding,
                        "meta_title": record.meta.get("title"),
                        "meta_date": record.meta.get("date"),
                        "meta_outlet": record.meta.get("outlet"),
                        "url": record.meta.get("url"),
                        "external_id": record.meta.get("external_id"),
                    }
                )
    return records, inputs, quarantined


# --- 2. clean -------------------------------------------------------------------------------------


@task(name="clean_batch")
def clean_batch(records: list[dict], run_id: str) -> pl.DataFrame:
    """Clean a batch of records into article rows (one per record; ids not yet deduplicated).
    Metadata given by the input (JSON fields, HTML meta) wins over what the text suggests."""
    if not records:
        return pl.DataFrame(schema={**DOCUMENT_SCHEMA, "container_uri": pl.String, "container_sha256": pl.String})
    raw = pl.DataFrame(records, infer_schema_length=None)
    cleaned = clean_articles(raw.select("doc_key", "text"))
    frame = raw.drop("text").join(cleaned, on="doc_key", how="left")
    now = datetime.now()
    bodies = frame["body"].to_list()
    keys = [content_key(body) for body in bodies]
    frame = frame.with_columns(
        pl.Series("article_id", [article_id_for(b, k) for b, k in zip(bodies, keys, strict=True)], pl.String),
        pl.Series("language", [detect_language(b) for b in bodies], pl.String),
        pl.Series("minhash", minhash_signatures(keys), pl.List(pl.UInt64)),
        pl.lit(now).cast(pl.Datetime("us")).alias("ingested_at"),
        pl.lit(run_id).alias("run_id"),
        pl.coalesce("meta_title", "title").alias("title"),
        pl.coalesce("meta_outlet", "outlet").alias("outlet"),
        pl.col("meta_date").alias("metadata_date"),
    )
    return frame.select([*DOCUMENT_SCHEMA, "container_uri", "container_sha256"])


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
        return clean_batch(records, run_id), []
    except Exception:  # noqa: BLE001 - find the record that raised, keep the others
        pass
    frames, failures = [], []
    for record in records:
        try:
            frames.append(clean_batch([record], run_id))
        except Exception as error:  # noqa: BLE001 - quarantined with the exception, never fatal
            failures.append((record, describe_error(error)))
    return (pl.concat(frames) if frames else clean_batch([], run_id)), failures


def _quarantine_row(record: dict, reason: str, detail: str, run_id: str, now: datetime) -> dict:
    return {
        "source_uri": record["source_uri"],
        "content_sha256": record["content_sha256"],
        "reason": reason,
        "detail": detail,
        "run_id": run_id,
        "quarantined_at": now,
    }


def _clean_and_extract(
    records: list[dict],
    part: str,
    settings: Settings,
    run_id: str,
    known: set[str],
    queue: ExtractionQueue,
    summary: RunSummary,
    inputs: list[dict],
    quarantined: list[dict],
) -> int:
    """Clean a chunk of records and put its new articles on the extraction queue, which writes their lake
    parts once extracted (and counts the documents whose extraction raised in `summary.n_errors`). Appends
    the chunk's input and quarantine rows; returns the number of new articles."""
    lake = settings.lake_dir
    now = datetime.now()
    rejected: dict[str, str] = {}
    cleaned, failures = _clean_isolated(records, run_id)
    for record, error in failures:
        rejected[record["source_uri"]] = "clean_error"
        quarantined.append(_quarantine_row(record, "clean_error", error, run_id, now))
    for row in cleaned.iter_rows(named=True):
        body = row["body"] or ""
        if len(body) > settings.max_body_chars:
            limit = settings.max_body_chars
            reason, detail = "too_long", f"{len(body):,} characters of text, over max_body_chars ({limit:,})"
        else:
            reason, detail = "not_a_dispatch", not_prose_reason(body)
        if detail:
            rejected[row["source_uri"]] = reason
            quarantined.append(_quarantine_row(row, reason, detail, run_id, now))
    cleaned = cleaned.filter(~pl.col("source_uri").is_in(list(rejected)))
    new_articles = cleaned.filter(~pl.col("article_id").is_in(list(known))).unique(
        "article_id", keep="first", maintain_order=True
    )
    first_uri = dict(zip(new_articles["article_id"].to_list(), new_articles["source_uri"].to_list(), strict=True))
    for uri in rejected:
        row = next(r for r in records if r["source_uri"] == uri)
        inputs.append(
            {
                "source_uri": uri,
                "content_sha256": row["content_sha256"],
                "container_uri": row["container_uri"],
                "container_sha256": row["container_sha256"],
                "article_id": None,
                "status": "quarantined",
                "run_id": run_id,
                "seen_at": now,
            }
        )
    for row in cleaned.iter_rows(named=True):
        status = "article" if first_uri.get(row["article_id"]) == row["source_uri"] else "duplicate"
        inputs.append(
            {
                "source_uri": row["source_uri"],
                "content_sha256": row["content_sha256"],
                "container_uri": row["container_uri"],
                "container_sha256": row["container_sha256"],
                "article_id": row["article_id"],
                "status": status,
                "run_id": run_id,
                "seen_at": now,
            }
        )
    if not new_articles.is_empty():
        documents = new_articles.select(list(DOCUMENT_SCHEMA))

        def write(out: dict[str, pl.DataFrame]) -> None:
            write_part(out["sentences"], lake, "sentences", part)
            write_part(out["mentions"], lake, "mentions_raw", part)
            write_part(out["claims"], lake, "claims_raw", part)
            write_part(out["timex"], lake, "timex", part)
            write_part(out["roles"], lake, "roles_raw", part)
            if not out["errors"].is_empty():
                errors = out["errors"].with_columns(pl.lit(run_id).alias("run_id"))
                write_part(errors, lake, "processing_errors", part)
                summary.n_errors += out["errors"]["article_id"].n_unique()
            write_part(documents, lake, "documents", part)  # after its extractions: a crash before means "redo"

        # extracted while the next chunks are read and cleaned; written in submission order
        queue.put(documents.select("article_id", "body", "language"), write)
        known.update(first_uri)
    return len(first_uri)


def _stream_batch(
    index: int,
    batch: list[Path],
    settings: Settings,
    run_id: str,
    seen: dict,
    known: set[str],
    queue: ExtractionQueue,
    summary: RunSummary,
) -> tuple[list[dict], int]:
    """Ingest one batch of files, then clean its records in chunks of `batch_size` (a single JSONL file may
    hold millions) and queue their extraction; the batch's quarantine and input parts are written once its
    chunks' parts are. Returns (input rows, new articles)."""
    part = f"{run_id}-{index:05d}"
    records, inputs, quarantined = ingest_batch(batch, settings.input_dir, settings.max_text_bytes, seen, run_id)
    n_new = 0
    for chunk_index, chunk in enumerate(_batches(records, settings.batch_size)):
        chunk_part = f"{part}-{chunk_index:05d}"
        n_new += _clean_and_extract(chunk, chunk_part, settings, run_id, known, queue, summary, inputs, quarantined)

    def write_accounts() -> None:  # after the chunks' parts: an input is only recorded once its article is
        if quarantined:
            write_part(pl.DataFrame(quarantined, schema=QUARANTINE_SCHEMA), settings.lake_dir, "quarantine", part)
        if inputs:
            write_part(pl.DataFrame(inputs, schema=INPUT_SCHEMA), settings.lake_dir, "inputs", part)

    queue.after(write_accounts)
    return inputs, n_new


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
    article for a new warehouse; see `flows/corpus.py`)."""
    return resolve_into(settings.lake_dir, parse_dictionary(dictionary_text), staging, run_id)


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


def start_extraction_workers(settings: Settings, dictionary_text: str) -> None:
    """Start the local extraction processes of a run with these settings now (`recoupe run` does before Prefect
    starts, so that loading the model in each overlaps with Prefect's start-up and the reading of the inputs)."""
    if settings.dask_address is None:
        patterns = ruler_patterns(parse_dictionary(dictionary_text))
        start_workers(settings.workers, settings.spacy_model, patterns, settings.spacy_batch_size)


@flow(name="dispatch_pipeline", log_prints=False)
def dispatch_pipeline(settings: Settings | None = None, run_id: str | None = None) -> RunSummary:
    """Run every stage on `settings.input_dir` and publish `settings.db_path` if the gate passes.
    Without `settings` (a scheduled deployment), they come from `RECOUPE_*` variables and `.env`."""
    settings = settings or Settings()
    with run_lock(settings.db_path):  # one writer per warehouse, also for scheduled deployment runs
        return _run_stages(settings, run_id)


def _run_stages(settings: Settings, run_id: str | None) -> RunSummary:
    logger = get_run_logger()
    run_id = run_id or new_run_id()
    started = datetime.now()
    summary = RunSummary(run_id=run_id, status="error")
    lake = settings.lake_dir
    dictionary_path = settings.actor_dictionary
    dictionary_text = read_dictionary(dictionary_path)
    # ---- 0. nothing changed since the published build: record the run, rebuild nothing -------------
    unchanged = record_unchanged_run(settings, dictionary_text, run_id, started)
    if unchanged is not None:
        stage_note("nothing changed: the run is recorded, nothing rebuilt")
        return unchanged
    extraction = extraction_fingerprint(settings.spacy_model)
    if settings.full_refresh:
        reset_lake(lake)
    elif extraction_is_stale(lake, extraction):
        # recoupe's extraction rules or model changed since these inputs were extracted: extract them
        # again, so that old and new articles are read the same way
        logger.warning("the extraction rules changed since the lake was built: re-extracting every input")
        stage_note("extraction rules changed: re-extracting every input (as with --full-refresh)")
        reset_lake(lake)
    mark_extraction(lake, extraction)
    clear_staging(settings.staging_dir)
    recover_compaction(lake)

    # ---- 1–3. ingest, clean, extract: streamed batch by batch -------------------------------------
    patterns = ruler_patterns(parse_dictionary(dictionary_text))
    paths = discover_inputs(settings.input_dir, exclude=(dictionary_path.parent,))
    seen: dict[tuple[str, str], list[dict]] = {}
    for row in (
        read_dataset(lake, "inputs", INPUT_SCHEMA).unique(["source_uri", "container_sha256"]).iter_rows(named=True)
    ):
        if row["container_sha256"]:
            seen.setdefault((row["container_uri"], row["container_sha256"]), []).append(row)
    # files unchanged since the published build (and still accounted for in the lake) are not read again
    published = None if settings.full_refresh else published_build(settings.db_path)
    scan = scan_inputs(paths, settings.input_dir, published["input_files"] if published else None)
    scan.reread_missing(seen)
    paths = scan.changed
    known = set(read_column(lake, "documents", "article_id"))
    all_inputs: list[dict] = []
    batches = _batches(paths, settings.batch_size)
    clock = time.perf_counter()
    extractor = open_extractor(
        settings.workers, settings.dask_address, settings.spacy_model, patterns, settings.spacy_batch_size
    )
    queue = ExtractionQueue(extractor, settings.extract_batch_words, collect=extract_task)
    try:
        with stage_progress("ingest · clean · extract (files)", len(paths)) as advance:
            for index, batch in enumerate(batches):
                inputs, n_new = _stream_batch(index, batch, settings, run_id, seen, known, queue, summary)
                all_inputs += inputs
                queue.after(functools.partial(advance, len(batch)))
                logger.info(
                    "batch %d/%d: %d files, %d inputs, %d new articles",
                    index + 1,
                    len(batches),
                    len(batch),
                    len(inputs),
                    n_new,
                )
            queue.drain()
    finally:
        extractor.close()

    _release_extraction_memory()
    # lake upkeep: a dataset of many small parts is merged into one (atomically), before the lake is read
    for dataset, n_parts in compact_lake(lake, run_id, settings.compact_parts).items():
        logger.info("compacted %s: %d parts into one", dataset, n_parts)
    statuses = [i["status"] for i in all_inputs]
    n_unchanged = int(scan.unchanged["n_inputs"].sum())
    summary.n_inputs = len(statuses) + n_unchanged
    summary.n_quarantined = sum(s in ("quarantined", "unchanged-quarantined") for s in statuses) + int(
        scan.unchanged["n_quarantined"].sum()
    )
    summary.n_articles_new = statuses.count("article")
    summary.n_duplicates = summary.n_inputs - summary.n_quarantined - summary.n_articles_new
    manifest = manifest_after(scan, pl.DataFrame(all_inputs, schema=INPUT_SCHEMA))
    staging = settings.staging_dir / f"warehouse-{run_id}.duckdb"
    fingerprint = build_fingerprint(dictionary_text, extraction)
    clock = summary.time("ingest·clean·extract", clock)
    # ---- 4–5. resolve across the corpus, into a copy of the published warehouse (or a new one) -------
    # the published warehouse is updated only when it was built by these rules from this dictionary
    incremental = published is not None and published["fingerprint"] == fingerprint
    stage_note(
        "resolving what changed across the corpus"
        if incremental
        else "resolving actors, links, publication dates and claims across the corpus"
    )
    build = StagingWarehouse(staging, settings.db_path if incremental else None)
    try:
        changes = resolve_corpus(settings, dictionary_text, build, run_id)
        if not incremental:
            build.append("pipeline_runs", read_dataset(lake, "pipeline_runs", RUN_SCHEMA))
            build.append("dq_results", read_dataset(lake, "dq_results", DQ_SCHEMA))
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
    summary.n_resolved = len(changes.resolved)
    logger.info(
        "%d articles: %d resolved (%d new), %d removed, %d actors written",
        changes.n_articles,
        len(changes.resolved),
        len(changes.new),
        len(changes.removed),
        len(changes.actors),
    )
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
        write_part(gate.results, lake, "dq_results", run_id)
    summary.failed = [f"{r['suite']}: {r['expectation']}" for r in gate.failed_critical.iter_rows(named=True)]
    summary.n_contradictions = int(gate.counts.get("contradictions") or 0)

    clock = summary.time("validate", clock)
    # ---- 7. publish -------------------------------------------------------------------------------
    summary.status = "published" if gate.passed else "failed_validation"
    row = run_row(summary, started)
    write_part(row, lake, "pipeline_runs", run_id)
    # the build records its own run and quality results, published or not
    append_tables(staging, {"pipeline_runs": row, "dq_results": gate.results})
    if gate.passed:
        publish(staging, settings.db_path)
        summary.views = gate.views
        summary.db_path = settings.db_path
        logger.info("published %s", settings.db_path)
    else:
        failed_copy = settings.staging_dir / f"failed-{run_id}.duckdb"
        staging.replace(failed_copy)
        summary.db_path = failed_copy
        logger.error("validation failed; %s untouched; failed build kept at %s", settings.db_path, failed_copy)
    summary.time("publish", clock)
    return summary


logging.getLogger("great_expectations").setLevel(logging.ERROR)

if __name__ == "__main__":
    dispatch_pipeline()
