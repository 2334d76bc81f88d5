"""The data-quality gate: Great Expectations suites over the staging warehouse.

GE 1.x has no Polars support and its DuckDB datasource is broken (stack-notes): tables are read from
DuckDB into pandas and validated with the pandas datasource. SQL assertions in `warehouse/checks/`
are run in DuckDB and their offending rows validated as "empty"."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from expectations.suites import empty_result_suite, row_count_suite, table_suites
from flows.datasets import DQ_SCHEMA
from flows.reporting import fetch_report_views
from flows.warehouse_io import open_warehouse, sql_files


@dataclass
class GateResult:
    results: pl.DataFrame
    counts: dict[str, int] = field(default_factory=dict)  # rows of the views (COUNTED_VIEWS) of the build
    # the rows of the reports' views (`flows.reporting.REPORT_VIEWS`) as the gate computed them, when it did
    views: dict[str, pl.DataFrame] | None = None

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
COUNTED_VIEWS = ("contradictions", "disputes", "timeline")


def published_row_counts(db: Path) -> dict[str, int]:
    """Row counts of the published warehouse (empty when there is none yet)."""
    if not db.exists():
        return {}
    con = open_warehouse(db)
    try:
        return {table: con.execute(f'select count(*) from "{table}"').fetchall()[0][0] for table in COUNTED_TABLES}
    finally:
        con.close()


@dataclass
class GateScope:
    """The rows a run changed: the gate validates these rows of the article tables and views (the SQL
    assertions still run on the whole warehouse). None: every row."""

    articles: list[str]
    actors: list[str]


# rows validated per Great Expectations batch: memory stays flat whatever the size of a table
_VECTORS_PER_BATCH = 10  # × 2,048 rows


def _columns_read(expectations: list) -> str:
    """The select list of the columns `expectations` read, in order (a constant when none does: a suite of row
    counts). Great Expectations gets only those: converting the others to pandas, and hashing them for its batch
    id (by pickling, for list columns), was most of the gate's time on large tables."""
    names: list[str] = []
    for expectation in expectations:
        for column in [getattr(expectation, "column", None), *(getattr(expectation, "column_list", None) or [])]:
            if column and column not in names:
                names.append(column)
    return ", ".join(f'"{name}"' for name in names) or "1 as row"  # the names are the suites' own


def _source(name: str, scoped: bool, columns: str = "*") -> str:
    """The SQL selecting what the suite `name` validates (`columns` of a table or view; the changed rows when
    scoped)."""
    if not scoped or name == "quarantine":
        return f'select {columns} from "{name}"'
    if name == "actors":
        return f"select {columns} from actors where actor_id in (select actor_id from gate_actors)"
    if name in ("timeline", "disputes"):
        return (
            f'select {columns} from "{name}" where list_has_any(article_ids, '
            "(select coalesce(list(article_id), []) from gate_articles))"
        )
    if name == "contradictions":
        return (
            f"select {columns} from contradictions where article_id_a in (select article_id from gate_articles) "
            "or article_id_b in (select article_id from gate_articles)"
        )
    return f'select {columns} from "{name}" where article_id in (select article_id from gate_articles)'


def _batches(con: duckdb.DuckDBPyConnection, sql: str) -> Iterator:
    """The query's rows as pandas frames of at most `_VECTORS_PER_BATCH` × 2,048 rows (one, maybe empty, at
    least)."""
    con.execute(sql)
    first = True
    while True:
        frame = con.fetch_df_chunk(_VECTORS_PER_BATCH)
        if frame.empty and not first:
            return
        yield frame
        first = False
        if len(frame) < _VECTORS_PER_BATCH * 2048:
            return


def _merged(outcomes: list[list[dict]]) -> list[dict]:
    """One result per expectation from its results on several batches: failed when it failed on one (for an
    expectation with `mostly`, when the unexpected share of all rows passes the threshold), the unexpected
    counts added up, the first samples kept."""
    merged = []
    for results in zip(*outcomes, strict=True):
        first = results[0]
        unexpected = [r["unexpected_count"] for r in results if r["unexpected_count"] is not None]
        elements = [r["element_count"] for r in results if r["element_count"] is not None]
        success = all(r["success"] for r in results)
        if first["mostly"] is not None and elements and sum(elements):
            success = 1 - sum(unexpected) / sum(elements) >= first["mostly"]
        failing = next((r for r in results if not r["success"]), results[-1])
        merged.append(
            first
            | {
                "success": success,
                "unexpected_count": sum(unexpected) if unexpected else None,
                "observed_value": failing["observed_value"],
                "sample_ids": [s for r in results for s in r["sample_ids"]][:10],
            }
        )
    return merged


def run_gate(
    db: Path,
    run_id: str,
    previous_counts: dict[str, int] | None = None,
    max_drop: float = 0.5,
    drop_severity: str = "critical",
    docs_dir: Path | None = None,
    scope: GateScope | None = None,
) -> GateResult:
    """Validate every suite against the warehouse file `db`; returns one row per expectation.

    With `scope`, the table and view suites validate the rows of the changed articles and actors only; the SQL
    assertions (`warehouse/checks/`, keys among them) always run on the whole warehouse. Tables are validated
    in batches of rows, so memory does not grow with them. With `previous_counts` (the published warehouse's
    row counts), each counted table must keep at least `1 - max_drop` of its rows. With `docs_dir`, Great
    Expectations Data Docs (HTML) are built there: into a temporary folder first, then swapped in, so the folder
    always shows one whole run."""
    docs_dir = None if docs_dir is None else docs_dir.resolve()
    building = None if docs_dir is None else docs_dir.with_name(f".{docs_dir.name}-{run_id}")
    context, source = _gx_context(building)
    suites = table_suites()
    con = open_warehouse(db, views=True)
    if scope is not None:
        con.register(
            "gate_articles", pl.DataFrame({"article_id": scope.articles}, schema={"article_id": pl.String}).to_arrow()
        )
        con.register("gate_actors", pl.DataFrame({"actor_id": scope.actors}, schema={"actor_id": pl.String}).to_arrow())
    rows = []
    now = datetime.now()
    try:
        for name, kind, detail, sql in _plan(suites, scope is not None, previous_counts):
            if kind == "rows":
                expectations = row_count_suite(previous_counts[detail], max_drop, drop_severity)
            else:
                expectations = suites[name] if kind == "table" else empty_result_suite(name, detail)
            frames = [con.execute(sql).df()] if kind != "table" else _batches(con, sql)
            for result in _validate(context, source, name, expectations, frames, kind):
                rows.append(
                    {
                        "run_id": run_id,
                        "suite": name,
                        "expectation": result["expectation"],
                        "severity": result["severity"],
                        "success": result["success"],
                        "observed_value": result["observed_value"],
                        "unexpected_count": result["unexpected_count"],
                        "sample_ids": result["sample_ids"],
                        "evaluated_at": now,
                    }
                )
        counts = {name: con.execute(f'select count(*) from "{name}"').fetchall()[0][0] for name in COUNTED_VIEWS}
        views = fetch_report_views(con)  # the reports of a published build show these rows: not computed again
    finally:
        con.close()
    if building is not None and docs_dir is not None:
        # one build of the site once every result is stored (a build per suite re-rendered the whole site
        # each time: 9.5 of the gate's 16 s on a 10,000-article incremental run)
        context.build_data_docs(site_names=["recoupe"])
        if building.exists():
            shutil.rmtree(docs_dir, ignore_errors=True)
            building.rename(docs_dir)
    return GateResult(pl.DataFrame(rows, schema=DQ_SCHEMA), counts, views)


def _gx_context(building: Path | None):
    """An ephemeral Great Expectations context, quiet (no analytics, no progress bars, errors only in the log),
    with `building` a Data Docs site written there; and its pandas source for the frames to validate."""
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
    if building is not None:
        shutil.rmtree(building, ignore_errors=True)
        context.add_data_docs_site(
            site_name="recoupe",
            site_config={
                "class_name": "SiteBuilder",
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(building)},
            },
        )
    return context, source


def _plan(suites: dict, scoped: bool, previous_counts: dict[str, int] | None) -> list[tuple[str, str, str, str]]:
    """What the gate validates, in order, as (suite name, kind, detail, SQL of its rows): the table and view
    suites (`table`, detail: the table), the SQL assertions of `warehouse/checks/` (`check`, detail: their
    severity, read from their first line) and the row counts against the published warehouse (`rows`)."""
    plan = [(name, "table", name, _source(name, scoped, _columns_read(suites[name]))) for name in suites]
    for name, sql in sql_files("checks"):
        severity = "critical" if "severity: critical" in sql.splitlines()[0] else "warning"
        plan.append((name.removesuffix(".sql"), "check", severity, sql))
    for table in previous_counts or {}:
        plan.append((f"row_count_{table}", "rows", table, f'select 1 as row from "{table}"'))
    return plan


def _validate(context, source, name: str, expectations: list, frames, kind: str) -> list[dict]:
    """Validate each frame of `frames` against a suite `name` of `expectations`; the results merged over the
    frames (`_merged`), one per expectation."""
    import great_expectations as gx

    batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(name)
    suite = context.suites.add(gx.ExpectationSuite(name=name, expectations=expectations))
    definition = context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=suite))
    return _merged([_results(definition, frame, kind) for frame in frames])


def _results(definition, frame, kind: str) -> list[dict]:
    """One validation of `frame` (its result stored in the context, for Data Docs), as plain rows (one per
    expectation)."""
    outcome = definition.run(batch_parameters={"dataframe": frame}, result_format={"result_format": "SUMMARY"})
    found = []
    for result in outcome.results:
        config = result.expectation_config
        detail = result.result or {}
        sample = detail.get("partial_unexpected_list") or []
        if kind == "check" and not frame.empty:
            sample = frame.iloc[:, 0].astype(str).head(10).tolist()
        observed = detail.get("observed_value")
        found.append(
            {
                "expectation": _describe(config),
                "severity": (config.meta or {}).get("severity", "critical"),
                "success": bool(result.success),
                "observed_value": None if observed is None else str(observed)[:200],
                "unexpected_count": detail.get("unexpected_count") if kind != "check" else len(frame),
                "element_count": detail.get("element_count"),
                "mostly": config.kwargs.get("mostly"),
                "sample_ids": [str(s)[:80] for s in sample[:10]],
            }
        )
    return found
