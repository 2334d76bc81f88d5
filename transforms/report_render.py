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
    head = "# Timeline\n\nOne row per event that at least one source dates.\n\n"
    frame = timeline.sort(["event_start", "event_key"]).with_columns(
        pl.when(pl.col("date_conflict")).then(pl.lit("yes")).otherwise(pl.lit("")).alias("conflict")
    )
    return head + markdown_table(
        frame, ["event_start", "event_end", "label", "n_articles", "n_claims", "dates_reported", "conflict"], width=100
    )


def _highlight(body: str, start: int | None, end: int | None) -> str:
    if body is None or start is None or end is None:
        return html.escape(body or "")
    return (
        html.escape(body[max(0, start - 160) : start])
        + "<mark>"
        + html.escape(body[start:end])
        + "</mark>"
        + html.escape(body[end : end + 160])
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
        colour = "#c0392b" if row["date_conflict"] else "#2c6fbb"
        label = html.escape((row["label"] or row["event_key"])[:52])
        out.append(f'<text x="4" y="{y + 14}" class="lane">{label}</text>')
        out.append(
            f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="14" rx="3" fill="{colour}">'
            f"<title>{html.escape(row['event_key'])}: {row['event_start']} – {row['event_end']}"
            f" ({row['n_articles']} articles)</title></rect>"
        )
    out.append("</svg>")
    return "\n".join(out)


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:980px;color:#222}
h1{margin-bottom:.2rem} .muted{color:#666} .card{border:1px solid #ddd;border-radius:8px;padding:1rem;margin:1rem 0}
.card h3{margin:.2rem 0 .6rem} .side{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.side blockquote{margin:0;padding:.6rem;background:#fafafa;border-left:4px solid #2c6fbb;font-size:.92rem}
mark{background:#ffe58a} .why{font-style:italic;margin-top:.5rem} table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:.3rem .4rem;text-align:left;font-size:.9rem}
.chart .lane{font-size:11px;fill:#333} .chart .axis{font-size:11px;fill:#666} .ok{color:#1e7b34} .bad{color:#b00020}
"""


def index_html(
    contradictions: pl.DataFrame,
    timeline: pl.DataFrame,
    claims: pl.DataFrame,
    articles: pl.DataFrame,
    dq: pl.DataFrame,
    run: dict | None,
) -> str:
    """The whole report in one file. `claims` needs claim_id, article_id, char_start, char_end;
    `articles` needs article_id, body, source_uri, title."""
    spans = {r["claim_id"]: r for r in claims.iter_rows(named=True)}
    bodies = {r["article_id"]: r for r in articles.iter_rows(named=True)}
    cards = []
    for row in contradictions.sort("confidence", descending=True).iter_rows(named=True):
        sides = []
        for side in ("a", "b"):
            claim = spans.get(row[f"claim_id_{side}"], {})
            article = bodies.get(row[f"article_id_{side}"], {})
            source = html.escape(article.get("title") or article.get("source_uri") or row[f"article_id_{side}"])
            sides.append(
                f"<div><strong>{html.escape(str(row[f'speaker_{side}']))}</strong> · "
                f'<a href="#article-{row[f"article_id_{side}"]}">{source}</a>'
                f"<blockquote>…{_highlight(article.get('body'), claim.get('char_start'), claim.get('char_end'))}…"
                f"</blockquote></div>"
            )
        cards.append(
            f'<div class="card conflict"><h3>{html.escape(row["kind"])} · '
            f"<code>{html.escape(row['event_key'])}</code> · confidence {row['confidence']:.2f}</h3>"
            f'<div class="side">{"".join(sides)}</div>'
            f'<div class="why">{html.escape(row["explanation"])} — period {row["period_start"] or "?"} → '
            f"{row['period_end'] or '?'}</div></div>"
        )
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
<h2>Timeline</h2>{timeline_svg(timeline)}
<h2>Contradictions ({contradictions.height})</h2>{"".join(cards) or "<p>No contradiction found.</p>"}
<h2>Data quality</h2>{dq_html}
<h2>Articles</h2><ul>{article_list}</ul>
</body></html>
"""
