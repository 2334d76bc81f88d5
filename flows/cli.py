"""The `recoupe` command line: run, validate, report, sql, serve."""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from flows.settings import Settings

if TYPE_CHECKING:
    from flows.runs import RunSummary

app = typer.Typer(
    name="recoupe",
    help="Cross-check French news dispatches: ingest raw files, extract who says what and when, "
    "load a DuckDB warehouse, validate it, and report where sources contradict each other.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Outside a terminal (make, CI logs) rich would wrap at 80 columns: give tables room.
console = Console(width=None if sys.stdout.isatty() else 140)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 140)

InputOpt = Annotated[
    Path | None, typer.Option("--input", help="folder of raw dispatches, read recursively [default: seeds/]")
]
DbOpt = Annotated[Path | None, typer.Option("--db", help="warehouse file [default: data/warehouse.duckdb]")]
LakeOpt = Annotated[Path | None, typer.Option("--lake", help="Parquet lake folder [default: data/lake/]")]
ReportsOpt = Annotated[Path | None, typer.Option("--reports", help="reports folder [default: data/reports/]")]


def _prefect_defaults() -> None:
    """Quiet, local, serverless Prefect unless the user configured otherwise."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")


def _settings(**overrides: object) -> Settings:
    return Settings().with_overrides(**overrides)


def _lock_hint(error: Exception) -> str:
    text = str(error)
    if "lock" in text.lower():
        return (
            f"{text}\nAnother process holds a read-write connection to this file. Close it (or open it "
            "with `duckdb -readonly`) and try again."
        )
    return text


def _print_summary(summary) -> None:
    table = Table(title=f"run {summary.run_id}", show_header=False)
    for label, value in (
        ("status", summary.status),
        ("inputs", summary.n_inputs),
        ("new articles", summary.n_articles_new),
        ("duplicates / unchanged", summary.n_duplicates),
        ("quarantined", summary.n_quarantined),
        ("extraction errors (processing_errors)", summary.n_errors),
        ("articles resolved (new or whose context changed)", summary.n_resolved),
        ("claims", summary.n_claims),
        ("contradictions", summary.n_contradictions),
        ("warehouse", summary.db_path),
        ("seconds by stage", " · ".join(f"{stage} {seconds:.1f}" for stage, seconds in summary.seconds.items())),
    ):
        table.add_row(label, str(value))
    console.print(table)


def _print_views(db: Path, limit: int = 12) -> None:
    from flows.warehouse_io import open_warehouse

    con = open_warehouse(db, views=True)
    try:
        _print_view_tables(con, limit)
    finally:
        con.close()


def _print_view_tables(con, limit: int) -> None:
    from flows.warehouse_io import fetch_frame

    contradictions = fetch_frame(
        con,
        "select kind, speaker_a || '  ↔  ' || speaker_b as sources, event_key, confidence, explanation "
        "from contradictions order by confidence desc, contradiction_id limit ?",
        [limit],
    )
    table = Table(title="contradictions (most confident first)")
    for column, width in (("kind", 8), ("sources", 48), ("event_key", 24), ("confidence", 10), ("explanation", 40)):
        table.add_column(column, overflow="ellipsis", no_wrap=True, max_width=width)
    for row in contradictions.iter_rows():
        table.add_row(*[f"{v:.2f}" if isinstance(v, float) else str(v) for v in row])
    console.print(table)
    disputes = fetch_frame(
        con,
        "select kind, label, [side.side || ': ' || side.n_independent_sources for side in sides] as sides, "
        "n_independent_sources from disputes order by confidence desc, dispute_id limit ?",
        [limit],
    )
    table = Table(title="disputes (one per disputed question; sides with their independent sources)")
    for column, width in (("kind", 8), ("question", 70), ("sides", 30), ("sources", 8)):
        table.add_column(column, overflow="ellipsis", no_wrap=True, max_width=width)
    for kind, label, sides, n_sources in disputes.iter_rows():
        table.add_row(kind, label, ", ".join(sides), str(n_sources))
    console.print(table)
    timeline = fetch_frame(
        con,
        "select event_start, event_end, label, n_articles, date_conflict from timeline "
        "order by event_start, event_key limit ?",
        [limit * 2],
    )
    table = Table(title="timeline")
    for column, width in (("start", 10), ("end", 10), ("label", 90), ("articles", 8), ("conflict", 8)):
        table.add_column(column, overflow="ellipsis", no_wrap=True, max_width=width)
    for row in timeline.iter_rows():
        table.add_row(*[str(v) for v in row])
    console.print(table)


def _run_pipeline(settings: Settings, dictionary_text: str) -> RunSummary:
    """Start the extraction processes and Prefect's local server, import the pipeline while they start, run it."""
    # The imports (Prefect, Great Expectations, spaCy: ~540,000 objects) run with the collector off, and what they
    # make lives as long as the process: then the collector is told to skip it. Its passes over them took ~2 s of
    # the start-up and ~4 s of a small run. (The few cycles the imports leave, ~10,000 objects, stay: once.)
    gc.disable()
    try:
        from flows.extraction_pool import start_extraction_workers
        from flows.prefect_startup import start_local_api

        start_extraction_workers(settings, dictionary_text)  # each process loads the model meanwhile
        prefect_up = start_local_api()
        from flows.pipeline import dispatch_pipeline

        gc.freeze()
    finally:
        gc.enable()
    prefect_up()
    return dispatch_pipeline(settings)


@app.command()
def run(
    input: InputOpt = None,
    db: DbOpt = None,
    lake: LakeOpt = None,
    reports: ReportsOpt = None,
    full_refresh: Annotated[bool, typer.Option("--full-refresh", help="rebuild everything from the inputs")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", help="no tables, only the summary")] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="extraction processes (1: in this process) [default: every core]"),
    ] = None,
    dask_address: Annotated[
        str | None,
        typer.Option("--dask-address", help="extract on this Dask cluster (tcp://HOST:8786), not locally"),
    ] = None,
) -> None:
    """Run the whole pipeline and publish the warehouse if every critical expectation passes.

    Exit 0: published. Exit 1: a critical expectation failed (nothing published). Exit 2: bad usage.
    """
    settings = _settings(
        input_dir=input,
        db_path=db,
        lake_dir=lake,
        reports_dir=reports,
        full_refresh=full_refresh or None,
        workers=workers,
        dask_address=dask_address,
    )
    if not settings.input_dir.is_dir():
        err.print(f"[red]error:[/red] input folder not found: {settings.input_dir}")
        raise typer.Exit(2)
    _prefect_defaults()
    from flows.extraction_pool import ExtractionError
    from flows.inputs import InputError, read_dictionary
    from flows.locking import RunLocked, run_lock
    from flows.reporting import write_dq_reports, write_reports
    from flows.runs import new_run_id
    from flows.unchanged import record_unchanged_run

    started = time.perf_counter()
    try:
        with run_lock(settings.db_path):
            # nothing changed since the published build: record the run without starting Prefect
            dictionary_text = read_dictionary(settings.actor_dictionary)
            summary = record_unchanged_run(settings, dictionary_text, new_run_id())
            if summary is None:
                summary = _run_pipeline(settings, dictionary_text)
    except InputError as error:
        err.print(f"[red]error:[/red] {error}")
        raise typer.Exit(2) from error
    except RunLocked as error:
        err.print(f"[red]error:[/red] {error}")
        raise typer.Exit(1) from error
    except ExtractionError as error:
        err.print(f"[red]extraction failed: nothing published.[/red] {error}")
        err.print(
            f"The previous warehouse ({settings.db_path}) is untouched; what was extracted is kept in the lake "
            "and the next run extracts the rest."
        )
        raise typer.Exit(1) from error
    _print_summary(summary)
    if summary.status != "published":
        err.print("[red]validation failed: nothing published.[/red] Failed critical expectations:")
        for failure in summary.failed:
            err.print(f"  - {failure}")
        err.print(
            f"The previous warehouse ({settings.db_path}) is untouched; the failed build is at "
            f"{summary.db_path}; details in its dq_results table."
        )
        raise typer.Exit(1)
    for note in summary.notes:
        console.print(note)
    if summary.notes and (settings.reports_dir / "index.html").exists():
        written = []  # nothing changed: the reports of the published content are already there
    else:
        written = write_reports(settings.db_path, settings.reports_dir, views=summary.views)
        written += write_dq_reports(settings.db_path, settings.reports_dir)
    if not quiet:
        _print_views(settings.db_path)
    if written:
        console.print(f"reports: {', '.join(str(p) for p in written)}")
    console.print(f"done in {time.perf_counter() - started:.1f} s")
    if gc.isenabled() and gc.get_freeze_count():
        # a pipeline ran (see `_run_pipeline`) and its files are written and closed: what the process holds dies
        # with it, so spare the collector its passes over every object at exit (~2 s: Prefect, GE, the corpus)
        gc.freeze()


@app.command()
def validate(db: DbOpt = None) -> None:
    """Run the data-quality checks on the published warehouse. Exit 1 if a critical one fails."""
    settings = _settings(db_path=db)
    if not settings.db_path.exists():
        err.print(f"[red]error:[/red] no warehouse at {settings.db_path}: run `recoupe run` first")
        raise typer.Exit(2)
    _prefect_defaults()
    from flows.validation import run_gate

    gate = run_gate(settings.db_path, run_id="validate")
    table = Table(title="data quality")
    for column in ("suite", "expectation", "severity", "success", "unexpected_count"):
        table.add_column(column, overflow="fold")
    for row in gate.results.iter_rows(named=True):
        table.add_row(
            row["suite"],
            row["expectation"][:70],
            row["severity"],
            "[green]ok[/green]" if row["success"] else "[red]FAIL[/red]",
            str(row["unexpected_count"]),
        )
    console.print(table)
    if not gate.passed:
        raise typer.Exit(1)


@app.command()
def report(
    db: DbOpt = None,
    reports: ReportsOpt = None,
    format: Annotated[
        list[str] | None, typer.Option("--format", help="md, html, csv or json (repeatable; default: all)")
    ] = None,
) -> None:
    """Write the contradiction and timeline reports of the published warehouse."""
    from flows.reporting import FORMATS, write_reports

    settings = _settings(db_path=db, reports_dir=reports)
    formats = tuple(format or FORMATS)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        err.print(f"[red]error:[/red] unknown format {unknown}; choose from {', '.join(FORMATS)}")
        raise typer.Exit(2)
    if not settings.db_path.exists():
        err.print(f"[red]error:[/red] no warehouse at {settings.db_path}: run `recoupe run` first")
        raise typer.Exit(2)
    for path in write_reports(settings.db_path, settings.reports_dir, formats):
        console.print(str(path))


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="a SELECT statement")],
    db: DbOpt = None,
    limit: Annotated[int, typer.Option(help="rows to print at most")] = 50,
) -> None:
    """Run a read-only ad-hoc query on the warehouse and print a table."""
    import duckdb

    from flows.warehouse_io import fetch_frame

    settings = _settings(db_path=db)
    if not settings.db_path.exists():
        err.print(f"[red]error:[/red] no warehouse at {settings.db_path}: run `recoupe run` first")
        raise typer.Exit(2)
    try:
        con = duckdb.connect(str(settings.db_path), read_only=True)
    except duckdb.Error as error:
        err.print(f"[red]error:[/red] {_lock_hint(error)}")
        raise typer.Exit(1) from error
    try:
        frame = fetch_frame(con, query)
    except duckdb.Error as error:
        err.print(f"[red]error:[/red] {error}")
        raise typer.Exit(1) from error
    finally:
        con.close()
    table = Table(show_lines=False)
    for column in frame.columns:
        table.add_column(column, overflow="fold")
    for row in frame.head(limit).iter_rows():
        table.add_row(*["" if v is None else str(v) for v in row])
    console.print(table)
    if frame.height > limit:
        console.print(f"({frame.height} rows, {limit} shown; use --limit)")


@app.command()
def compact(lake: LakeOpt = None, db: DbOpt = None) -> None:
    """Merge each dataset of the Parquet lake into one part (atomically; the content does not change)."""
    from flows.locking import RunLocked, run_lock
    from flows.runs import new_run_id
    from flows.unchanged import compact as compact_lake

    settings = _settings(lake_dir=lake, db_path=db)
    if not settings.lake_dir.is_dir():
        err.print(f"[red]error:[/red] no lake at {settings.lake_dir}")
        raise typer.Exit(2)
    try:
        with run_lock(settings.db_path):
            merged = compact_lake(settings, new_run_id())
    except RunLocked as error:
        err.print(f"[red]error:[/red] {error}")
        raise typer.Exit(1) from error
    for dataset, n_parts in merged.items():
        console.print(f"{dataset}: {n_parts} parts merged into one")
    if not merged:
        console.print("nothing to compact: every dataset is one part")


@app.command()
def serve(
    cron: Annotated[str, typer.Option("--cron", help="schedule, cron syntax")] = "0 * * * *",
    input: InputOpt = None,
    db: DbOpt = None,
    lake: LakeOpt = None,
    name: Annotated[str, typer.Option(help="deployment name")] = "recoupe-scheduled",
) -> None:
    """Serve the pipeline as a Prefect deployment that runs on a schedule (needs a Prefect API:
    `prefect server start` and PREFECT_API_URL, or Prefect Cloud)."""
    _prefect_defaults()
    from flows.pipeline import dispatch_pipeline

    console.print(f"serving '{name}' on schedule {cron!r}; Ctrl-C to stop")
    # the flow reads its settings in the worker process; pass what the flags changed as environment
    for key, value in (("RECOUPE_INPUT_DIR", input), ("RECOUPE_DB_PATH", db), ("RECOUPE_LAKE_DIR", lake)):
        if value is not None:
            os.environ[key] = str(value.resolve())
    dispatch_pipeline.serve(name=name, cron=cron)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
