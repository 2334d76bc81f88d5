"""The data-quality gate: Great Expectations suites over the staging warehouse.

GE 1.x has no Polars support and its DuckDB datasource is broken (stack-notes): tables are read from
DuckDB into pandas and validated with the pandas datasource. SQL assertions in `warehouse/checks/`
are run in DuckDB and their offending rows validated as "empty"."""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from expectations.suites import empty_result_suite, row_count_suite, table_suites
from flows.warehouse_io import sql_files

DQ_SCHEMA = {
    "run_id": pl.String,
    "suite": pl.String,
    "expectation": pl.String,
    "severity": pl.String,
    "success": pl.Boolean,
    "observed_value": pl.String,
    "unexpected_count": pl.Int64,
    "sample_ids": pl.List(pl.String),
    "evaluated_at": pl.Datetime("us"),
}


@dataclass
class GateResult:
    results: pl.DataFrame

    @property
    def failed_critical(self) -> pl.DataFrame:
        return self.results.filter(~pl.col("success") & (pl.col("severity") == "critical"))

    @property
    def passed(self) -> bool:
        return self.failed_critical.is_empty()


def _describe(config) -> str:
    kwargs = {k: v for k, v in config.kwargs.items() if k not in ("batch_id",)}
    args = ", ".join(f"{k}={v}" for k, v in kwargs.items() if k != "value_set")
    return f"{config.type}({args})"


COUNTED_TABLES = ("articles", "actors", "mentions", "claims", "dates")


def published_row_counts(db: Path) -> dict[str, int]:
    """Row counts of the published warehouse (empty when there is none yet)."""
    if not db.exists():
        return {}
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {table: con.execute(f'select count(*) from "{table}"').fetchall()[0][0] for table in COUNTED_TABLES}
    finally:
        con.close()


def run_gate(
    db: Path,
    run_id: str,
    previous_counts: dict[str, int] | None = None,
    max_drop: float = 0.5,
    drop_severity: str = "critical",
    docs_dir: Path | None = None,
) -> GateResult:
    """Validate every suite against the warehouse file `db`; returns one row per expectation.

    With `previous_counts` (the published warehouse's row counts), each counted table must keep at least
    `1 - max_drop` of its rows. With `docs_dir`, Great Expectations Data Docs (HTML) are built there:
    into a temporary folder first, then swapped in, so the folder always shows one whole run."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    for name in list(logging.root.manager.loggerDict):
        if name.startswith("great_expectations"):
            logging.getLogger(name).setLevel(logging.ERROR)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_pandas("warehouse")
    building = None
    if docs_dir is not None:
        docs_dir = docs_dir.resolve()
        building = docs_dir.with_name(f".{docs_dir.name}-{run_id}")
        shutil.rmtree(building, ignore_errors=True)
        context.add_data_docs_site(
            site_name="recoupe",
            site_config={
                "class_name": "SiteBuilder",
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(building)},
            },
        )
    con = duckdb.connect(str(db), read_only=True)
    frames = {}
    try:
        for table in table_suites():
            frames[table] = ("table", table, con.execute(f'select * from "{table}"').df())
        for name, sql in sql_files("checks"):
            severity = "critical" if "severity: critical" in sql.splitlines()[0] else "warning"
            frames[name.removesuffix(".sql")] = ("check", severity, con.execute(sql).df())
    finally:
        con.close()
    rows = []
    now = datetime.now()
    suites = table_suites()
    for table in previous_counts or {}:
        frames[f"row_count_{table}"] = ("rows", table, frames[table][2])
    for name, (kind, detail, frame) in frames.items():
        if kind == "rows":
            expectations = row_count_suite(previous_counts[detail], max_drop, drop_severity)
        else:
            expectations = suites[name] if kind == "table" else empty_result_suite(name, detail)
        asset = source.add_dataframe_asset(name)
        batch = asset.add_batch_definition_whole_dataframe(name)
        suite = context.suites.add(gx.ExpectationSuite(name=name, expectations=expectations))
        definition = context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=suite))
        if building is None:
            outcome = definition.run(batch_parameters={"dataframe": frame}, result_format={"result_format": "SUMMARY"})
        else:
            checkpoint = context.checkpoints.add(
                gx.Checkpoint(
                    name=name,
                    validation_definitions=[definition],
                    result_format={"result_format": "SUMMARY"},
                    actions=[gx.checkpoint.UpdateDataDocsAction(name="docs", site_names=["recoupe"])],
                )
            )
            outcome = next(iter(checkpoint.run(batch_parameters={"dataframe": frame}).run_results.values()))
        for result in outcome.results:
            config = result.expectation_config
            detail_result = result.result or {}
            sample = detail_result.get("partial_unexpected_list") or []
            if kind == "check" and not frame.empty:
                sample = frame.iloc[:, 0].astype(str).head(10).tolist()
            observed = detail_result.get("observed_value")
            rows.append(
                {
                    "run_id": run_id,
                    "suite": name,
                    "expectation": _describe(config),
                    "severity": (config.meta or {}).get("severity", "critical"),
                    "success": bool(result.success),
                    "observed_value": None if observed is None else str(observed)[:200],
                    "unexpected_count": detail_result.get("unexpected_count") if kind != "check" else len(frame),
                    "sample_ids": [str(s)[:80] for s in sample[:10]],
                    "evaluated_at": now,
                }
            )
    if building is not None and building.exists():
        shutil.rmtree(docs_dir, ignore_errors=True)
        building.rename(docs_dir)
    return GateResult(pl.DataFrame(rows, schema=DQ_SCHEMA))
