"""Stable article ids and language identification."""

from __future__ import annotations

import hashlib
import re

from transforms.text_norm import content_key

# Frequent function words per language: enough to tell the languages of European news apart.
_STOPWORDS = {
    "fr": [
        "le",
        "la",
        "les",
        "des",
        "du",
        "de",
        "et",
        "est",
        "une",
        "un",
        "que",
        "qui",
        "dans",
        "pour",
        "pas",
        "sur",
        "au",
        "aux",
        "avec",
        "par",
        "ont",
        "été",
        "il",
        "elle",
        "ce",
        "ses",
    ],
    "en": [
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "it",
        "at",
        "from",
        "are",
        "be",
        "this",
        "have",
        "has",
        "were",
    ],
    "de": [
        "der",
        "die",
        "das",
        "und",
        "den",
        "ist",
        "nicht",
        "mit",
        "von",
        "zu",
        "dem",
        "sich",
        "des",
        "auf",
        "für",
        "eine",
        "ein",
        "im",
        "auch",
        "wird",
    ],
    "es": [
        "el",
        "la",
        "los",
        "las",
        "de",
        "y",
        "en",
        "que",
        "del",
        "se",
        "por",
        "con",
        "para",
        "una",
        "un",
        "es",
        "al",
        "como",
        "su",
        "fue",
        "más",
    ],
    "it": [
        "il",
        "la",
        "di",
        "che",
        "e",
        "per",
        "un",
        "una",
        "del",
        "della",
        "non",
        "con",
        "sono",
        "è",
        "le",
        "si",
        "al",
        "dei",
        "alla",
        "gli",
    ],
    "nl": [
        "de",
        "het",
        "een",
        "en",
        "van",
        "in",
        "is",
        "dat",
        "op",
        "te",
        "met",
        "voor",
        "niet",
        "zijn",
        "aan",
        "er",
        "ook",
        "als",
        "bij",
    ],
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def article_id_for(body: str) -> str:
    """Content-derived id: the same dispatch re-encoded, re-wrapped or re-quoted gets the same id."""
    return hashlib.sha256(content_key(body).encode("utf-8")).hexdigest()[:16]


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language whose function words are most frequent (`fr` on a tie or no text)."""
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    if not words:
        return "fr"
    scores = {lang: sum(1 for w in words if w in set(stop)) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda lang: (scores[lang], lang == "fr"))
    return best if scores[best] > 0 else "fr"
