"""The vocabulary the claims rules read: the files of `transforms/lexicons/`, each read once, on first use (never
at import).

- `words(name)`: the words of `<name>.txt`, one per line (`negators`, `light_verbs`, `human_nouns`…);
- `table(name)`: the rows of `<name>.csv`, each a dict keyed by the file's header (`reporting_verbs`…);
- `pairs(name)`: a two-column table as {first column: second column} (`nominalisations`, `predicate_classes`,
  `theme_classes`, `units`, `modal_verbs`, `harm_verbs`…);
and the few lexicons with a shape of their own: the reporting verbs' stance and constraints, the verbal locutions,
the speaker channels (a pattern), the event classes counted as casualties.
Lines starting with `#` are comments; callers must not modify what these return (it is shared).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from transforms.events import classes_with
from transforms.text_norm import lexicon_lines


@cache
def words(name: str) -> frozenset[str]:
    """The words (or phrases) of `lexicons/<name>.txt`, one per line."""
    return frozenset(lexicon_lines(f"{name}.txt"))


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of `lexicons/<name>.csv`, keyed by its header (the first line that is not a comment); every row
    has the header's number of columns (an empty value is an empty string)."""
    lines = lexicon_lines(f"{name}.csv")
    header = [column.strip() for column in lines[0].split(",")]
    rows = []
    for line in lines[1:]:
        values = [value.strip() for value in line.split(",")]
        if len(values) != len(header):
            raise ValueError(f"lexicons/{name}.csv: {len(values)} columns, not {len(header)}: {line!r}")
        rows.append(dict(zip(header, values, strict=True)))
    return tuple(rows)


@cache
def pairs(name: str) -> dict[str, str]:
    """A two-column `lexicons/<name>.csv` as {first column: second column} (a key listed twice: its last value)."""
    rows = table(name)
    if rows and len(rows[0]) != 2:
        raise ValueError(f"lexicons/{name}.csv: {len(rows[0])} columns, not 2")
    return {key: value for key, value in (tuple(row.values()) for row in rows)}


class ReportingVerb(NamedTuple):
    """A reporting verb's row of `lexicons/reporting_verbs.csv`."""

    stance: str  # assert | deny | evaluate | request
    position: str  # "" (anywhere) | after (only after the words it reports) | clause (with a clause, or after)
    reflexive: str  # "" (either use) | only (pronominal use only) | never (plain use only)


@cache
def reporting_verb_table() -> dict[str, ReportingVerb]:
    """{lemma: its stance, position and reflexive use} from `lexicons/reporting_verbs.csv`."""
    return {
        row["lemma"]: ReportingVerb(row["stance"], row["position"], row["reflexive"])
        for row in table("reporting_verbs")
    }


@cache
def reporting_lexicon() -> dict[str, str]:
    """{lemma: stance} from `lexicons/reporting_verbs.csv`."""
    return {lemma: verb.stance for lemma, verb in reporting_verb_table().items()}


@cache
def verbal_locutions() -> dict[str, str | None]:
    """`verb noun` → the preposition of the complement it governs (`mettre fin` → `à`), or None."""
    locutions: dict[str, str | None] = {}
    for line in lexicon_lines("verbal_locutions.txt"):
        verb, noun, *preposition = line.split()
        locutions[f"{verb} {noun}"] = preposition[0] if preposition else None
    return locutions


@cache
def speaker_channels() -> re.Pattern[str]:
    """Where or how a speaker said it (`lexicons/speaker_channels.txt`), with the name that may follow."""
    phrases = "|".join(re.escape(line) for line in lexicon_lines("speaker_channels.txt"))
    return re.compile(rf"\s*(?<!\w)(?:{phrases})(?-i:(?:\s+[A-Z][\w\-]+)*)", re.I)


@cache
def toll_classes() -> frozenset[str]:
    """The event classes whose claims are casualty tolls (`lexicons/event_classes.csv`, `casualty`): there
    `un`/`une` counts (one victim against two is the news), where elsewhere it is the indefinite article (`une
    patrouille doit rester`, `un séisme a été enregistré`)."""
    return classes_with("casualty")
