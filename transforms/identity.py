"""Stable article ids, language identification, and the "is this prose?" test."""

from __future__ import annotations

import hashlib
import re
from functools import cache

from transforms.text_norm import content_key

_URL = re.compile(r"https?://|www\.", re.I)
_WORD_RUN = re.compile(r"\w+")
_CLOSING = frozenset('.!?…»"”')


def article_id_for(body: str, key: str | None = None) -> str:
    """Content-derived id: the same dispatch re-encoded, re-wrapped or re-quoted gets the same id."""
    return hashlib.sha256((key if key is not None else content_key(body)).encode("utf-8")).hexdigest()[:16]


@cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [
        Language.FRENCH,
        Language.ENGLISH,
        Language.GERMAN,
        Language.SPANISH,
        Language.ITALIAN,
        Language.DUTCH,
        Language.PORTUGUESE,
        Language.ARABIC,
    ]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


# Function words: a text where French ones clearly dominate needs no statistical model.
_FRENCH_WORDS = (
    "le la les des du de et est une un que qui dans pour pas sur au aux avec par ont été il elle "
    "ce ses sont a à ne se en plus son sa leur"
)
_FRENCH = frozenset(_FRENCH_WORDS.split())
_OTHER_WORDS = (
    "the of and to in is that for on with was by it at from are be this have has were der die das "
    "und den ist nicht mit von zu el los las y en que del se por con para una il di che per non "
    "della het een van op te voor zijn"
)
_OTHER = frozenset(_OTHER_WORDS.split()) - _FRENCH  # `en`, `que`, `se`, `il` are French words too
_TOKEN = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (lingua in low-accuracy mode, which is accurate on a
    paragraph, restricted to the languages of European and Arabic news wires); `und` when undecidable."""
    sample = text[:800]
    if not any(ch.isalpha() for ch in sample):
        return "und"
    tokens = _TOKEN.findall(sample[:400].lower())  # ~60 words: enough for the function-word test
    french = sum(map(_FRENCH.__contains__, tokens))
    other = sum(map(_OTHER.__contains__, tokens))
    if len(tokens) >= 20 and french >= 0.2 * len(tokens) and french >= 4 * other:
        return "fr"
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language is not None else "und"


def _has_url(line: str) -> bool:
    # substring tests at C speed first: the case-insensitive regex is slow on long lines
    return any(marker in line for marker in ("ttp", "TTP", "ww.", "WW.")) and bool(_URL.search(line))


def _is_prose_line(line: str) -> bool:
    """At least six words, the last one directly followed by sentence punctuation or a closing quote.
    (Checked from the end of the line: a regex anchored at `$` backtracked quadratically on long
    lines without final punctuation.)"""
    line = line.rstrip()
    if len(line) < 2 or line[-1] not in _CLOSING or not (line[-2].isalnum() or line[-2] == "_"):
        return False
    return len(_WORD_RUN.findall(line)) >= 6


def not_prose_reason(body: str) -> str | None:
    """Why a cleaned body is not a dispatch (a table, a list of links, a few words), or None."""
    lines = [line for line in body.split("\n") if line.strip()]
    n_words = len(body.split(None, 40))  # exact below 41 words, which is all the tests below need
    if n_words < 8:
        return f"only {n_words} words of text"
    links = sum(1 for line in lines if _has_url(line))
    tabular = sum(1 for line in lines if line.count("|") >= 2 or line.count("\t") >= 2 or line.count(";") >= 4)
    if lines and (links + tabular) / len(lines) > 0.5:
        return f"{links} link lines and {tabular} table rows out of {len(lines)} lines"
    if n_words < 40 and not any(_is_prose_line(line) for line in lines):
        return "no sentence of running text"
    return None
