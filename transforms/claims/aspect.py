"""Tense and aspect of a proposition's event: near future, pluperfect, imperfect, concurrent, and times
named by another event."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc, Token

from transforms.claims.lexicon import words
from transforms.claims.syntax import is_conditional, periphrasis_infinitive


@cache
def time_words() -> frozenset[str]:
    """Nouns of time (`lexicons/time_heads.txt`, `lexicons/time_nouns.txt`): `pendant ce temps-là`, `durant la
    nuit` name a time, not an event."""
    return words("time_heads") | words("time_nouns")


def is_near_future(verb: Token) -> bool:
    """`va repositionner`, `allons partir`: `aller` in the present with an infinitive is a future."""
    return verb.lemma_ == "aller" and "Pres" in verb.morph.get("Tense") and periphrasis_infinitive(verb) is not None


def noun_dates(
    doc: Doc, timex_spans: Sequence[tuple[int, int]], start: int, end: int, main: Token | None
) -> list[list[int]]:
    """Extents of the dates in `start:end` that complement a noun (`l'attentat de mardi`, `la réunion
    du 5 janvier`): they date that noun, not the proposition's event, so they are kept out of its
    dates like the dates of a subordinate clause. (`timex_spans` in text order: only those from `start` on
    are read, so that a long document is not rescanned for each of its claims.)"""
    extents = []
    for index in range(bisect.bisect_left(timex_spans, (start,)), len(timex_spans)):
        timex_start, timex_end = timex_spans[index]
        if timex_start >= end:
            break
        if timex_end > end:
            continue
        span = doc.char_span(timex_start, timex_end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        of_noun = (
            root.dep_ == "nmod"
            and root.head.pos_ == "NOUN"
            and root.head.lemma_.lower() not in words("time_heads")
            and (main is None or root.head.i != main.i)
        )
        if of_noun and any(c.dep_ == "case" and c.lower_ in ("de", "du", "d'", "d’") for c in root.children):
            extents.append([timex_start, timex_end])
    return extents


def timed_by_event(main: Token | None, prop_tokens: list[Token], timex_spans: Sequence[tuple[int, int]]) -> bool:
    """The event's time is named by another event, not by a date: `durant sa période de suspension`,
    `pendant sa garde à vue`, `lors de l'attaque`, `au cours de la visite` (a complement of the main verb
    with no temporal expression in it: `pendant trois jours`, `lors du week-end du 5 mai` are dates).
    Its calendar time is then unknown, whenever the claim was said."""
    if main is None:
        return False
    for t in prop_tokens:
        noun, attached_to = None, None
        if t.lower_ in ("durant", "pendant") and t.dep_ == "case":
            noun, attached_to = t.head, t.head.head
        elif t.lower_ == "lors":
            noun, attached_to = next((c for c in t.children if c.pos_ == "NOUN"), None), t.head
        elif t.lower_ == "cours" and t.i > 0 and t.doc[t.i - 1].lower_ == "au":
            noun, attached_to = next((c for c in t.children if c.dep_ == "nmod" and c.pos_ == "NOUN"), None), t.head
        if noun is None or noun.pos_ != "NOUN" or attached_to is None or attached_to.i != main.i:
            continue
        if noun.lemma_.lower() in time_words() and not any(
            c.dep_ == "nmod" and c.pos_ == "NOUN" and c.lemma_.lower() not in time_words() for c in noun.children
        ):
            continue  # `pendant ce temps-là`, `durant la nuit`: a time, not an event (`sa période de suspension` is)
        lo = min(x.idx for x in noun.subtree)
        hi = max(x.idx + len(x) for x in noun.subtree)
        if not any(start < hi and lo < end for start, end in timex_spans):
            return True
    return False


def is_bare_infinitive(main: Token | None) -> bool:
    """An infinitive without a finite auxiliary (`Ne pas ouvrir le marché…`): it heads no statement of its own."""
    return (
        main is not None
        and main.pos_ == "VERB"
        and "Inf" in main.morph.get("VerbForm")
        and not any(c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm") for c in main.children)
    )


def is_anterior(main: Token | None) -> bool:
    """A pluperfect (`avaient été appréhendées`, `n'avait pas porté plainte`): the event lies before
    the time of the statement, not at it."""
    if main is None:
        return False
    return any(
        c.dep_ == "aux:tense" and c.lemma_ in ("avoir", "être") and "Imp" in c.morph.get("Tense") for c in main.children
    )


def is_simple_imperfect(main: Token | None) -> bool:
    """The main verb in the simple imperfect indicative (`aucun bateau ne venait`, `il n'était pas armé`):
    a situation or a habit of the past (imperfective aspect), not a single completed event. A compound
    tense (`avait quitté`) and a periphrasis (`venait de quitter`, `allait partir`) are not."""
    if main is None or main.pos_ not in ("VERB", "AUX") or periphrasis_infinitive(main) is not None:
        return False
    if any(c.dep_ == "aux:tense" for c in main.children):
        return False
    finite = main if "Fin" in main.morph.get("VerbForm") else None
    finite = finite or next(
        (c for c in main.children if c.dep_ in ("cop", "aux:pass") and "Fin" in c.morph.get("VerbForm")), None
    )
    return finite is not None and finite.morph.get("Mood") == ["Ind"] and "Imp" in finite.morph.get("Tense")


def is_concurrent(main: Token | None) -> bool:
    """A reported verb in the present or the imperfect indicative, without auxiliary: in reported
    speech, an action under way when it was reported (`a annoncé qu'elle gelait sa campagne`), not
    before it (`avait gelé`) nor after it (`gèlerait`, `va geler`)."""
    if main is None or main.pos_ not in ("VERB", "AUX"):
        return False
    if main.morph.get("Mood") != ["Ind"] or not set(main.morph.get("Tense")) & {"Pres", "Imp"}:
        return False
    if is_conditional(main):
        return False
    return not any(c.dep_.startswith("aux") or c.lemma_ in ("aller", "venir") for c in main.children)
