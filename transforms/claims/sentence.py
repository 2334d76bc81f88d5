"""Claims of one sentence: its attribution (`attribution.attribute`), cut into clauses (`clauses.clauses_of`),
each described (`describe.describe`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from transforms.claims.attribution import attribute
from transforms.claims.clauses import clauses_of
from transforms.claims.describe import describe
from transforms.claims.model import Claim, Sentence
from transforms.claims.syntax import tokens_in
from transforms.nlp import doc_text
from transforms.timex import tag_timex


def extract_sentence_claims(
    doc: Doc,
    article_id: str,
    sentence_idx: int,
    start: int,
    end: int,
    text: str | None = None,
    timex_spans: Sequence[tuple[int, int]] | None = None,
) -> list[Claim]:
    """All claims of one sentence `doc.text[start:end]` (see the package docstring).

    Pass the document's `text` when calling per sentence (or it is read once with `nlp.doc_text`),
    and the document's temporal expressions (`timex_spans`, offsets into the text) when they are
    already tagged; otherwise the sentence is tagged here.

    Returns: one claim per clause of what the sentence attributes, in text order (then the events of their
    relative clauses); none for a sentence without a verb or a question."""
    text = doc_text(doc) if text is None else text
    if timex_spans is None:
        timex_spans = [(start + t.start, start + t.end) for t in tag_timex(text[start:end])]
    tokens = tokens_in(doc, start, end)
    if not tokens or not any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return []
    sentence = Sentence(doc, text, article_id, sentence_idx, start, end, timex_spans, tokens)
    attribution = attribute(sentence)
    if attribution is None:
        return []
    claims = [describe(clause, attribution) for clause in clauses_of(sentence, attribution)]
    if claims and attribution.responds_to_previous:
        claims[-1] = replace(claims[-1], responds_to_previous=True)
    return claims
