"""Token helpers shared by the phenomena: spans, verb groups, moods and clause structure of the parse."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Token

from transforms.claims.lexicon import words
from transforms.nlp import INFINITIVE_ENDINGS
from transforms.text_norm import fold_accents

OPEN_QUOTES = '"«“'
OPEN_QUOTE_MARKS = frozenset(OPEN_QUOTES)
# the spellings of a few grammatical words (elided, with either apostrophe)
NE = ("ne", "n'", "n’")
QUE = ("que", "qu'", "qu’")
DE = ("de", "d'", "d’")
SI = ("si", "s'", "s’")
PERSONAL_PRONOUNS = frozenset({"il", "elle", "ils", "elles"})
# subject pronouns that open a juxtaposed clause (`…, il transpire la haine`)
CLAUSE_SUBJECTS = frozenset({"il", "elle", "ils", "elles", "on", "je", "j'", "j’", "nous", "vous"})
REFLEXIVE_CLITICS = ("se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous", "soi")
# clitics between `ne` and its verb (`ne le peut`, `n'y saurait`)
CLITICS_BEFORE_VERB = frozenset(
    {"le", "la", "les", "l'", "l’", "lui", "leur", "y", "en", "se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’"}
    | {"nous", "vous"}
)
# object clitics between `ne … pas` and an infinitive (`de ne pas l'interpeller`; `m’`, `t’` are not in it)
OBJECT_CLITICS = frozenset(
    {"l'", "l’", "le", "la", "les", "lui", "leur", "y", "en", "se", "s'", "s’", "me", "m'", "te", "t'", "nous", "vous"}
)


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens lying wholly inside `doc.text[start:end]` (a slice of the doc, not a scan)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """`start:end` without surrounding white space and clause punctuation (commas, colons, dashes, a final stop)."""
    while start < end and (text[start].isspace() or text[start] in ",;:–—-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:."):
        end -= 1
    return start, end


def infinitive_complement(verb: Token) -> Token | None:
    """The infinitive a verb governs (`a décidé de suspendre`, `compte partir`), or None."""
    return next(
        (c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" and is_infinitive(c)), None
    )


def is_reflexive(verb: Token) -> bool:
    """A pronominal use: a reflexive clitic before the verb (`se défend`, `s'est rendue`, `t'es-tu`)."""
    return any(c.lower_ in REFLEXIVE_CLITICS and c.i < verb.i for c in verb.children)


def verb_group_start_index(verb: Token) -> int:
    """Index of the verb group's first token (its auxiliaries, `n'`, clitic subject `-t-il`)."""
    first = verb.i
    for child in verb.children:
        if child.dep_.startswith("aux") or (
            child.dep_ == "advmod" and child.morph.get("Polarity") == ["Neg"] and child.i < verb.i
        ):
            first = min(first, child.i)
    return first


def verb_group_start(verb: Token) -> int:
    """Char offset where the verb group starts."""
    return verb.doc[verb_group_start_index(verb)].idx


def main_token(tokens: list[Token]) -> Token | None:
    """The head of the proposition: the token whose head lies outside it, a verb preferred."""
    if not tokens:
        return None
    ids = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    for pos in (("VERB",), ("AUX",), ("NOUN", "PROPN")):
        for t in roots:
            if t.pos_ in pos:
                return t
    verbs = [t for t in tokens if t.pos_ == "VERB"]
    return verbs[0] if verbs else roots[0]


QUOTE_MARKS = frozenset(OPEN_QUOTES + "»”")


def opens_sentence(token: Token) -> bool:
    """The token opens its sentence, or follows only an opening quotation mark or dash that does."""
    if token.i == 0 or token.is_sent_start:
        return True
    before = token.doc[token.i - 1]
    return before.text in ('"', "«", "“", "-", "—", "–") and (before.i == 0 or bool(before.is_sent_start))


def is_infinitive(token: Token) -> bool:
    """An infinitive, or a past infinitive (`avoir signé`) whose auxiliary is infinitive."""
    if "Inf" in token.morph.get("VerbForm"):
        return True
    return any(c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in token.children)


def in_parentheses(token: Token) -> bool:
    """The token lies between a parenthesis and its closing one in its sentence (`D (deux trains sur
    cinq et aucune circulation…)`), whatever the parser attached them to."""
    sentence = token.sent
    opened = next((t.text for t in reversed(sentence[: token.i - sentence.start]) if t.text in "()"), None)
    closed = next((t.text for t in sentence[token.i - sentence.start + 1 :] if t.text in "()"), None)
    return opened == "(" and closed == ")"


def is_present_participle(token: Token) -> bool:
    """A present participle or gerund (`affirmant`, `en jugeant`)."""
    return "Part" in token.morph.get("VerbForm") and "Pres" in token.morph.get("Tense")


def is_past(verb: Token) -> bool:
    """A verb in a past tense, simple or compound (`a dû`, `dut`)."""
    return "Past" in verb.morph.get("Tense") or any(c.dep_ == "aux:tense" for c in verb.children)


CLAUSE_DEPS = ("acl", "acl:relcl", "advcl", "csubj", "parataxis", "appos")


@cache
def _irregular_conditional() -> re.Pattern[str]:
    """An irregular future stem (`lexicons/irregular_future_stems.txt`) + an imperfect ending: a conditional,
    which the tagger sometimes reads as an indicative."""
    stems = "|".join(sorted(words("irregular_future_stems")))
    return re.compile(rf"^(?:{stems})(?:ais|ait|ions|iez|aient)$")


def is_conditional(token: Token) -> bool:
    """Conditional mood, from the morphology or from the form: infinitive (or irregular future stem)
    + imperfect ending (`réduirait`, `sortirait`), which an imperfect (`déclarait`) never is."""
    if "Cnd" in token.morph.get("Mood"):
        return True
    if token.pos_ not in ("VERB", "AUX"):
        return False
    # (accents folded: `gèlerait` is the conditional of `geler`)
    form, lemma = fold_accents(token.lower_), fold_accents(token.lemma_.lower())
    for ending in ("aient", "ions", "iez", "ais", "ait"):
        if form.endswith(ending):
            stem = form[: -len(ending)]
            return (
                stem in (lemma, lemma[:-1])
                and lemma.endswith(("r", "re"))
                or bool(_irregular_conditional().match(form))
            )
    return False


def in_main_clause(token: Token, main: Token, boundaries: tuple[str, ...] = CLAUSE_DEPS) -> bool:
    """True unless a relative, adverbial or appositive clause lies between the token and `main`."""
    current = token
    for _ in range(20):
        if current.i == main.i:
            return True
        if current.dep_ in boundaries:
            return False
        if current.head.i == current.i:
            return True
        current = current.head
    return True


def noun_participants(main: Token) -> list[Token]:
    """The event's noun participants: objects, then subjects (active or passive)."""
    nouns = ("NOUN", "PROPN")
    # (`rouvriraient lundi`: a bare day or month the parser made an object is a time, not a participant)
    objects = [c for c in main.children if c.dep_ == "obj" and c.pos_ in nouns and c.lower_ not in words("bare_times")]
    return objects + [c for c in main.children if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ in nouns]


def relative_subject(verb: Token) -> Token | None:
    """The relative pronoun `qui` subject of a verb (its clause is a relative clause), or None."""
    return next((c for c in verb.children if c.dep_.startswith("nsubj") and c.lower_ == "qui" and c.i < verb.i), None)


def periphrasis_infinitive(verb: Token) -> Token | None:
    """The infinitive of a verb of `lexicons/periphrasis_verbs.txt` + infinitive (`va partir`, `vient de partir`,
    `doit rester`, `semble avoir obtenu`), which names the event (its form decides: the tagger sometimes gives it a
    finite morphology), or None."""
    if verb.lemma_ not in words("periphrasis_verbs") or verb.pos_ not in ("VERB", "AUX"):
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "xcomp" and c.pos_ == "VERB" and (is_infinitive(c) or c.lower_.endswith(INFINITIVE_ENDINGS))
        ),
        None,
    )


# the forms a preposition takes with the article it contracts
_PREPOSITION_FORMS = {"à": ("à", "au", "aux"), "de": ("de", "du", "des", "d'", "d’"), "sur": ("sur",)}


def is_complement(token: Token, *prepositions: str, pronouns: bool = False) -> bool:
    """A noun introduced by one of `prepositions` (`à la grève`, `aux négociations`); with `pronouns`,
    a pronoun too (`est victime de cela`; a locution's complement must name something)."""
    forms = tuple(form for p in prepositions for form in _PREPOSITION_FORMS.get(p, (p,)))
    return (
        token.dep_.startswith(("obl", "nmod"))
        and token.pos_ in (("NOUN", "PROPN", "PRON") if pronouns else ("NOUN", "PROPN"))
        and any(c.dep_ == "case" and c.lower_ in forms for c in token.children)
    )


def own_clause(verb: Token) -> list[Token]:
    """The tokens of the verb's clause, without the clauses embedded in it."""
    embedded = {"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "csubj", "conj", "parataxis"}
    out: list[Token] = []
    stack = list(verb.children)
    while stack:
        token = stack.pop()
        if token.dep_ in embedded:
            continue
        out.append(token)
        stack.extend(token.children)
    return out


def is_finite(verb: Token) -> bool:
    """A verb group with a finite verb: the verb itself or one of its auxiliaries."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    forms = [verb.morph.get("VerbForm")] + [c.morph.get("VerbForm") for c in verb.children if c.dep_.startswith("aux")]
    return any(f == ["Fin"] for f in forms)
