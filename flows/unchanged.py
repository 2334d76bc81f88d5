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

from flows.inputs import discover_inputs, scan_inputs
from flows.lake import extraction_fingerprint, lake_state, write_part
from flows.runs import RunSummary, run_row
from flows.settings import Settings
from flows.warehouse_io import build_fingerprint, copy_warehouse, publish, published_build, write_tables

NOTHING_CHANGED = "nothing changed since the last published build: not rebuilt, not revalidated"


def clear_staging(staging_dir: Path) -> None:
    """Remove builds left by a killed run (the caller holds the run lock: nobody else writes them)."""
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
    write_part(row, settings.lake_dir, "pipeline_runs", run_id)
    write_tables(staging, {"pipeline_runs": row, "input_files": scan.unchanged}, replace=("input_files",))
    publish(staging, settings.db_path)
    summary.db_path = settings.db_path
    return summary
