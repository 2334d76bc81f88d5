"""Small text helpers shared by the transforms: accent folding, quote folding, lexicon loading."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

# One character for one character, so that offsets survive folding. Applied with `str.replace`
# (a C scan per character present) rather than `str.translate`, which is ~100× slower on
# non-ASCII text because it looks every character up in a Python mapping.
_QUOTE_PAIRS: tuple[tuple[str, str], ...] = (
    ("’", "'"),
    ("‘", "'"),
    ("ʼ", "'"),
    ("´", "'"),
    ("`", "'"),
    ("“", '"'),
    ("”", '"'),
    ("„", '"'),
    ("«", '"'),
    ("»", '"'),
    ("\u00a0", " "),
    ("\u202f", " "),
    ("\u2009", " "),
    ("–", "-"),
    ("—", "-"),
    ("‐", "-"),
    ("‑", "-"),
)
_SPACES = re.compile(r"\s+")


def fold_quotes(text: str) -> str:
    """Typographic quotes, apostrophes, dashes and non-breaking spaces to ASCII (same length)."""
    for typographic, plain in _QUOTE_PAIRS:
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


def fold_accents(text: str) -> str:
    """`État` → `Etat`. The result may be shorter than the input: never use it for offsets."""
    if text.isascii():
        return text
    return _combining_marks().sub("", unicodedata.normalize("NFKD", text))


@cache
def _combining_marks() -> re.Pattern[str]:
    """Every combining character of the Unicode database, as one character class (built once).
    None lies outside U+0300–U+1FFFF (a test checks it against the whole code space)."""
    ranges: list[list[int]] = []
    for code in range(0x300, 0x20000):
        if unicodedata.combining(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]")


def match_key(text: str) -> str:
    """Case-, accent-, quote- and spacing-insensitive key for comparing names and lines."""
    return _SPACES.sub(" ", fold_accents(fold_quotes(text)).casefold()).strip()


def content_key(text: str) -> str:
    """Key of a whole document: identical for re-wrapped, re-encoded or re-quoted copies."""
    return " ".join(fold_quotes(unicodedata.normalize("NFC", text)).casefold().split())


@cache
def lexicon_lines(name: str) -> tuple[str, ...]:
    """Non-comment lines of `transforms/lexicons/<name>` (shipped data, read once)."""
    text = resources.files("transforms").joinpath("lexicons", name).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def alias_lexicon(name: str) -> dict[str, str]:
    """`name = canonical` lines as {match_key(name): canonical}; a bare name maps to itself."""
    table: dict[str, str] = {}
    for line in lexicon_lines(name):
        alias, _, canonical = line.partition("=")
        table[match_key(alias)] = (canonical or alias).strip()
    return table
