"""Write the reports of a published warehouse: Markdown, HTML, CSV and JSON, atomically."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import polars as pl

from flows.warehouse_io import fetch_frame, open_warehouse
from transforms.report_render import contradictions_markdown, disputes_markdown, index_html, timeline_markdown

FORMATS = ("md", "html", "csv", "json")


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


# the views the reports show, in their order; `views` lets a caller that computed them (the gate, on the very
# content it publishes) hand them over instead of computing them again
REPORT_VIEWS = {
    "contradictions": "select * from contradictions order by confidence desc, contradiction_id",
    "disputes": "select * from disputes order by confidence desc, n_independent_sources desc, dispute_id",
    "timeline": "select * from timeline order by event_start, event_key",
}


def fetch_report_views(con) -> dict[str, pl.DataFrame]:
    """The rows of the report views on `con` (a connection whose views are computed: `open_warehouse`)."""
    return {name: fetch_frame(con, sql) for name, sql in REPORT_VIEWS.items()}


def load_report_data(db: Path, views: dict[str, pl.DataFrame] | None = None) -> dict[str, pl.DataFrame]:
    con = open_warehouse(db, views=views is None)
    try:
        last_run = con.execute("select max(run_id) from pipeline_runs where status = 'published'").fetchall()[0][0]
        return {
            **(views if views is not None else fetch_report_views(con)),
            "articles": fetch_frame(
                con, "select article_id, body, source_uri, title from articles order by source_uri"
            ),
            "dq": fetch_frame(con, "select * from dq_results where run_id = ?", [last_run]),
            "run": fetch_frame(con, "select * from pipeline_runs where run_id = ?", [last_run]),
        }
    finally:
        con.close()


def write_reports(
    db: Path,
    reports_dir: Path,
    formats: tuple[str, ...] = FORMATS,
    views: dict[str, pl.DataFrame] | None = None,
) -> list[Path]:
    """Write every requested format; returns the files written. `views`: the rows of `REPORT_VIEWS` when the
    caller has them for this warehouse's content (the gate of the run that published it)."""
    data = load_report_data(db, views)
    written = []
    if "md" in formats:
        for name, text in (
            ("contradictions.md", contradictions_markdown(data["contradictions"])),
            ("disputes.md", disputes_markdown(data["disputes"])),
            ("timeline.md", timeline_markdown(data["timeline"])),
        ):
            _write_text(reports_dir / name, text)
            written.append(reports_dir / name)
    if "html" in formats:
        run = data["run"].to_dicts()[0] if not data["run"].is_empty() else None
        page = index_html(
            data["disputes"], data["timeline"], data["articles"], data["dq"], run, data["contradictions"].height
        )
        _write_text(reports_dir / "index.html", page)
        written.append(reports_dir / "index.html")
    for view in ("contradictions", "disputes", "timeline"):
        frame = data[view]
        if "csv" in formats:
            # lists of values as `a; b`; nested records (a dispute's sides) as JSON
            flat = frame.with_columns(
                pl.col(c).cast(pl.List(pl.String)).list.join("; ")
                if isinstance(t.inner, (pl.String, pl.Date, pl.Int32, pl.Int64, pl.Float64))
                else pl.col(c).map_elements(lambda v: json.dumps(v.to_list(), default=str), return_dtype=pl.String)
                for c, t in frame.schema.items()
                if isinstance(t, pl.List)
            )
            _write_text(reports_dir / f"{view}.csv", flat.write_csv())
            written.append(reports_dir / f"{view}.csv")
        if "json" in formats:
            _write_text(reports_dir / f"{view}.json", frame.write_json())
            written.append(reports_dir / f"{view}.json")
    return written


def write_dq_reports(db: Path, out_dir: Path) -> list[Path]:
    """The data-quality results of the warehouse's last run as Markdown and JUnit XML (for CI)."""
    from xml.sax.saxutils import escape, quoteattr

    con = open_warehouse(db)
    try:
        run_id = con.execute("select max(run_id) from dq_results").fetchall()[0][0]
        dq = fetch_frame(con, "select * from dq_results where run_id = ? order by suite, expectation", [run_id])
    finally:
        con.close()
    failed = dq.filter(~pl.col("success"))
    lines = [
        f"# Data quality — run {run_id}",
        "",
        f"{dq.height - failed.height} of {dq.height} expectations passed "
        f"({failed.filter(pl.col('severity') == 'critical').height} critical failures).",
        "",
    ]
    suites = dq.group_by("suite", maintain_order=True).agg(
        pl.len().alias("n"), (~pl.col("success")).sum().alias("failed")
    )
    lines += ["| suite | expectations | failed |", "|---|---|---|"]
    lines += [f"| {r['suite']} | {r['n']} | {r['failed']} |" for r in suites.iter_rows(named=True)]
    if not failed.is_empty():
        lines += [
            "",
            "## Failures",
            "",
            "| suite | expectation | severity | unexpected | sample |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {r['suite']} | {r['expectation']} | {r['severity']} | {r['unexpected_count']} | "
            f"{', '.join(r['sample_ids'] or [])[:80]} |"
            for r in failed.iter_rows(named=True)
        ]
    cases = []
    for r in dq.iter_rows(named=True):
        body = (
            ""
            if r["success"]
            else (
                f"<failure message={quoteattr(r['severity'])}>{escape(str(r['unexpected_count']))} unexpected</failure>"
            )
        )
        cases.append(
            f"<testcase classname={quoteattr('dq.' + r['suite'])} name={quoteattr(r['expectation'])}>{body}</testcase>"
        )
    xml = (
        f'<?xml version="1.0" encoding="utf-8"?>\n<testsuite name="recoupe-data-quality" tests="{dq.height}" '
        f'failures="{failed.height}">\n' + "\n".join(cases) + "\n</testsuite>\n"
    )
    _write_text(out_dir / "dq-summary.md", "\n".join(lines) + "\n")
    _write_text(out_dir / "dq-junit.xml", xml)
    return [out_dir / "dq-summary.md", out_dir / "dq-junit.xml"]
