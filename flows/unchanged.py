"""A run with nothing to do: no input file changed, nor the rules, nor the lake, since the published build.

Such a run only records itself: the published warehouse is copied to `data/staging/`, the run's
`pipeline_runs` row (and the manifest's new modification times) are written into the copy in one transaction,
and the copy is renamed over the published file, as every run publishes. Nothing is extracted, resolved,
loaded or validated again (the content is the one the gate passed), and Prefect is not started: the command
line calls this before the flow, and the flow calls it first too (scheduled deployments).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import polars as pl

from flows.compaction import compact_lake
from flows.compaction import recover as recover_compaction
from flows.datasets import HISTORY, PIPELINE_RUNS
from flows.inputs import discover_inputs, scan_inputs
from flows.lake import extraction_fingerprint, lake_state, write_part
from flows.runs import RunSummary, run_row
from flows.settings import Settings
from flows.warehouse_io import (
    build_fingerprint,
    copy_warehouse,
    publish,
    published_build,
    query_frame,
    write_tables,
)

NOTHING_CHANGED = "nothing changed since the last published build: not rebuilt, not revalidated"


def clear_staging(staging_dir: Path) -> None:
    """Remove builds (and their corpus files) left by a killed run (the caller holds the run lock: nobody else
    writes them)."""
    for stale in staging_dir.glob("warehouse-*.duckdb*") if staging_dir.exists() else []:
        stale.unlink()


def record_unchanged_run(
    settings: Settings, dictionary_text: str, run_id: str, started: datetime | None = None
) -> RunSummary | None:
    """Record and publish a run that has nothing to do, or return None when something changed (the input
    files, the lake, the rules or the dictionary) or there is no published build to compare with."""
    if settings.full_refresh:
        return None
    started = started or datetime.now()
    published = published_build(settings.db_path)
    if published is None or published["last_run"].is_empty():
        return None
    if published["fingerprint"] != build_fingerprint(dictionary_text, extraction_fingerprint(settings.spacy_model)):
        return None
    recover_compaction(settings.lake_dir)
    if published["lake_state"] != lake_state(settings.lake_dir):
        return None
    paths = discover_inputs(settings.input_dir, exclude=(settings.actor_dictionary.parent,))
    scan = scan_inputs(paths, settings.input_dir, published["input_files"])
    if not scan.nothing_changed:
        return None
    last = published["last_run"].row(0, named=True)
    n_inputs = int(scan.unchanged["n_inputs"].sum())
    n_quarantined = int(scan.unchanged["n_quarantined"].sum())
    summary = RunSummary(
        run_id=run_id,
        status="published",
        n_inputs=n_inputs,
        n_quarantined=n_quarantined,
        n_duplicates=n_inputs - n_quarantined,
        n_claims=last["n_claims"] or 0,
        n_contradictions=last["n_contradictions"] or 0,
        notes=[NOTHING_CHANGED],
    )
    clear_staging(settings.staging_dir)
    staging = settings.staging_dir / f"warehouse-{run_id}.duckdb"
    copy_warehouse(settings.db_path, staging)
    row = run_row(summary, started)
    write_part(row, settings.lake_dir, PIPELINE_RUNS, run_id)
    compact_lake(settings.lake_dir, run_id, settings.compact_parts, datasets=HISTORY)  # no content part moves
    write_tables(staging, {"pipeline_runs": row, "input_files": scan.unchanged}, replace=("input_files",))
    publish(staging, settings.db_path)
    summary.db_path = settings.db_path
    return summary


def compact(settings: Settings, run_id: str) -> dict[str, int]:
    """`recoupe compact`: merge every dataset of the lake into one part. The content does not change, only the
    parts' names: when the published warehouse was built from this lake, its recorded lake state is updated
    (a copy, renamed over it), so that the next run with nothing to do stays a no-op. Returns {dataset: parts
    merged}. The caller holds the run lock."""
    recover_compaction(settings.lake_dir)
    published = published_build(settings.db_path)
    current = published is not None and published["lake_state"] == lake_state(settings.lake_dir)
    merged = compact_lake(settings.lake_dir, run_id)
    if merged and current:
        clear_staging(settings.staging_dir)
        staging = settings.staging_dir / f"warehouse-{run_id}.duckdb"
        copy_warehouse(settings.db_path, staging)
        info = query_frame(staging, "select * from build_info")
        state = info.with_columns(pl.lit(lake_state(settings.lake_dir)).alias("lake_state"))
        write_tables(staging, {"build_info": state}, replace=("build_info",))
        publish(staging, settings.db_path)
    return merged
