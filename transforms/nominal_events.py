"""Events told by a noun: `l'assassinat du général Soleimani`, `la démission de Nicolas Hulot`, `depuis
l'enlèvement de X`, `après la suspension des opérations`, `l'attaque de mercredi contre la base d'Al-Asad`.

A definite event noun (`lexicons/event_nouns.csv`) with the participant it bears on, named or definite,
presupposes its event: the text takes it as having happened, in its own voice (a narrative claim, polarity
+1), keyed like the clause that tells the same event (`l'assassinat de X` and `X a été tué` are both
`tuer|<X>`), and dated by the dates the noun phrase carries (`l'attaque de mercredi`, `la frappe du 8
janvier`, `le décès de X, survenu le 3 septembre`).

Not every such noun tells an event that happened; none becomes a claim when
- it names a kind or several events: plural (`les attaques contre les civils`), indefinite (`une attaque
  contre un pays membre`), or with no identifying participant (`l'attaque de mercredi`, `l'élection
  présidentielle`, `mort d'homme`);
- the word it depends on asks for it, plans, fears, prevents, discusses, denies or reports it (a verb of
  speech: what it reports is its speaker's claim, see `claims`), or a
  qualifier makes it possible or future (`lexicons/event_noun_contexts.csv`: `réclamer l'expulsion des
  troupes`, `la menace d'une frappe`, `en cas d'attaque`, `pour le retrait`, `le démenti de la mort de X`,
  `l'éventuel retrait`); or it is an argument of a clause in the future or the conditional, negated, or
  in a `si` clause, unless its verb presupposes it whatever its tense (`vengera la mort de X`);
- its sentence asserts nothing: a question, or a heading or caption (no final punctuation);
- a claim of the sentence already states that event (`a annoncé la suspension de ses opérations`: the
  coalition's claim, not the article's).
A qualifier of hearsay hedges it (`la prétendue attaque`, `le meurtre présumé`).

Plain data out: `Claim`s, with `nominal` set.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc, Token

from transforms.actors import translit_key
from transforms.claims import Claim, event_is_new_instance, is_near_future, reporting_lexicon
from transforms.claims.lexicon import pairs, table, toll_classes, words
from transforms.numbers_fr import parse_number
from transforms.text_norm import fold_accents


@cache
def _event_nouns() -> dict[str, tuple[str, str]]:
    """{event noun: (the verb it nominalises, the complement that names its participant)}."""
    return {row["noun"]: (row["verb"], row["complement"]) for row in table("event_nouns")}


def _event_noun(lemma: str) -> tuple[str, str] | None:
    """(nominalised verb, complement kind) of an event noun of `lexicons/event_nouns.csv`, or None."""
    return _event_nouns().get(lemma)


def _context(lemma: str) -> str | None:
    """`skip`, `hedge` or `factive` for a word of `lexicons/event_noun_contexts.csv`, else None."""
    return pairs("event_noun_contexts").get(lemma.lower())


def _qualifier(token: Token) -> str | None:
    """`_context` of an adjective or participle qualifying the event noun, by its lemma or its masculine
    singular form (the tagger lemmatises `présumée` as `présumer` or leaves it as it is)."""
    form = token.lower_
    for suffix in ("es", "s", "e"):
        if form.endswith("é" + suffix) or (suffix != "e" and form.endswith(suffix)):
            form = form[: -len(suffix)]
            break
    return _context(token.lemma_) or _context(form)


def _event_class(verb: str) -> str:
    return pairs("predicate_classes").get(verb, verb)


@cache
def _people_nouns() -> frozenset[str]:
    """Nouns that name a person (`le général`, `sa mère`): a name in apposition to them names the participant."""
    return words("human_nouns") | {row["noun"] for row in table("person_nouns_gender")}


# prepositions that place the event noun as an adjunct of time or cause (`après l'assassinat de X`, `depuis
# la mort de X`, `lors de sa visite`, `suite au décès`): the clause's verb says nothing of the event itself
_ADJUNCT_CASES = frozenset({"après", "depuis", "dès", "lors", "pendant", "durant", "suite"})
# verbs of occurrence whose participle on the event noun dates it (`le décès de X, survenu le 3 septembre`)
_OCCURRENCE_VERBS = frozenset({"survenir", "intervenir", "produire", "dérouler", "avoir", "passer"})
_DEFINITE_CASES = frozenset({"au", "aux", "du", "des"})
# verbs whose negation says the event did not happen, or was not caused or shown (`l'attaque n'a pas eu lieu`,
# `n'a pas provoqué la mort de X`); other negations leave it presupposed (`la visite n'est pas passée inaperçue`)
_NEGATABLE = frozenset(
    {"avoir", "produire", "survenir", "dérouler", "intervenir", "exister", "provoquer", "causer", "entraîner"}
    | {"occasionner", "déclencher", "prouver", "démontrer", "établir", "confirmer", "constater", "voir"}
)
# words that stand for a participant named elsewhere (`la mort de cette dernière`): no key of their own
_ANAPHORIC_THEMES = frozenset({"dernier", "dernière", "premier", "première", "celui", "celle", "autre", "même"})
_PROPER = ("PROPN",)
_NOMINAL = ("NOUN", "PROPN")
_TERMINAL = re.compile(r"[.!…]['\"»”’)\]]*\s*$")


def _case_words(token: Token) -> list[str]:
    """The prepositions introducing `token`, lower case, elided forms restored (`à la suite de` → `à`,
    `suite`, `de`; `jusqu'à` → `jusque`, `à`)."""
    words = []
    for child in token.children:
        if child.dep_ == "case":
            words += [child.lower_, *(g.lower_ for g in child.children if g.dep_ == "fixed")]
    return [_ELIDED.get(w, w) for w in words]


_ELIDED = {"d'": "de", "d’": "de", "jusqu'": "jusque", "jusqu’": "jusque", "lorsqu'": "lorsque", "puisqu'": "puisque"}


# endings of nouns of people (`enquêteur`, `actrice`, `journaliste`, `chirurgien`)
_PERSON_ENDINGS = ("eur", "euse", "trice", "iste", "ien", "ienne")


def _is_person_noun(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in _people_nouns() or lemma.endswith(_PERSON_ENDINGS)


def _is_possessed(noun: Token) -> bool:
    return any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in noun.children)


def _is_definite(noun: Token) -> bool:
    """Definite, possessive or demonstrative (`l'`, `au`, `sa`, `cette`)."""
    for child in noun.children:
        if child.dep_ == "det" and (
            "Def" in child.morph.get("Definite")
            or "Yes" in child.morph.get("Poss")
            or "Dem" in child.morph.get("PronType")
        ):
            return True
        if child.dep_ == "case" and child.lower_ in _DEFINITE_CASES:
            return True
    return False


def _has_determiner(noun: Token) -> bool:
    return any(c.dep_ == "det" or (c.dep_ == "case" and c.lower_ in _DEFINITE_CASES) for c in noun.children)


def _count(noun: Token) -> float | None:
    """The number of a counted participant (`la mort de quatre personnes`; `d'un habitant`: 1)."""
    for child in noun.children:
        if child.dep_ == "nummod":
            return parse_number(child.text)
        if child.dep_ == "det" and child.lower_ in ("un", "une"):
            return 1.0
    return None


class _Dates:
    """Whether a token lies in a temporal expression (`timex_spans`, sorted by start)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def span_of(self, token: Token) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.starts, token.idx) - 1
        return self.spans[i] if i >= 0 and self.spans[i][0] <= token.idx < self.spans[i][1] else None

    def covers(self, token: Token) -> bool:
        return self.span_of(token) is not None


# nouns of complex prepositions, which name no participant (`la visite guidée au travers de 1 300 ans
# d'histoire`, `au cours de`, `au sein de`, `à l'issue de`)
_PREPOSITION_NOUNS = frozenset(
    {"travers", "cours", "sein", "milieu", "lieu", "moment", "côté", "terme", "issue", "instar", "lendemain"}
    | {"veille", "suite", "occasion", "cadre", "marge", "face", "regard", "égard", "part", "fur", "long", "bout"}
)


def _complement(noun: Token, kind: str, dates: _Dates) -> Token | None:
    """The participant the event bears on (see `lexicons/event_nouns.csv`), or None. A complement the parser
    hung on the noun's date counts as the noun's (`la frappe du 8 janvier contre la base`)."""
    children = [*noun.children, *(g for c in noun.children if dates.covers(c) for g in c.children)]
    for child in children:
        if child.pos_ not in _NOMINAL or child.dep_ not in ("nmod", "obl", "obl:arg", "obl:mod") or dates.covers(child):
            continue
        if child.lemma_.lower() in _PREPOSITION_NOUNS:
            continue
        cases = _case_words(child)
        genitive = any(c in ("de", "du", "des") for c in cases)
        if kind in ("theme", "object") and genitive:
            return child
        if kind == "target" and (
            any(c in ("contre", "sur") for c in cases)
            or (
                genitive
                and child.pos_ == "PROPN"
                and child.ent_type_ not in ("PER", "ORG")
                and not _has_determiner(child)
            )
        ):
            return child
        if kind == "place" and (
            any(c in ("à", "au", "aux", "en", "dans") for c in cases)
            # (`la visite de l'usine`; not `de son ex-chargé de mission`, a visitor)
            or (genitive and child.pos_ == "NOUN" and not _is_person_noun(child) and not _is_possessed(child))
        ):
            return child
    if kind == "target":
        for child in noun.children:  # `une frappe visant le général`
            if child.dep_ == "acl" and child.lemma_ in ("viser", "cibler"):
                return next((c for c in child.children if c.dep_ == "obj" and c.pos_ in _NOMINAL), None)
    return None


def _identified(participant: Token, event_class: str) -> bool:
    """A participant that picks out who or what the event bears on: a name, a definite description, or the
    count of the victims of a death (`la mort de quatre personnes`)."""
    if participant.lemma_.lower() in _ANAPHORIC_THEMES or participant.lower_ in _ANAPHORIC_THEMES:
        return False
    if participant.pos_ == "PROPN":
        return True
    if _is_definite(participant):
        return True
    return event_class in toll_classes() and _count(participant) is not None


def _name_after(noun: Token, participant: Token) -> Token | None:
    """The first word of a name for the participant: the participant itself when it is a name; a name in
    apposition to it (`du cardinal Theodore McCarrick`, `du maire Jean-Mathieu Michel`) or right after it,
    however the parser hung it (`du général iranien Qassem Soleimani`, `du lieutenant-colonel Arnaud
    Beltrame`); for a person noun, a name further in its phrase (`du commandant de la Force Qods, Qassem
    Soleimani`)."""
    if participant.pos_ == "PROPN":
        return participant
    doc = participant.doc
    for child in participant.children:
        if (
            (child.pos_ == "PROPN" or child.ent_type_ == "PER")
            and child.ent_type_ not in ("ORG", "LOC")  # (`la sénatrice LREM`: her party, not her name)
            and child.dep_ in ("appos", "flat:name", "flat", "nmod")
            and child.text[:1].isupper()
            and not _case_words(child)
            and all(t.pos_ == "ADJ" for t in doc[participant.i + 1 : child.i])
        ):
            return child  # (`la base d'Al-Asad`: a place of the base, not its name)
    if _is_person_noun(participant):
        for token in participant.subtree:
            if token.pos_ == "PROPN" and token.dep_ == "appos" and token.ent_type_ == "PER":
                return token
    for i in range(participant.i + 1, min(len(doc), participant.i + 5)):
        token = doc[i]
        if token.ent_type_ == "PER" and token.text[:1].isupper():
            return token
        if token.pos_ not in ("NOUN", "ADJ") and token.text != "-":
            return None  # (`du ministre de la Défense, X`: another phrase)
    return None


def _last_name(name: Token) -> Token:
    """The last word of the name `name` starts: the rest of its person entity, else its own `flat` children
    that follow it without a gap (`Jean-Mathieu Michel`; not `Christian Estrosi, maire LR de Nice`)."""
    doc, last = name.doc, name
    if name.ent_type_ == "PER":
        while last.i + 1 < len(doc) and doc[last.i + 1].ent_iob_ == "I" and doc[last.i + 1].ent_type_ == "PER":
            last = doc[last.i + 1]
        return last
    for child in sorted((c for c in name.children if c.dep_.startswith("flat")), key=lambda c: c.i):
        if child.i == last.i + 1:
            last = child
    return last


def _theme_key(noun: Token, participant: Token) -> str:
    """The participant's key as claims key their themes: a name by the transliteration-tolerant key of its
    last word (`Soleimani` = `Souleimani`), a common noun by its lemma (`les opérations` → `opération`)."""
    name = _name_after(noun, participant)
    if name is not None:
        key = translit_key(_last_name(name).text)
        if key:
            return key
    lemma = participant.lemma_.lower()
    return pairs("theme_classes").get(lemma, lemma)


def _adjacent_target(noun: Token) -> Token | None:
    """`contre X` or `sur X` right after the event noun's phrase, which the parser hung on the verb (`ont
    riposté après l'attaque de mercredi contre la base`)."""
    doc = noun.doc
    nxt = noun.right_edge.i + 1
    if nxt >= len(doc) or doc[nxt].lower_ not in ("contre", "sur") or doc[nxt].dep_ != "case":
        return None
    target = doc[nxt].head
    return target if target.pos_ in _NOMINAL and target.i > nxt else None


def _fallback_name(noun: Token) -> Token | None:
    """A name in `de X` a few words after the event noun that the parser hung elsewhere (`l'assassinat sur
    son sol de Qassem Soleimani`)."""
    doc = noun.doc
    for i in range(noun.i + 1, min(len(doc) - 1, noun.i + 6)):
        token = doc[i]
        if token.lower_ in ("de", "d'", "d’") and doc[i + 1].pos_ == "PROPN" and doc[i + 1].ent_type_ == "PER":
            return doc[i + 1]
        # (only a place in between: `sur son sol`, `à Bagdad`; not `après la défaite de X`)
        if token.pos_ not in ("DET", "NOUN", "ADJ", "PROPN") and token.lower_ not in ("sur", "à", "au", "en"):
            return None
    return None


def _governor(noun: Token) -> Token:
    """The word the event noun depends on: the first conjunct's for a conjunct (`des attaques … et
    l'assassinat de X`), through dates and numbers the parser hung it on (`a réclamé le 5 janvier
    l'expulsion des troupes`)."""
    token = noun
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    hops = 0
    while (head.pos_ == "NUM" or head.lower_ in _TIME_WORDS) and head.head.i != head.i and hops < 3:
        head, hops = head.head, hops + 1
    return head


# days and months the parser takes for heads (`a confirmé mercredi la mort de X`: `mort` hung on `mercredi`)
_TIME_WORDS = frozenset(
    {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "demain", "aujourd'hui"}
    | {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre"}
    | {"novembre", "décembre", "soir", "matin"}
)


def _first_conjunct(noun: Token) -> Token:
    token = noun
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _looks_conditional(verb: Token) -> bool:
    """A conditional the tagger read as an imperfect (`signerait`: `signer` + `-ait`; the imperfect is `signait`)."""
    lemma = verb.lemma_.lower()
    stem = lemma[:-1] if lemma.endswith("re") else lemma
    endings = ("ait", "aient", "ais", "ions", "iez")
    return lemma.endswith(("er", "ir", "re")) and verb.lower_ in {stem + ending for ending in endings}


def _is_future_or_conditional(verb: Token) -> bool:
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop")]
    if any("Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood") or _looks_conditional(t) for t in forms):
        return True
    return verb.dep_ == "xcomp" and (is_near_future(verb.head) or "Cnd" in verb.head.morph.get("Mood"))


def _is_negated(verb: Token) -> bool:
    return any(
        c.dep_ == "advmod" and (c.lower_ in ("pas", "jamais", "plus", "guère") or c.morph.get("Polarity") == ["Neg"])
        for c in verb.children
    )


def _clause_verb(token: Token) -> Token | None:
    """The verb (or predicate with a copula) of the clause `token` belongs to."""
    hops = 0
    while hops < 8:
        if token.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in token.children):
            return token
        if token.head.i == token.i:
            return None
        token, hops = token.head, hops + 1
    return None


def _in_hypothesis(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("si", "s'", "s’") for c in verb.children)


def _reading(noun: Token) -> str | None:
    """How the context presents the event: None (it happened), `hedge` (by someone's account), `skip`."""
    effects = {
        _qualifier(c)
        for c in noun.children
        if c.dep_ in ("amod", "acl") and not ("Part" in c.morph.get("VerbForm") and "Pres" in c.morph.get("Tense"))
    }
    if "skip" in effects:
        return "skip"  # `l'éventuel retrait`, `la reprise, prévue lundi`
    hedge = "hedge" if "hedge" in effects else None
    cases = _case_words(_first_conjunct(noun))
    if noun.lemma_.lower() == "attaque" and cases in (["à"], ["au"]):
        return "skip"  # `partir à l'attaque contre X`, `repasser à l'attaque`: on the offensive, no one attack
    head = _governor(noun)
    if head.lemma_.lower() == "lors":  # (`lors de sa visite`: `lors` heads the noun)
        cases, head = ["lors"], head.head
    if head.pos_ == "ADJ" and head.dep_ == "amod" and not any(c.dep_ == "cop" for c in head.children):
        head = head.head  # `les circonstances précises de la mort de X`: the noun the adjective qualifies
    skipped_case = any(_context(c) == "skip" for c in cases)  # `pour le retrait`, `avant l'élection`
    if head.pos_ in _NOMINAL and not any(c.dep_ == "cop" for c in head.children):
        # the event noun complements another noun (`le prix de l'assassinat`, `la menace d'une frappe`)
        governing = _context(head.lemma_)
        clause = _clause_verb(head)
        if skipped_case and clause is not None and _context(clause.lemma_) == "factive":
            skipped_case = False  # `condamné à vingt ans de prison pour le meurtre de X`: a cause
        if skipped_case or governing == "skip" or any(_context(c) == "skip" for c in _case_words(head)):
            return "skip"
        return "hedge" if governing == "hedge" else hedge
    adjunct = any(c in _ADJUNCT_CASES for c in cases)
    governing = None if adjunct else _context(head.lemma_)
    if governing is None and cases and not adjunct:
        # a verbal locution whose noun says it (`faire part du décès`, `faire état de la reprise`, `lancer un
        # appel au retrait`)
        objects = [c for c in head.children if c.dep_ == "obj" and c.pos_ == "NOUN" and c.i < noun.i]
        governing = next((_context(c.lemma_) for c in objects if _context(c.lemma_) == "skip"), None)
    if governing == "factive":
        # `vengera la mort de X`, `condamné pour le meurtre de X`: presupposed whatever the tense or the preposition
        return hedge
    if skipped_case or governing == "skip":
        return "skip"
    if not cases and head.pos_ == "VERB" and head.lemma_ in reporting_lexicon():
        # what a verb of speech reports is its speaker's claim, not the text's (`a confirmé la reprise des
        # opérations`, `la mort de X a été annoncée`: see `claims`)
        return "skip"
    verb = _clause_verb(head)
    if verb is not None:
        if _is_future_or_conditional(verb) or _in_hypothesis(verb):
            return "skip"
        if not adjunct and _is_negated(verb) and (verb.lemma_ in _NEGATABLE or head.lemma_ in _NEGATABLE):
            return "skip"
        # an infinitive under a verb of request or plan (`a décidé de procéder au retrait`); not what it is
        # about (`a voulu rétablir la vérité sur la mort de sa mère`)
        upper = verb
        while not adjunct and "sur" not in cases and "Inf" in upper.morph.get("VerbForm") and upper.head.i != upper.i:
            upper = upper.head
            if upper.pos_ in ("VERB", "AUX") and _context(upper.lemma_) == "skip":
                return "skip"
    return "hedge" if governing == "hedge" else hedge


def _asserts(text: str, start: int, end: int) -> bool:
    """The sentence states something: it ends like a sentence (not a heading or a caption) and is no question."""
    return bool(_TERMINAL.search(text[start:end]))


def _extent(noun: Token, text: str, dates: _Dates) -> tuple[int, int, list[list[int]]]:
    """Character span of the event's noun phrase and the clauses inside it that tell other events. The
    phrase runs from its determiner (or contracted article: `du décès`) to its complements, without what the
    parser hangs on the noun besides: clauses, conjuncts, words before it other than its determiner and
    adjectives (`cinq jours après l'attentat`), and after a comma or a parenthesis anything but a date or a
    verb of occurrence (`l'assassinat de X, vendredi`; `le décès de X, survenu le 3 mai`; not `Depuis
    l'assassinat de X, Téhéran…`, `la fusillade de Munich, après l'attentat de Nice`, `après la mort de leur
    fille, Isabelle et Jean-Pierre Fouillot ont…`)."""
    doc = noun.doc
    kept = []
    for child in noun.children:
        if child.dep_ in ("case", "cc", "punct"):
            continue
        if child.i < noun.i:
            if child.dep_ in ("det", "amod", "nummod"):
                kept.append(child)
            continue
        if dates.covers(child):
            kept.append(child)
            continue
        if child.dep_ in ("conj", "acl:relcl", "parataxis") or (
            child.dep_ == "acl" and child.lemma_ not in _OCCURRENCE_VERBS
        ):
            continue
        first = child.left_edge.i
        detached = doc[first].text in ",(" or (first > 0 and doc[first - 1].text in ",(")
        if detached and child.dep_ != "acl":
            continue  # (a name after a comma is kept only as the participant's: see `nominal_event_claims`)
        kept.append(child)
    contracted = [c.idx for c in noun.children if c.dep_ == "case" and c.lower_ in _DEFINITE_CASES]
    start = min([noun.idx, *contracted, *(c.left_edge.idx for c in kept if c.i < noun.i)])
    # (a date ends the phrase where the date ends: `de l'arrestation de X, à la mi-juin, à la remise en liberté
    # de Y vendredi 4 août` hangs the release on the date)
    ends = [noun.idx + len(noun.text)]
    for child in (c for c in kept if c.i > noun.i):
        date = dates.span_of(child)
        ends.append(date[1] if date is not None else child.right_edge.idx + len(child.right_edge.text))
    end = max(ends)
    for token in doc[noun.i + 1 :]:
        if token.idx >= end:
            break
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.text in ",(" and after is not None and not dates.covers(after):
            occurrence = after.dep_ == "acl" and after.head.i == noun.i and after.lemma_ in _OCCURRENCE_VERBS
            if not occurrence:
                end = token.idx  # (a comma or a parenthesis deeper in the phrase: `de leur fille, Isabelle et…`)
                break
    if text.count("(", start, end) > text.count(")", start, end) and text[end : end + 1] == ")":
        end += 1  # (`à Magnanville (Yvelines)`)
    subordinate = [
        [t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)]
        for c in kept
        for t in c.subtree
        if t.dep_ in ("acl", "acl:relcl", "advcl")
        and not dates.covers(t)
        and not (t.head.i == noun.i and t.lemma_ in _OCCURRENCE_VERBS)
    ]
    return start, end, subordinate


def _agent(noun: Token) -> str | None:
    """Key of the event's agent when the noun phrase names it with `par` (`l'assassinat de X par les États-Unis`)."""
    for child in noun.children:
        if child.pos_ in _NOMINAL and "par" in _case_words(child):
            return translit_key(child.text) if child.pos_ == "PROPN" else fold_accents(child.lemma_.lower())
    return None


def nominal_event_claims(
    doc: Doc,
    text: str,
    article_id: str,
    sentences: Sequence[tuple[int, int]],
    timex_spans: Sequence[tuple[int, int]],
    claims: Sequence[Claim],
) -> list[Claim]:
    """One narrative claim per event noun of the article that presupposes its event (see the module
    docstring). `sentences`: the article's sentence spans in `text`; `timex_spans`: its temporal
    expressions; `claims`: the article's other claims (an event they state is not told twice, and their
    spans are not reused: a claim's id is its span).
    Returns: one `Claim` per such noun, in text order."""
    dates = _Dates(timex_spans)
    starts = [s for s, _ in sentences]
    taken = {(c.char_start, c.char_end) for c in claims}
    out: list[Claim] = []
    for noun in doc:
        if noun.pos_ != "NOUN" or "Plur" in noun.morph.get("Number"):
            continue
        entry = _event_noun(noun.lemma_.lower())
        if entry is None:
            continue
        verb, kind = entry
        if noun.lemma_.lower() == "mort" and "Masc" in noun.morph.get("Gender"):
            continue  # `un mort`, `le mort`: a dead person, not a death
        index = bisect.bisect_right(starts, noun.idx) - 1
        if index < 0 or not sentences[index][0] <= noun.idx < sentences[index][1]:
            continue
        sentence_start, sentence_end = sentences[index]
        if not _is_definite(noun) or not _asserts(text, sentence_start, sentence_end):
            continue
        event_class = _event_class(verb)
        if kind == "theme" and _is_possessed(noun):
            continue  # `sa mort`, `sa démission du gouvernement`: the possessor is the participant, named elsewhere
        participant = _complement(noun, kind, dates)
        if participant is None and kind == "theme":
            participant = _fallback_name(noun)
        if participant is None and kind == "target":
            participant = _adjacent_target(noun)
        if participant is None or not _identified(participant, event_class):
            continue
        reading = _reading(noun)
        if reading == "skip":
            continue
        theme = _theme_key(noun, participant)
        key = f"{fold_accents(event_class)}|{fold_accents(theme)}"
        start, end, subordinate = _extent(noun, text, dates)
        name = _name_after(noun, participant)
        last = _last_name(name) if name is not None and name.i > noun.i else participant
        if last.i > noun.i and last.idx >= end:
            # (a name after the phrase the parser gave the noun: `l'assassinat sur son sol de X`, `le meurtre
            # présumé du chanteur Jean Dupont`)
            end = last.idx + len(last.text)
        end = min(end, sentence_end)
        stated = any(
            c.char_start <= noun.idx < c.char_end
            and c.event_key.split("|")[0] == key.split("|")[0]
            and (c.event_key == key or c.char_start >= start)
            for c in claims
        )
        if stated or (start, end) in taken or "?" in text[start:end]:
            continue
        taken.add((start, end))
        count = _count(participant) if event_class in toll_classes() else None
        out.append(
            Claim(
                article_id=article_id,
                sentence_idx=index,
                char_start=start,
                char_end=end,
                text=text[start:end],
                quote_kind="narrative",
                polarity=1,
                hedged=reading == "hedge",
                predicate=verb,
                theme=theme,
                event_key=key,
                quantity=count,
                quantity_unit=_unit(participant) if count is not None else None,
                quantity_op="=" if count is not None else None,
                nominal=True,
                subordinate=subordinate,
                agent=_agent(noun),
                new_instance=event_is_new_instance(noun),
            )
        )
    return out


def _unit(participant: Token) -> str:
    lemma = participant.lemma_.lower()
    return pairs("units").get(lemma, lemma)
