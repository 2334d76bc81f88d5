"""The vocabulary the claims rules read (`transforms/lexicons/`), loaded on first use."""

from __future__ import annotations

import re
from functools import cache

from transforms.events import classes_with
from transforms.text_norm import lexicon_lines


@cache
def reporting_lexicon() -> dict[str, str]:
    """{lemma: stance} from `lexicons/reporting_verbs.csv`."""
    table = {}
    for line in lexicon_lines("reporting_verbs.csv")[1:]:
        lemma, _, stance = line.partition(",")
        table[lemma.strip()] = stance.strip()
    return table


@cache
def nominal_reports() -> frozenset[str]:
    """Reporting verbs whose noun-phrase object is the reported content (`lexicons/nominal_reports.txt`)."""
    return frozenset(lexicon_lines("nominal_reports.txt"))


@cache
def pairs(name: str) -> dict[str, str]:
    """`key,value` lines of a shipped lexicon (read once; callers must not modify the table)."""
    table = {}
    for line in lexicon_lines(name)[1:]:
        key, _, value = line.partition(",")
        table[key.strip()] = value.strip()
    return table


@cache
def verbal_locutions() -> dict[str, str | None]:
    """`verb noun` → the preposition of the complement it governs (`mettre fin` → `à`), or None."""
    locutions: dict[str, str | None] = {}
    for line in lexicon_lines("verbal_locutions.txt"):
        verb, noun, *preposition = line.split()
        locutions[f"{verb} {noun}"] = preposition[0] if preposition else None
    return locutions


@cache
def human_nouns() -> frozenset[str]:
    return frozenset(lexicon_lines("human_nouns.txt"))


DECISION_VERBS = frozenset({"décider", "choisir", "accepter", "entreprendre", "commencer", "continuer", "poursuivre"})


# `un`/`une` is the indefinite article before it is a count (`une patrouille doit rester`, `un séisme a
# été enregistré`), except in a casualty toll, where one victim against two is the news
TOLL_CLASSES = classes_with("casualty")


@cache
def speaker_channels() -> re.Pattern[str]:
    """Where or how a speaker said it (`lexicons/speaker_channels.txt`), with the name that may follow."""
    phrases = "|".join(re.escape(line) for line in lexicon_lines("speaker_channels.txt"))
    return re.compile(rf"\s*(?<!\w)(?:{phrases})(?-i:(?:\s+[A-Z][\w\-]+)*)", re.I)
