"""The event a proposition names (its head: a verb, an event noun, a decided action) and its key
`class|theme`, under which claims about one event meet."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from spacy.tokens import Token

from transforms.claims.lexicon import pairs, table, toll_classes, verbal_locutions, words
from transforms.claims.model import NO_EVENT_KEY, NO_THEME
from transforms.claims.negation import continued_action
from transforms.claims.participants import participant_key, theme_of
from transforms.claims.syntax import (
    DE,
    SI,
    infinitive_complement,
    is_complement,
    is_infinitive,
    is_reflexive,
    noun_participants,
    own_clause,
    periphrasis_infinitive,
    verb_group_start_index,
)
from transforms.nlp import INFINITIVE_ENDINGS
from transforms.text_norm import fold_accents


def _clause_initial_noun(verb: Token) -> Token | None:
    """The first noun of the verb's clause before its verb group, for a verb the parser left without
    a subject (`…, mais aucune décision de quitter l'Irak n'a été prise`: `décision` hung elsewhere).
    French puts the subject there; a comma or a conjunction ends the clause on the left."""
    if any(c.dep_.startswith("nsubj") for c in verb.children):
        return None
    first = verb.doc[verb_group_start_index(verb)]
    nouns = []
    for token in reversed(verb.doc[verb.sent.start : first.i]):
        if token.pos_ in ("PUNCT", "CCONJ", "SCONJ"):
            break
        if token.pos_ == "NOUN":
            nouns.append(token)
    return nouns[-1] if nouns else None


def _harm_noun(main: Token) -> Token | None:
    """The injury a harm verb's complement names (`souffraient de commotion cérébrale`, `soignés pour des
    symptômes de commotion`, `victimes de commotion`: `commotion`), when it nominalises a casualty (`souffrir
    de la chaleur` names none); None otherwise."""
    word = "victime" if main.lower_.startswith("victime") else main.lemma_
    preposition = pairs("harm_verbs").get(word)
    if preposition is None:
        return None
    nominalisations = pairs("nominalisations")
    for child in main.children:
        if not (child.dep_.startswith("obl") or child.dep_ == "nmod") or not is_complement(child, preposition):
            continue
        # (`des symptômes de commotion`: the injury may complement the noun the verb governs)
        for noun in [child, *(g for g in child.children if g.dep_ == "nmod")]:
            verb = nominalisations.get(noun.lemma_.lower())
            if noun.pos_ == "NOUN" and verb is not None and pairs("predicate_classes").get(verb) in toll_classes():
                return noun
    return None


def _event_noun(main: Token) -> Token | None:
    """`a annoncé la suspension de ses opérations`, `a lancé une attaque`, `aucune décision n'a été
    prise`: the event noun object of a reporting or light verb (or subject of its passive), which
    names the event better than the verb does."""
    harm = _harm_noun(main)
    if harm is not None:
        return harm
    support = _support_nouns().get(main.lemma_)
    names_its_object = main.lemma_ in words("event_object_verbs") or main.lemma_ in words("light_verbs")
    if main.pos_ != "VERB" or (not names_its_object and support is None):
        return None
    nominalisations = pairs("nominalisations")
    # the object, or an object the parser hung on a time adverbial (`a annoncé dimanche la suspension`)
    candidates = [c for c in main.children] + [g for c in main.children if c.dep_.startswith("obl") for g in c.children]
    passive = "Pass" in main.morph.get("Voice") or any(c.dep_ == "aux:pass" for c in main.children)
    candidates = [c for c in candidates if c.dep_ == "obj" or (passive and c.dep_ in ("nsubj", "nsubj:pass"))]
    if passive:
        candidates += [t for t in [_clause_initial_noun(main)] if t is not None]
    for token in candidates:
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and lemma in nominalisations and (support is None or lemma in support):
            return token
    return None


def _periphrasis_verb(main: Token) -> Token:
    """The infinitive of a tense periphrasis, which names the event: `va repositionner` (near future),
    `vient de quitter` (recent past); else `main`."""
    return periphrasis_infinitive(main) or main


def _is_existential(main: Token) -> bool:
    """`il y a`, `il n'y aura aucun`: `avoir` with the expletive `y` asserts (or denies) existence."""
    return main.lemma_ == "avoir" and any(c.lower_ == "y" and c.dep_.startswith("expl") for c in main.children)


def _existential_noun(main: Token) -> Token | None:
    """`Il n'y a eu aucune décision`, `il y a eu une explosion`: the event noun that `il y a` asserts
    (or denies) the existence of."""
    if not _is_existential(main):
        return None
    nominalisations = pairs("nominalisations")
    return next(
        (c for c in main.children if c.dep_ == "obj" and c.pos_ == "NOUN" and c.lemma_.lower() in nominalisations),
        None,
    )


def _decided_action(main: Token) -> Token | None:
    """The action a decision noun is about (`une décision de quitter l'Irak` → `quitter`), whether the
    noun heads the claim or is the object of a verb that names no event of its own (`Nous respectons
    votre décision d'ordonner notre départ`: a decision that exists, about a departure)."""
    noun = main
    if main.pos_ == "VERB" and main.lemma_ not in pairs("predicate_classes"):
        noun = next((c for c in main.children if c.dep_ == "obj" and c.pos_ == "NOUN"), main)
    if noun.pos_ != "NOUN" or pairs("nominalisations").get(noun.lemma_.lower()) not in words("decision_verbs"):
        return None
    return next((c for c in noun.children if c.dep_ in ("acl", "xcomp") and is_infinitive(c)), None)


def _fait_etat_de(main: Token) -> Token | None:
    """The noun reported by the locution `faire état de N`, or None."""
    if main.lemma_ != "faire":
        return None
    etat = next((c for c in main.children if c.dep_ == "obj" and c.lemma_.lower() == "état"), None)
    if etat is None:
        return None
    # `de N` hangs on `état` or, as the parser often has it, on `faire` itself
    return next(
        (c for c in [*etat.children, *main.children] if c.dep_ in ("nmod", "obl:arg") and c.pos_ == "NOUN"), None
    )


_FIRST_GROUP_PARTICIPLE = re.compile(r"^(?P<stem>\w+)é(?:e|s|es)?$")


def _verb_lemma(token: Token) -> str:
    """The token's lemma, with the tagger's truncated lemmas of first-group participles repaired
    (`gelé` lemmatised `gele`, or tagged as an adjective with `avoir`: `a gelé` is `geler`)."""
    lemma = token.lemma_.lower()
    verbal = token.pos_ == "VERB" or any(c.dep_ == "aux:tense" for c in token.children)
    if verbal and not lemma.endswith(INFINITIVE_ENDINGS):
        participle = _FIRST_GROUP_PARTICIPLE.match(token.lower_)
        if participle:
            return participle.group("stem") + "er"
    return lemma


def _has_human_patient(verb: Token) -> bool:
    """The verb's object (or passive subject) is a person: a name tagged PER or a noun of people."""
    return any(
        child.dep_ in ("obj", "nsubj:pass")
        and (child.ent_type_ == "PER" or child.lemma_.lower() in words("human_nouns"))
        for child in verb.children
    )


def _is_hypothesis(main: Token) -> bool:
    """The head of a `si` clause (`s'il y avait le moindre risque`): a hypothesis, not an assertion
    (`même si` concedes, and asserts)."""
    for child in main.children:
        if child.dep_ == "mark" and child.lower_ in SI:
            return not (child.i > 0 and main.doc[child.i - 1].lower_ == "même")
    return False


def _is_imperative(verb: Token) -> bool:
    """`Ne relayez plus cette fausse information`, `Votons`: a first or second person plural without a
    subject (the tagger reads it as an indicative)."""
    return (
        verb.pos_ == "VERB"
        and verb.lower_.endswith(("ez", "ons"))
        and "Fin" in verb.morph.get("VerbForm")
        and verb.dep_ != "conj"  # (`nous partirons et reviendrons`: the subject is the first verb's)
        and not any(c.dep_.startswith(("nsubj", "expl")) for c in verb.children)
    )


def _is_evaluated_infinitive(verb: Token) -> bool:
    """`a jugé "légitime" de rendre hommage`, `il est nécessaire de réformer`: an infinitive an adjective
    evaluates is judged, not asserted (whether it happens is another claim)."""
    if not is_infinitive(verb):
        return False
    if verb.head.pos_ == "ADJ" and verb.head.i < verb.i:
        return True
    return verb.dep_ == "xcomp" and any(
        c.pos_ == "ADJ" and c.dep_ in ("xcomp", "obj") and c.i < verb.i for c in verb.head.children
    )


def _is_wish(verb: Token) -> bool:
    """A wish (`lexicons/wish_verbs.txt`: `ses clients ne souhaitaient pas s'exprimer`, `il veut y croire`) or an
    intention with its infinitive (`lexicons/intention_verbs.txt`: `compte partir`, `envisage de fermer`):
    nothing has happened yet."""
    if verb.pos_ != "VERB":
        return False
    if verb.lemma_ in words("intention_verbs"):
        return infinitive_complement(verb) is not None
    return verb.lemma_ in words("wish_verbs")


# What asserts no event, neither the one it names nor a state sources could disagree on (a question,
# which the text's `?` marks, is set aside before any parse: `extract_sentence_claims`)
_NON_ASSERTIVE: tuple[Callable[[Token], bool], ...] = (
    _is_hypothesis,  # `S'il y avait le moindre risque, les écoles n'auraient pas rouvert`: no risk asserted
    _is_imperative,  # `Ne relayez plus cette fausse information`: an order
    _is_wish,  # `ses clients ne souhaitaient pas s'exprimer`, `il veut y croire`, `compte partir`: a wish, a plan
    _is_evaluated_infinitive,  # `a jugé "légitime" de rendre hommage`: judged, not said to happen
)


def event_head(main: Token | None) -> Token | None:
    """The token that names the proposition's event: an event noun object of a reporting or light
    verb (`a annoncé la suspension des opérations` → `suspension`), the action of a decision, the
    infinitive of a periphrasis; None for what asserts no event (`_NON_ASSERTIVE`)."""
    if main is None:
        return None
    verb = _periphrasis_verb(main)
    if any(test(token) for token in {main, verb} for test in _NON_ASSERTIVE):
        return None
    main = verb
    reported = _fait_etat_de(main) or _existential_noun(main)
    if reported is not None:
        main = reported  # `ont fait état de lignes électriques tombées`: what is reported is the event
    event_noun = _event_noun(main)
    if event_noun is not None:
        main = event_noun
    elif continued_action(main) is not None:
        main = continued_action(main)  # `les ventes ne cessent de progresser`: the sales progress
    elif main.lemma_ in words("decision_verbs"):
        # `a décidé de suspendre l'entraînement`: the decided action is the event
        # (an infinitive: `accepte la contradiction, il transpire…` decides nothing about `transpirer`)
        main = infinitive_complement(main) or main
    decided = _decided_action(main)
    if decided is not None:
        # `aucune décision de quitter l'Irak`: the decided action (`ordonner notre départ`: its noun)
        main = _event_noun(decided) or decided
    return main


def is_commitment(verb: Token, main: Token | None) -> bool:
    """A threat or a promise of an action (`a menacé d'enterrer`, `promet de baisser les impôts`): the
    reported infinitive has not happened. A past infinitive is a claim about the past (`jure avoir payé`)."""
    return (
        verb.lemma_ in words("commitment_verbs")
        and main is not None
        and "Inf" in main.morph.get("VerbForm")
        and not any(c.dep_.startswith("aux") for c in main.children)
    )


def _is_y_aller_de(verb: Token) -> bool:
    """`y aller de N`: `aller` with the clitic `y` and a `de` complement."""
    return (
        verb.lemma_ == "aller"
        and any(c.lower_ == "y" and c.i < verb.i for c in verb.children)
        and any(c.dep_.startswith("obl") and any(g.lower_ in DE for g in c.children) for c in verb.children)
    )


def _predicative_complement(main: Token) -> Token | None:
    """The complement of an adjective predicate (`est victime d'un complot`, `n'est pas favorable à la
    réforme`, `est coupable de fraude`): it says of what, so it is the theme (the subject is the agent)."""
    if main.pos_ != "ADJ" or not any(c.dep_ == "cop" for c in main.children):
        return None
    return next((c for c in main.children if is_complement(c, "de", "à", pronouns=True)), None)


class EventKey(NamedTuple):
    """The event a claim states: its predicate lemma, its theme, and the key `class|theme` claims about one
    event share (accents folded)."""

    predicate: str | None
    theme: str
    key: str


# what a claim that states no comparable event has
NO_EVENT = EventKey(None, NO_THEME, NO_EVENT_KEY)


def predicate_and_key(main: Token | None) -> EventKey:
    """(predicate lemma, theme lemma, event_key) of the event `main` names (see `event_head`)."""
    return key_of_head(event_head(main))


def key_of_head(main: Token | None) -> EventKey:
    """Key of an event head. Nominalisations map to their verb, locutions are one predicate (`avoir lieu`),
    verbs map to their class (`lexicons/predicate_classes.csv`) and themes to theirs
    (`lexicons/theme_classes.csv`); `lancer`/`tirer` + a projectile is an attack."""
    lemma = _predicate_lemma(main) if main is not None else None
    if lemma is None:
        return NO_EVENT
    lemma, theme = _locution(main, lemma, theme_of(main).lower())
    theme = _theme_class(main, lemma, theme)
    lemma, theme = _sense(main, lemma, theme)
    klass = pairs("predicate_classes").get(lemma, lemma)
    if lemma == "tirer" and main.pos_ == "VERB" and not _fires(main):
        klass = lemma  # `tirer les leçons`, `tirer profit de`, `tirer au sort`: a light verb, not firing
    return EventKey(lemma, theme, f"{fold_accents(klass)}|{fold_accents(theme)}")


def _predicate_lemma(main: Token) -> str | None:
    """The verb lemma an event head stands for (a nominalisation's verb, `exister` for `il y a`), or None
    when it names no event."""
    lemma = _verb_lemma(main)
    if _is_y_aller_de(main):
        # `n'y est pas allé de main morte`, `y est allé de son commentaire`: an idiom (to go at it, to
        # chip in), not a journey
        return None
    if main.pos_ in ("PROPN", "PRON", "NUM", "DET", "X", "SYM", "PUNCT"):
        # a name or a pronoun is no predicate (`C'est François de Rugy qui…` parsed with the name as
        # its head): the claim states no comparable event
        return None
    verbal = any(c.dep_.startswith("aux") for c in main.children)  # (`a fraudé` tagged as a noun)
    if main.pos_ == "NOUN" and not verbal:
        # a noun that names no event (`Dîners fastueux, travaux…`, `ce n'est pas un dîner de travail`): a
        # description, not an event sources could disagree on
        return pairs("nominalisations").get(lemma)
    if _is_existential(main):
        # `il n'y aura aucun métro`, `il y a des éléments nouveaux`: the existence of its theme, an
        # event (a métro running, then none) where possessive `avoir` is a light verb (`n'a pas les mots`)
        return "exister"
    return lemma


def _locution(main: Token, lemma: str, theme: str) -> tuple[str, str]:
    """(predicate, theme) when the verb and its object are a locution (`lexicons/verbal_locutions.txt`): `la
    hausse n'aura pas lieu` is about the rise; unless it governs a complement (its preposition is listed), which
    is then its theme (`donner la mort à deux passants`, `mettre fin à la grève`: the subject is the agent)."""
    locution = next(
        (
            c
            for c in main.children
            if c.dep_ in ("obj", "nsubj:pass")  # (`aucun hommage ne sera rendu à Pétain`: the passive)
            and c.pos_ == "NOUN"
            and f"{lemma} {c.lemma_.lower()}" in verbal_locutions()
        ),
        None,
    )
    if locution is None:
        return lemma, theme
    lemma = f"{lemma} {locution.lemma_.lower()}"
    preposition = verbal_locutions()[lemma]
    complement = (
        next((c for c in [*main.children, *locution.children] if is_complement(c, preposition)), None)
        if preposition
        else None
    )
    if complement is not None:
        return lemma, participant_key(complement).lower()
    subjects = [c for c in noun_participants(main) if c.dep_ != "obj" and c.i != locution.i]
    return lemma, participant_key(subjects[0]).lower() if subjects else NO_THEME


def _theme_class(main: Token, lemma: str, theme: str) -> str:
    """The theme as keys compare it: an adjective predicate's complement (`est victime d'un complot`), its
    class, and no theme for what names no participant of the event."""
    relation = _predicative_complement(main)
    if relation is not None:
        theme = participant_key(relation).lower()
    theme = pairs("theme_classes").get(theme, theme)
    if fold_accents(theme) in words("measure_nouns"):
        return NO_THEME  # `60 % des électeurs se disent…`: a measure is no participant of the event
    if lemma == "exister" and fold_accents(theme) in words("generic_existents"):
        return NO_THEME  # `il n'y avait personne à l'intérieur`, `il y a des gens`: nobody, anybody; no event
    if lemma == "poser" and fold_accents(theme) in words("shell_nouns"):
        return NO_THEME  # `la question se pose`, `ça ne me pose pas de problème`: which question is said elsewhere
    return theme


def _sense(main: Token, lemma: str, theme: str) -> tuple[str, str]:
    """(predicate, theme) with the verb's sense in context: a strike by projectiles is an attack, an arrest of
    a person is no stop, a pronominal verb may name another event (`lexicons/pronominal_senses.csv`)."""
    if lemma in words("light_verbs") and pairs("units").get(theme) in words("projectiles"):
        lemma = "attaquer"  # `lancer 11 missiles`, `tirer des roquettes`
    elif lemma in ("lancer", "tirer") and main.pos_ == "VERB":
        # `a lancé dans la nuit du 7 au 8 janvier des missiles`, `ont lancé plusieurs obus`: the projectile
        # the parser hung elsewhere in the clause (under the date) or lemmatised badly (`obus` → `obu`)
        objects = [c for c in main.children if c.dep_ == "obj"]
        candidates = objects or [t for t in own_clause(main) if t.pos_ == "NOUN"]  # (`lancé un appel`: no)
        fired = next((t for t in candidates if is_projectile(t)), None)
        if fired is not None:
            lemma, theme = "attaquer", pairs("units").get(fired.lower_, fired.lemma_.lower())
    if (
        lemma in words("impact_verbs")
        and main.pos_ == "VERB"
        and (_struck_by_projectile(main) or lemma == "abattre")
        and not _has_human_patient(main)
    ):
        # `l'avion a été touché par un missile`, `abattu par un missile sol-air`, `un missile a atteint la base`,
        # `a abattu un avion`: a strike on the thing hit (a person hit is a casualty, and keeps its verb)
        lemma = "attaquer"
    if lemma in words("target_verbs") and main.pos_ == "VERB" and (_struck_by_projectile(main) or _fired_with(main)):
        # `des frappes ont visé des milices`, `a ciblé la base avec des missiles`: an attack; not `la mesure vise les
        # entreprises`, `il est visé par une plainte` (to concern, to aim at)
        lemma = "attaquer"
    if lemma == "arrêter" and main.pos_ == "VERB" and not is_reflexive(main) and _has_human_patient(main):
        lemma = "interpeller"  # `le suspect a été arrêté`: an arrest, not a stop (`arrêter les opérations`)
    if main.pos_ == "VERB" and lemma in pairs("pronominal_senses") and is_reflexive(main):
        lemma = pairs("pronominal_senses")[lemma]  # `des roquettes se sont abattues` fell; nobody was killed
    return lemma, theme


def is_anaphoric_event_noun(head: Token | None) -> bool:
    """The proposition's event is a definite, possessed or demonstrative noun (`notre départ`, `ce
    retrait`, `le départ`): an event already known from the discourse, whose unstated participants
    are those of its antecedent (an indefinite, `un départ`, introduces a new one)."""
    if head is None or head.pos_ != "NOUN":
        return False
    return any(
        c.dep_ == "det"
        and ("Def" in c.morph.get("Definite") or "Yes" in c.morph.get("Poss") or "Dem" in c.morph.get("PronType"))
        for c in head.children
    )


def is_projectile(noun: Token) -> bool:
    """A projectile, a shot or a strike (`missile`, `roquettes`, `obus`), by its lemma or by the word as written
    (`obus` is lemmatised `obu`)."""
    units = pairs("units")
    return any(
        units.get(form, form) in words("projectiles")
        for form in (noun.lemma_.lower(), noun.lower_, noun.lower_.removesuffix("s"))
    )


def _struck_by_projectile(verb: Token) -> bool:
    """The verb's agent (passive `par un missile`, or active subject) is a projectile, or a shot or a strike
    of one (`un tir de missile`)."""
    return any(
        is_projectile(noun)
        for child in verb.children
        if child.dep_ in ("obl:agent", "nsubj")
        for noun in [child, *(c for c in child.children if c.dep_ == "nmod")]
    )


def _is_firearm(noun: Token) -> bool:
    """A projectile, a firearm, its shot or ammunition (`lexicons/firearms.txt`), or a shot of one (`des tirs de
    roquettes`, `des coups de feu`)."""
    return any(
        is_projectile(t) or t.lemma_.lower() in words("firearms") or t.lower_.removesuffix("s") in words("firearms")
        for t in [noun, *(c for c in noun.children if c.dep_ == "nmod")]
    )


def _fires(verb: Token) -> bool:
    """`tirer` in its sense of firing: what is fired is a projectile or a shot (`ont tiré des roquettes`, `des coups de
    feu ont été tirés`), or nothing is (`les soldats ont tiré`, `a tiré sur la foule`, `tirer à balles réelles`). With
    another object it is a light verb (`tirer les leçons`, `tirer profit`, `tirer la sonnette d'alarme`); pronominal
    or with `en` (`s'en tirer`) or with an idiom's complement (`tirer au sort`, `tire à sa fin`) it is no firing."""
    if any(_is_firearm(c) for c in verb.children if is_complement(c, "à", "avec")):
        return True  # (`ont tiré à l'arme à feu`, `tirer à balles réelles`, whatever else the parser found)
    passive = "Pass" in verb.morph.get("Voice") or any(c.dep_ == "aux:pass" for c in verb.children)
    fired = [
        c
        for c in verb.children
        if (c.dep_ == "obj" or (passive and c.dep_ in ("nsubj", "nsubj:pass")))
        and c.pos_ in ("NOUN", "PROPN", "PRON")
        and c.lower_ not in words("bare_times")
        and any(ch.isalpha() for ch in c.text)  # (not a stray hyphen the parser took for one)
    ]
    if fired:
        return any(_is_firearm(c) for c in fired)
    if is_reflexive(verb) or any(c.lower_ == "en" and c.i < verb.i for c in verb.children):
        return False
    return not any(
        c.dep_.startswith(("obl", "nmod")) and c.lemma_.lower() in words("non_firing_complements")
        for c in verb.children
    )


def _fired_with(verb: Token) -> bool:
    """A projectile, or a shot of one, is what the verb's clause says it was done with or by, however the parser
    attached it (`a visé la base avec des missiles`, `visée par des tirs de roquettes`)."""
    means = [t for t in own_clause(verb) if is_complement(t, "avec", "par")]
    return any(is_projectile(noun) for t in means for noun in [t, *(c for c in t.children if c.dep_ == "nmod")])


@cache
def _support_nouns() -> dict[str, frozenset[str]]:
    """{support verb: the nouns it supports} (`lexicons/support_verbs.csv`): `prendre une décision` = décider,
    not `prendre le départ`."""
    nouns: dict[str, set[str]] = {}
    for row in table("support_verbs"):
        nouns.setdefault(row["verb"], set()).add(row["noun"])
    return {verb: frozenset(found) for verb, found in nouns.items()}
