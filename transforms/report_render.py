"""Reports as text: Markdown tables and one self-contained HTML page (inline CSS and SVG, no network)."""

from __future__ import annotations

import html
from datetime import date, timedelta

import polars as pl


def _cell(value: object, width: int = 120) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = str(value).replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def markdown_table(frame: pl.DataFrame, columns: list[str], width: int = 120) -> str:
    if frame.is_empty():
        return "_none_\n"
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in frame.select(columns).iter_rows():
        lines.append("| " + " | ".join(_cell(v, width) for v in row) + " |")
    return "\n".join(lines) + "\n"


def contradictions_markdown(contradictions: pl.DataFrame) -> str:
    head = "# Contradictions\n\nPairs of claims about the same event, at the same time, that cannot both be true.\n\n"
    if contradictions.is_empty():
        return head + "_No contradiction found._\n"
    parts = [head]
    for row in contradictions.sort(["confidence", "kind"], descending=[True, False]).iter_rows(named=True):
        period = f"{row['period_start'] or '?'} → {row['period_end'] or '?'}"
        parts.append(
            f"## {row['kind']} · `{row['event_key']}` · confidence {row['confidence']:.2f}\n\n"
            f"- **{row['speaker_a']}** ({row['article_id_a']}): « {row['text_a']} »\n"
            f"- **{row['speaker_b']}** ({row['article_id_b']}): « {row['text_b']} »\n"
            f"- period: {period}\n- why: {row['explanation']}\n\n"
        )
    return "".join(parts)


def timeline_markdown(timeline: pl.DataFrame) -> str:
    head = "# Timeline\n\nOne row per event that at least one source dates (disputed ones included).\n\n"
    frame = timeline.sort(["event_start", "event_key"]).with_columns(
        pl.when(pl.col("date_conflict")).then(pl.lit("yes")).otherwise(pl.lit("")).alias("conflict"),
        pl.when(pl.col("is_disputed")).then(pl.lit("yes")).otherwise(pl.lit("")).alias("disputed"),
    )
    return head + markdown_table(
        frame,
        [
            "event_start",
            "event_end",
            "label",
            "n_articles",
            "n_independent_sources",
            "dates_reported_labels",
            "conflict",
            "disputed",
        ],
        width=100,
    )


def _side_title(kind: str, side: str) -> str:
    """`affirm` / `deny` for a polarity dispute, the count or the date for the others."""
    if kind == "polarity":
        return "Affirm" if side == "affirm" else "Deny"
    return ("Count: " if kind == "quantity" else "Date: ") + side


def _sources_line(side: dict) -> str:
    n, independent = side["n_sources"], side["n_independent_sources"]
    return f"{n} source{'s' if n != 1 else ''}, {independent} independent"


def disputes_markdown(disputes: pl.DataFrame) -> str:
    """One section per disputed question: its sides, each with its sources and quoted evidence."""
    head = (
        "# Disputes\n\nOne section per disputed question: every contradiction about one event, gathered, "
        "with its sides side by side.\n\n"
    )
    if disputes.is_empty():
        return head + "_No dispute found._\n"
    parts = [head]
    for row in disputes.iter_rows(named=True):
        parts.append(
            f"## {row['label']}\n\n{row['kind']} · `{row['event_key']}` · reported {row['first_reported_on']} → "
            f"{row['last_reported_on']} · {row['n_independent_sources']} independent sources · "
            f"confidence {row['confidence']:.2f}\n\n"
        )
        for side in row["sides"]:
            parts.append(f"### {_side_title(row['kind'], side['side'])} ({_sources_line(side)})\n\n")
            for relay in side["relays"] or []:
                parts.append(f"- relayed: {relay}\n")
            for evidence in side["evidence"]:
                via = f" (via {evidence['relayed_by']})" if evidence["relayed_by"] else ""
                parts.append(
                    f"- **{evidence['source']}**{via}, {evidence['source_uri']} "
                    f"[{evidence['char_start']}:{evidence['char_end']}]: « {evidence['text']} »\n"
                )
            parts.append("\n")
    return "".join(parts)


def _highlight(body: str, start: int | None, end: int | None, context: int = 160) -> str:
    if body is None or start is None or end is None:
        return html.escape(body or "")
    return (
        html.escape(body[max(0, start - context) : start])
        + "<mark>"
        + html.escape(body[start:end])
        + "</mark>"
        + html.escape(body[end : end + context])
    )


def timeline_svg(timeline: pl.DataFrame, width: int = 920) -> str:
    """A static SVG chart: one lane per event, a bar from event_start to event_end."""
    rows = timeline.filter(pl.col("event_start").is_not_null()).sort("event_start")
    if rows.is_empty():
        return '<svg class="chart" role="img" aria-label="empty timeline" width="10" height="10"></svg>'
    hi: date = rows["event_end"].max()
    # a years-old background event would squash the recent ones: show the last 120 days, and draw
    # what starts earlier from the left edge with a ◂ mark
    lo: date = max(rows["event_start"].min(), hi - timedelta(days=120))
    span = max(1, (hi - lo).days)
    left, lane, top = 330, 22, 30
    height = top + lane * rows.height + 20
    scale = (width - left - 20) / span
    out = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="timeline of events" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f'<text x="{left}" y="16" class="axis">{lo}</text>',
        f'<text x="{width - 20}" y="16" text-anchor="end" class="axis">{hi}</text>',
    ]
    for i, row in enumerate(rows.iter_rows(named=True)):
        y = top + i * lane
        start = max(row["event_start"], lo)
        x = left + (start - lo).days * scale
        w = max(4.0, ((max(row["event_end"], lo) - start).days + 1) * scale)
        if row["event_start"] < lo:
            out.append(f'<text x="{left - 12}" y="{y + 14}" class="axis">◂</text>')
        colour = "#c0392b" if row["date_conflict"] else "#d68910" if row.get("is_disputed") else "#2c6fbb"
        text = row["label"] or ""
        label = html.escape(text if len(text) <= 52 else text[:51].rsplit(" ", 1)[0] + "…")
        out.append(f'<text x="4" y="{y + 14}" class="lane">{label}</text>')
        out.append(
            f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="14" rx="3" fill="{colour}">'
            f"<title>{html.escape(text)}: {row['event_start']} – {row['event_end']}"
            f" ({row['n_articles']} articles)</title></rect>"
        )
    out.append("</svg>")
    return "\n".join(out)


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#222}
h1{margin-bottom:.2rem} .muted{color:#666} .card{border:1px solid #ddd;border-radius:8px;padding:1rem;margin:1rem 0}
.card h3{margin:.2rem 0 .3rem} .meta{color:#555;font-size:.88rem;margin:0 0 .7rem}
.sides{display:grid;gap:1rem} .side h4{margin:0 0 .4rem;font-size:.95rem} .side h4 span{font-weight:normal;color:#555}
.side.affirm h4{color:#1e6b34} .side.deny h4{color:#a02b1e} .relays{font-size:.82rem;color:#555;margin:.2rem 0 .4rem}
.evidence{margin:.5rem 0} .evidence .who{font-size:.88rem}
.side blockquote{margin:.2rem 0 0;padding:.5rem;background:#fafafa;border-left:4px solid #2c6fbb;font-size:.88rem}
.side.affirm blockquote{border-left-color:#1e7b34} .side.deny blockquote{border-left-color:#b03a2e}
mark{background:#ffe58a} table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:.3rem .4rem;text-align:left;font-size:.88rem;vertical-align:top}
.chart .lane{font-size:11px;fill:#333} .chart .axis{font-size:11px;fill:#666} .ok{color:#1e7b34} .bad{color:#b00020}
.flag{display:inline-block;font-size:.75rem;padding:0 .35rem;border-radius:3px;color:#fff}
.flag.disputed{background:#d68910} .flag.conflict{background:#c0392b} .legend{font-size:.82rem;color:#555}
"""

_QUESTION = {
    "polarity": "Sources disagree on whether it happened",
    "quantity": "Sources disagree on how many",
    "date": "Sources disagree on when it happened",
}


def _dispute_card(row: dict, bodies: dict[str, dict]) -> str:
    """One disputed question: its sides side by side, each with its sources and quoted evidence."""
    columns = []
    for side in row["sides"]:
        kind_class = side["side"] if row["kind"] == "polarity" else "value"
        items = []
        for evidence in side["evidence"]:
            article = bodies.get(evidence["article_id"], {})
            where = html.escape(article.get("title") or evidence["source_uri"] or evidence["article_id"])
            via = ""
            if evidence["relayed_by"]:
                via = f' <span class="muted">via {html.escape(evidence["relayed_by"])}</span>'
            quoted = _highlight(article.get("body"), evidence["char_start"], evidence["char_end"], context=90)
            items.append(
                f'<div class="evidence"><div class="who"><strong>{html.escape(evidence["source"])}</strong>{via} · '
                f'<a href="#article-{evidence["article_id"]}">{where}</a> · '
                f'<span class="muted">{evidence["reported_on"] or "?"}</span></div>'
                f"<blockquote>…{quoted}…</blockquote></div>"
            )
        relays = side["relays"] or []
        relay_line = f'<p class="relays">relayed: {html.escape("; ".join(relays))}</p>' if relays else ""
        columns.append(
            f'<div class="side {kind_class}"><h4>{html.escape(_side_title(row["kind"], side["side"]))} '
            f"<span>· {_sources_line(side)}: {html.escape(', '.join(side['independent_sources']))}</span></h4>"
            f"{relay_line}{''.join(items)}</div>"
        )
    n_pairs = len(row["contradiction_ids"] or [])
    return (
        f'<div class="card dispute"><h3>{html.escape(row["label"])}</h3>'
        f'<p class="meta">{_QUESTION[row["kind"]]} · reported {row["first_reported_on"]} → '
        f"{row['last_reported_on']} · {row['n_independent_sources']} independent sources in "
        f"{row['n_articles']} article{'s' if row['n_articles'] != 1 else ''} · {n_pairs} contradiction "
        f"pair{'s' if n_pairs != 1 else ''} · confidence {row['confidence']:.2f}</p>"
        f'<div class="sides" style="grid-template-columns:repeat({len(row["sides"])},1fr)">{"".join(columns)}</div>'
        "</div>"
    )


def _timeline_table(timeline: pl.DataFrame) -> str:
    if timeline.is_empty():
        return ""
    rows = []
    for row in timeline.sort(["event_start", "event_key"]).iter_rows(named=True):
        flags = ""
        if row.get("is_disputed"):
            flags += ' <span class="flag disputed">disputed</span>'
        if row["date_conflict"]:
            flags += ' <span class="flag conflict">date conflict</span>'
        rows.append(
            f"<tr><td>{html.escape(', '.join(row['dates_reported_labels'] or []))}</td>"
            f"<td>{html.escape(row['label'] or '')}{flags}</td><td>{row['n_articles']}</td>"
            f"<td>{row['n_independent_sources']}</td></tr>"
        )
    return (
        "<table><tr><th>dates reported</th><th>event</th><th>articles</th><th>independent sources</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def index_html(
    disputes: pl.DataFrame,
    timeline: pl.DataFrame,
    articles: pl.DataFrame,
    dq: pl.DataFrame,
    run: dict | None,
    n_contradictions: int = 0,
) -> str:
    """The whole report in one file. `disputes` as the disputes view (its sides with their evidence);
    `articles` needs article_id, body, source_uri, title."""
    bodies = {r["article_id"]: r for r in articles.iter_rows(named=True)}
    cards = [_dispute_card(row, bodies) for row in disputes.iter_rows(named=True)]
    dq_rows = dq.filter(~pl.col("success")) if not dq.is_empty() else dq
    n_checks = dq.height
    n_failed = dq_rows.height
    dq_html = (
        f'<p class="{"ok" if n_failed == 0 else "bad"}">{n_checks - n_failed} of {n_checks} expectations passed.</p>'
    )
    if n_failed:
        dq_html += (
            "<table><tr><th>suite</th><th>expectation</th><th>severity</th><th>unexpected</th></tr>"
            + "".join(
                f"<tr><td>{html.escape(r['suite'])}</td><td>{html.escape(r['expectation'])}</td>"
                f"<td>{r['severity']}</td><td>{r['unexpected_count']}</td></tr>"
                for r in dq_rows.iter_rows(named=True)
            )
            + "</table>"
        )
    article_list = "".join(
        f'<li id="article-{r["article_id"]}"><code>{r["article_id"]}</code> {html.escape(r.get("title") or "")} '
        f'<span class="muted">{html.escape(r["source_uri"])}</span></li>'
        for r in articles.iter_rows(named=True)
    )
    run_line = (
        f"run <code>{html.escape(run['run_id'])}</code> · {run['status']} · {run['n_inputs']} inputs · "
        f"{run['n_claims']} claims"
        if run
        else ""
    )
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>recoupe — report</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_CSS}</style></head>
<body><h1>recoupe</h1><p class="muted">{run_line}</p>
<h2>Timeline ({timeline.height} events)</h2>
<p class="legend">Bars: <span class="flag" style="background:#2c6fbb">dated</span>
<span class="flag disputed">disputed</span> <span class="flag conflict">date conflict</span></p>
{timeline_svg(timeline)}
{_timeline_table(timeline)}
<h2>Disputes ({disputes.height})</h2>
<p class="muted">One card per disputed question ({n_contradictions} contradiction pairs in all: see
<code>contradictions.md</code>).</p>
{"".join(cards) or "<p>No dispute found.</p>"}
<h2>Data quality</h2>{dq_html}
<h2>Articles</h2><ul>{article_list}</ul>
</body></html>
"""
