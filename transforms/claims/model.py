"""What a claim is: the `Claim` record one proposition gives."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass
class Claim:
    article_id: str
    sentence_idx: int
    char_start: int
    char_end: int
    text: str
    quote_kind: str
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    attribution_start: int | None = None
    attribution_end: int | None = None
    reporting_verb: str | None = None
    stance: str | None = None
    polarity: int = 1
    hedged: bool = False
    predicate: str | None = None
    theme: str | None = None
    event_key: str = ""
    negation: str | None = None
    quantity: float | None = None
    quantity_unit: str | None = None
    quantity_op: str | None = None
    quantity_max: float | None = None
    responds_to_index: int | None = None
    pronoun_speaker: bool = False
    extras: dict = field(default_factory=dict)


def claim_id(article_id: str, char_start: int, char_end: int) -> str:
    return hashlib.sha1(f"{article_id}:{char_start}:{char_end}".encode()).hexdigest()[:16]
