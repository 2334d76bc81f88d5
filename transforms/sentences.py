"""Sentence and paragraph segmentation of French news bodies, with offsets into the body.

Rules: a sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets) followed by
white space and a capital, a digit or an opening quote, and between two quotations that follow each
other (`…du nez""Il n'y avait…"`; the cleaning stage restores the spaces and line breaks that scraped
copy lost, `information".Le chef`, `le silenceL'avocat`); never after a French abbreviation or an
initial (`M.`, `Mme`, `H.`), and never inside a quotation, so that a multi-sentence quote stays
with the attribution that follows it (`"… ensemble. Mais …", a-t-il indiqué`). Paragraphs are the
blank-line separated blocks of the cleaned body.
"""

from __future__ import annotations

import re

import polars as pl

_ABBREVIATIONS = frozenset(
    [
        "m",
        "mm",
        "mme",
        "mmes",
        "mlle",
        "mlles",
        "dr",
        "pr",
        "me",
        "mgr",
        "st",
        "ste",
        "sts",
        "cf",
        "etc",
        "av",
        "apr",
        "jc",
        "j.-c",
        "ex",
        "env",
        "no",
        "nos",
        "vol",
        "p",
        "pp",
        "art",
        "chap",
        "fig",
        "gén",
        "col",
        "cdt",
        "lt",
        "sgt",
        "cne",
        "capt",
        "adj",
        "gal",
        "mal",
        "prof",
        "dir",
        "min",
        "max",
        "tél",
        "ing",
        "inc",
        "ltd",
        "co",
        "corp",
        "janv",
        "févr",
        "fév",
        "sept",
        "oct",
        "nov",
        "déc",
    ]
)
_BOUNDARY = re.compile(r"[.!?…]+[\"»”’)\]]*(?=\s+(?:[\"«“(\[]\s?)?[A-ZÀ-Ý0-9])")
_NEXT_QUOTE = re.compile(r"\s*[\"«“][A-ZÀ-Ý]")
_LAST_WORD = re.compile(r"([\w.\-]+)[.!?…]*$")
_MAX_QUOTE = 1200


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Balanced quotations (« », “ ”, and straight double quotes by parity), at most _MAX_QUOTE long."""
    spans: list[tuple[int, int]] = []
    for opener, closer in (("«", "»"), ("“", "”")):
        start = -1
        for match in re.finditer(f"[{opener}{closer}]", text):
            i = match.start()
            if text[i] == opener and start < 0:
                start = i
            elif text[i] == closer and start >= 0:
                if i - start <= _MAX_QUOTE:
                    spans.append((start, i + 1))
                start = -1
    positions = [m.start() for m in re.finditer('"', text)]
    for a, b in zip(positions[::2], positions[1::2], strict=False):
        if b - a <= _MAX_QUOTE:
            spans.append((a, b + 1))
    return spans


def _is_abbreviation(text: str, end: int) -> bool:
    """The period at `end - 1` closes an abbreviation or an initial rather than a sentence."""
    if text[end - 1] != ".":
        return False
    match = _LAST_WORD.search(text[max(0, end - 20) : end])
    if not match:
        return False
    word = match.group(1).rstrip(".").lower()
    if word in _ABBREVIATIONS:
        return True
    # A single capital initial (`William H. Seely`), but not a lone pronoun-like word.
    token = match.group(1).rstrip(".")
    return len(token) == 1 and token.isupper()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans `(start, end)` over `text`, end-exclusive, stripped of surrounding spaces.

    A paragraph break always ends a sentence.
    """
    spans: list[tuple[int, int]] = []
    for para_start, para_end in split_paragraphs(text):
        para = text[para_start:para_end]
        inside = _quote_spans(para)
        cuts = [0]
        for match in _BOUNDARY.finditer(para):
            if _is_abbreviation(para, match.start() + 1):
                continue
            if any(a < match.start() < b - 1 and match.end() != b for a, b in inside):
                continue  # (a quotation that ends with its sentence, `…sur l'homme." Des juges…`, ends it)
            cuts.append(match.end())
        # a quotation closed and another opened right after it (`…du nez""Il n'y avait…"`)
        cuts += [b for _, b in inside if _NEXT_QUOTE.match(para, b) and not any(a < b < e for a, e in inside)]
        cuts = sorted(set(cuts))
        cuts.append(len(para))
        for a, b in zip(cuts, cuts[1:], strict=False):
            while a < b and para[a].isspace():
                a += 1
            while b > a and para[b - 1].isspace():
                b -= 1
            if b > a:
                spans.append((para_start + a, para_start + b))
    return spans


def sentence_frame(articles: pl.DataFrame) -> pl.DataFrame:
    """Segment bodies.

    Args: one row per article with `article_id` and `body`.
    Returns: one row per sentence: `article_id`, `sentence_idx`, `paragraph_idx`, `char_start`,
    `char_end`, `text`.
    """
    rows = []
    for article_id, body in zip(articles["article_id"].to_list(), articles["body"].to_list(), strict=True):
        paragraphs = split_paragraphs(body)
        p = 0
        for idx, (start, end) in enumerate(split_sentences(body)):
            while p + 1 < len(paragraphs) and start >= paragraphs[p][1]:
                p += 1
            rows.append((article_id, idx, p, start, end, body[start:end]))
    return pl.DataFrame(rows, schema=SENTENCE_SCHEMA, orient="row")


SENTENCE_SCHEMA = {
    "article_id": pl.String,
    "sentence_idx": pl.Int32,
    "paragraph_idx": pl.Int32,
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "text": pl.String,
}


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blocks separated by one or more blank lines (or single newlines)."""
    spans = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans
