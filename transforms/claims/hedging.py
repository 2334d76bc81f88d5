"""Hedging and restriction: what weakens an assertion (hedge words, conditionals, modal verbs) or limits
it to part of its event (focus particles, exceptions, shares, comparisons)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from transforms.claims.lexicon import pairs, words
from transforms.claims.syntax import (
    CLAUSE_DEPS,
    NE,
    QUE,
    in_main_clause,
    is_conditional,
    is_infinitive,
    is_past,
    periphrasis_infinitive,
)
from transforms.nlp import doc_text

HEDGE_PHRASES = re.compile(
    r"\bil n['’]est pas clair\b|\bselon des informations\b|\bsans doute\b|\bil se pourrait\b"
    r"|\bselon (?:plusieurs|certaines|des) sources\b|\bnon confirmée?s?\b",
    re.I,
)


def is_hedged(tokens: list[Token], text: str, reported_in_past: bool, main: Token | None = None) -> bool:
    """Hedging of the proposition itself: a hedge word or phrase, or a conditional or modal verb of
    its main clause (a conditional inside a relative clause, `une fraude qui lui aurait permis`, or a
    purpose clause, `pour pouvoir se protéger`, does not hedge the main statement)."""
    if HEDGE_PHRASES.search(text):
        return True
    for t in tokens:
        if t.lower_ in words("hedge_words") and (main is None or in_main_clause(t, main, CLAUSE_DEPS + ("ccomp",))):
            return True  # (`a redoublé de virulence en estimant que c'était peut-être…` is not hedged)
        if main is not None and not in_main_clause(t, main):
            continue
        if is_conditional(t) and not reported_in_past:
            return True
        if (
            t.lemma_ in words("hedging_modals")
            and t.pos_ in ("VERB", "AUX")
            and (t.dep_ != "ROOT" or t.lemma_ != "pouvoir")
        ):
            return True
        if t.lemma_ == "devoir" and periphrasis_infinitive(t) is not None and not is_past(t):
            return True  # `une patrouille doit rester`: an obligation or a plan, not a fact (`a dû` is one)
    return False


def is_alleged_report(verb: Token) -> bool:
    """A reporting verb in the conditional (`aurait dit la reine`, `aurait confié`): the journalist
    relays an unconfirmed report, so what it reports is hedged whatever its own mood."""
    return is_conditional(verb) or any(c.dep_.startswith("aux") and is_conditional(c) for c in verb.children)


def modal_verb(main: Token | None) -> str | None:
    """The modal verb that makes the event possible (`pouvoir`: `pourrait battre des records`, `ne peut
    pas voter`) or expected, necessary or planned (`devoir`: `ne devraient pas porter plainte`, `doit se
    rendre à Lyon`) rather than said to happen (`lexicons/modal_verbs.csv`); its infinitive names the event. None
    for a fact."""
    if main is None:
        return None
    modalities = pairs("modal_verbs")
    if main.lemma_ in modalities and periphrasis_infinitive(main) is not None:
        return modalities[main.lemma_]
    if main.dep_ == "xcomp" and main.head.lemma_ in modalities and is_infinitive(main):
        return modalities[main.head.lemma_]
    return None


# `66 % des Français disent ne pas…`: a share of a population speaks for that part of it only
SHARE_SPEAKER = re.compile(r"\d\s*(?:%|pour\s*cent)|\b(?:tiers|quart|moitié|majorité|minorité)\s+d", re.I)


# an exception carved out of the claim (`sauf`, `excepté`, `hormis`, `si ce n'est`, `à l'exception de`), or
# a contrast with what was just said of the same event (`la mesure ne s'appliquera en revanche pas à
# l'intérieur de la capitale`: it applies, but not to that part)
_EXCEPTION_OR_CONTRAST = re.compile(
    r"\b(?:si ce n['’]est|sauf|exceptée?s?|hormis|à l['’]exception|en revanche|par contre)\b", re.I
)


# a corrective contrast inside the clause: `n'était pas lié à la sécurité du président mais à la sienne`,
# `lié non pas à X mais à Y` (the negation bears on X; the event holds of Y)
_NOT_X_BUT_Y = re.compile(
    r"\bpas\b[^,.;:]{1,80}?\bmais\s+(?:à|au|aux|de|du|des|d['’]|pour|par|sur|dans|en|avec|contre|chez)\b", re.I
)


# a comparison of degree (`ne travaillent pas autant qu'ils le devraient`, `a moins baissé que prévu`,
# `n'est pas aussi grave que`): it measures the event against another, and neither affirms nor denies it
# (`d'autant que` is causal, `au moins` a floor, `à moins que` a condition; `ne … plus` is a negation)
_COMPARISON = re.compile(
    r"(?<!d['’])\bautant\b(?!\s+plus)[^,.;:]{0,60}?\bqu(?:e\b|['’])"
    r"|(?<!\bau )(?<!\bdu )(?<!\bà )\b(?:moins|davantage)\b(?:\s+[\w’'-]+){0,3}?\s+qu(?:e\b|['’])",
    re.I,
)


def _compares_degree(tokens: list[Token]) -> bool:
    """`pas autant que`, `moins … que`, `aussi grave que` (not `a aussi dit que`): see `_COMPARISON`."""
    text = doc_text(tokens[0].doc)
    if _COMPARISON.search(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)):
        return True
    return any(
        t.lower_ == "aussi" and t.nbor(1).pos_ in ("ADJ", "ADV") and t.nbor(2).lower_ in QUE for t in tokens[:-2]
    )


def is_restricted(tokens: list[Token], main: Token | None) -> bool:
    """The proposition is restricted by a focus particle of its own clause (`seront retransmis
    seulement par quelques journalistes`, `ne communique que sur le nombre de blessés`, `une seule
    banque n'aurait pas refusé`), an exception or a contrast (`pas à X mais à Y`), or a comparison of degree
    (`pas autant que`): it neither affirms nor denies the event as a whole."""
    if main is None:
        return False
    subjects = [c for c in main.children if c.dep_.startswith("nsubj")]
    if any(t.lemma_.lower() in words("share_nouns") or t.text == "%" for s in subjects for t in s.subtree):
        return True  # `66 % des Français ont…`: a part of them
    if any(
        t.lemma_.lower() in words("share_nouns") and any(c.dep_ == "nmod" for c in t.children) and t.i < main.i
        for t in tokens
    ):
        return True  # `seul un tiers des Français fait confiance` (however the parser attached `tiers`)
    restrictive_que = any(t.lower_ in NE for t in tokens) and any(
        t.lower_ in QUE and t.dep_ not in ("mark", "obj", "nsubj") and t.i > main.i for t in tokens
    )
    if tokens and _EXCEPTION_OR_CONTRAST.search(
        doc_text(tokens[0].doc), tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    ):
        return True  # `je n'ai jamais perdu cette flamme, si ce n'est sur ces deux années`: all but a part
    if tokens and _compares_degree(tokens):
        return True
    if tokens and _NOT_X_BUT_Y.search(doc_text(tokens[0].doc), tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)):
        return True
    return restrictive_que or any(t.lower_ in words("restrictive_words") and in_main_clause(t, main) for t in tokens)
