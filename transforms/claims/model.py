"""What a claim is: the `Claim` record one clause gives, and its lake row (`CLAIM_SCHEMA`, derived from the
record's fields); the sentence, attribution and clause a claim is described from.

Each field of `Claim` that is a lake column says so with its Polars type (`_column`); the columns that need the
claim's article (its id, the ids of the claims it links to, the tense of its span) are `ARTICLE_COLUMNS`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import MISSING, dataclass, field, fields
from typing import Any

import polars as pl
from spacy.tokens import Doc, Token

# a claim that states no event sources could disagree on (a question, a wish, a request…): no predicate, no theme
NO_THEME = "_"
NO_EVENT_KEY = f"none|{NO_THEME}"


def _column(dtype: pl.DataType, default: Any = MISSING, *, factory: Any = MISSING) -> Any:
    """A field that is also a column of the lake's `claims_raw`, of type `dtype`."""
    return field(default=default, default_factory=factory, metadata={"dtype": dtype})


@dataclass
class Claim:
    """One proposition, who states it and how; what it says of which event."""

    # where
    article_id: str = _column(pl.String)
    sentence_idx: int = _column(pl.Int32)
    char_start: int = _column(pl.Int32)
    char_end: int = _column(pl.Int32)
    text: str = _column(pl.String)
    # who says it, and how
    quote_kind: str = _column(pl.String)  # direct | indirect | narrative
    speaker_text: str | None = _column(pl.String, None)
    speaker_start: int | None = _column(pl.Int32, None)
    speaker_end: int | None = _column(pl.Int32, None)
    attribution_start: int | None = _column(pl.Int32, None)
    attribution_end: int | None = _column(pl.Int32, None)
    reporting_verb: str | None = _column(pl.String, None)
    stance: str | None = _column(pl.String, None)
    # what it says
    polarity: int = _column(pl.Int16, 1)
    hedged: bool = _column(pl.Boolean, False)
    predicate: str | None = _column(pl.String, None)
    theme: str | None = _column(pl.String, None)
    event_key: str = _column(pl.String, "")
    negation: str | None = _column(pl.String, None)
    quantity: float | None = _column(pl.Float64, None)
    quantity_unit: str | None = _column(pl.String, None)
    quantity_op: str | None = _column(pl.String, None)
    quantity_max: float | None = _column(pl.Float64, None)
    # which occurrence of the event, and how it holds (read by the contradiction views)
    arguments: list[str] = _column(pl.List(pl.String), factory=list)
    nominal_report: bool = _column(pl.Boolean, False)
    concurrent: bool = _column(pl.Boolean, False)
    anterior: bool = _column(pl.Boolean, False)
    timed_by_event: bool = _column(pl.Boolean, False)
    denial_scope: str | None = _column(pl.String, None)
    theme_owned: bool = _column(pl.Boolean, False)
    restricted: bool = _column(pl.Boolean, False)
    new_instance: bool = _column(pl.Boolean, False)
    imperfect: bool = _column(pl.Boolean, False)
    modal: str | None = _column(pl.String, None)
    agent: str | None = _column(pl.String, None)
    # the words of the subject the clause leaves out (`une attaque de drone` for `qui a tué le général`), for a label
    subject_text: str | None = _column(pl.String, None)
    nominal: bool = _column(pl.Boolean, False)  # an event told by a noun (`transforms/nominal_events.py`)
    # extents of the subordinate clauses and noun dates, whose dates do not date the event (row: `subordinate_spans`)
    subordinate: list[list[int]] = field(default_factory=list)
    # links to other claims of the article (rows: `responds_to_claim_id`, `speaker_from_claim_id`)
    responds_to_index: int | None = None
    speaker_from: Claim | None = field(default=None, repr=False)
    # read by `linking` only
    pronoun_speaker: bool = False  # the speaker is a pronoun or unsaid: the last named speaker's
    anaphoric: bool = False  # a definite event noun without a theme (`notre départ`): its antecedent's
    responds_to_previous: bool = False  # `a démenti ces informations`: answers an earlier report
    extras: dict = field(default_factory=dict)  # what another transform records (`sourced_count`)


# the columns of `claims_raw` that need the claim's article: its id, the claims it links to, the tense of its span
ARTICLE_COLUMNS = {
    "claim_id": pl.String,
    "responds_to_claim_id": pl.String,
    "speaker_from_claim_id": pl.String,
    "future": pl.Boolean,
    "subordinate_spans": pl.String,
    "possible": pl.Boolean,
}
_CLAIM_COLUMNS = {f.name: f.metadata["dtype"] for f in fields(Claim) if "dtype" in f.metadata}
CLAIM_SCHEMA = {"claim_id": pl.String, **_CLAIM_COLUMNS, **ARTICLE_COLUMNS}


def claim_id(article_id: str, char_start: int, char_end: int) -> str:
    """A claim's id: its article and its span (a re-run gives the same ids)."""
    return hashlib.sha1(f"{article_id}:{char_start}:{char_end}".encode()).hexdigest()[:16]


def claim_rows(claims: Sequence[Claim], future: Callable[[Claim], bool]) -> list[dict]:
    """The lake rows (`CLAIM_SCHEMA`) of one article's claims, in order. `future(claim)`: whether the claim's span
    is in the future tense (read from the parse).

    Returns: one row per claim."""
    ids = [claim_id(c.article_id, c.char_start, c.char_end) for c in claims]
    index_of = {id(c): i for i, c in enumerate(claims)}
    rows = []
    for claim, cid in zip(claims, ids, strict=True):
        article = {
            "claim_id": cid,
            "responds_to_claim_id": ids[claim.responds_to_index] if claim.responds_to_index is not None else None,
            "speaker_from_claim_id": ids[index_of[id(claim.speaker_from)]] if claim.speaker_from is not None else None,
            "future": future(claim),
            "subordinate_spans": json.dumps(claim.subordinate),
            "possible": claim.modal is not None,
        }
        rows.append({name: article[name] if name in article else getattr(claim, name) for name in CLAIM_SCHEMA})
    return rows


@dataclass(frozen=True)
class Sentence:
    """One sentence `text[start:end]` of a parsed document (`doc`), its tokens, and the document's temporal
    expressions (`timex_spans`, offsets into `text`, in text order)."""

    doc: Doc
    text: str
    article_id: str
    index: int
    start: int
    end: int
    timex_spans: Sequence[tuple[int, int]]
    tokens: list[Token]


@dataclass(frozen=True)
class Attribution:
    """Who a sentence says states the proposition `text[start:end]`, and how (`kind`: direct, indirect or
    narrative). `span` holds the words that attribute it (`attribution_start`, `attribution_end`)."""

    start: int
    end: int
    kind: str
    verb: Token | None = None  # the reporting verb
    speaker: tuple[int, int] | None = None
    speaker_text: str | None = None
    span: tuple[int, int] | None = None
    source_word: str | None = None  # `selon` for `selon X, P`, `d'après X, P`, `Pour X, P` (no verb)
    continues_speaker: bool = False  # a quotation alone: the words of the last speaker quoted
    nominal: bool = False  # `X a annoncé la suspension de…`: the verb's noun-phrase object is what it reports
    responds_to_previous: bool = False  # `X a démenti ces informations`: the last clause answers an earlier report


@dataclass(frozen=True)
class Clause:
    """One clause of an attributed proposition: `text[start:end]`, its tokens and main token. A `presupposed`
    clause states a fact in the article's own voice, whoever reports the rest: an event in a relative or
    participial clause (`…, interrompue après la mort de Soleimani, tué le 3 janvier`), or a clause coordinated
    with the reporting verb (`On m'a dit que P mais je ne l'ai pas vue`)."""

    sentence: Sentence
    start: int
    end: int
    tokens: list[Token]
    main: Token | None
    presupposed: bool
