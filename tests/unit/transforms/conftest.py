"""Helpers shared by the transforms' tests, as fixtures."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def claims_of(nlp):
    """`claims_of(text)`: the linked claims of a small French text, sentence by sentence, as the pipeline
    extracts them (article id `a`), parsed by the real model."""
    from transforms.claims import extract_sentence_claims, link_article_claims
    from transforms.sentences import split_sentences

    def extract(text: str) -> list:
        doc = nlp(text)
        claims = []
        for idx, (start, end) in enumerate(split_sentences(text)):
            claims.extend(extract_sentence_claims(doc, "a", idx, start, end))
        return link_article_claims(claims)

    return extract


@pytest.fixture(scope="session")
def only():
    """`only(claims, wanted)`: the one claim `wanted` selects (fails unless there is exactly one)."""

    def select(claims: list, wanted) -> object:
        (claim,) = [c for c in claims if wanted(c)]
        return claim

    return select


@pytest.fixture(scope="session")
def sentence_of(nlp):
    """`sentence_of(text)`: the first sentence of a small French text as the claims package reads it (a
    `transforms.claims.Sentence`, its temporal expressions tagged)."""
    from transforms.claims import Sentence
    from transforms.claims.syntax import tokens_in
    from transforms.sentences import split_sentences
    from transforms.timex import tag_timex

    def read(text: str):
        doc = nlp(text)
        start, end = split_sentences(text)[0]
        spans = [(start + t.start, start + t.end) for t in tag_timex(text[start:end])]
        return Sentence(doc, text, "a", 0, start, end, spans, tokens_in(doc, start, end))

    return read
