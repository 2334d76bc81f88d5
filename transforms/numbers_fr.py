"""French numbers written in words or digits: `onze`, `vingt-cinq`, `5 200`, `3,5`, `une centaine`."""

from __future__ import annotations

import re

_UNITS = {
    "zéro": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "vingts": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "septante": 70,
    "huitante": 80,
    "octante": 80,
    "nonante": 90,
}
_SCALES = {
    "cent": 100,
    "cents": 100,
    "mille": 1000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "milliard": 1_000_000_000,
    "milliards": 1_000_000_000,
}
# Approximate collective nouns: `une centaine de` ≈ 100, `des dizaines de` ≥ 20.
APPROXIMATE = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    "centaine": 100,
    "millier": 1000,
}

_WORDS = sorted(list(_UNITS) + list(_SCALES), key=len, reverse=True)
NUMBER_WORD_PATTERN = r"(?:(?:" + "|".join(_WORDS) + r")(?:[\s\-]+(?:et[\s\-]+)?(?:" + "|".join(_WORDS) + r"))*)"
_DIGITS = re.compile(r"^\d{1,3}(?:[\s\u00a0\u202f.]\d{3})+(?:,\d+)?$|^\d+(?:[.,]\d+)?$")


def parse_number(text: str) -> float | None:
    """`5200`, `5 200`, `3,5`, `onze`, `vingt-et-un`, `deux mille` → a number; anything else → None."""
    text = text.strip().lower()
    if not text:
        return None
    if _DIGITS.match(text):
        compact = re.sub(r"[\s\u00a0\u202f]", "", text)
        if re.match(r"^\d{1,3}(?:\.\d{3})+$", compact):
            compact = compact.replace(".", "")
        try:
            return float(compact.replace(",", "."))
        except ValueError:
            return None
    total, current = 0, 0
    tokens = [t for t in re.split(r"[\s\-]+", text) if t and t != "et"]
    if not tokens:
        return None
    for token in tokens:
        if token in _UNITS:
            value = _UNITS[token]
            # "quatre-vingt" = 4 × 20
            current = current * value if value == 20 and current in (4,) else current + value
        elif token in _SCALES:
            scale = _SCALES[token]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            return None
    return float(total + current)
