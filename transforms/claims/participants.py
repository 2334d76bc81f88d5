"""Who and what takes part in a proposition's event: its theme, agent and core arguments."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from transforms.actors import translit_key
from transforms.claims.lexicon import words
from transforms.claims.model import NO_THEME
from transforms.claims.negation import followed_by_ne
from transforms.claims.syntax import infinitive_complement, noun_participants, relative_subject
from transforms.numbers_fr import APPROXIMATE
from transforms.text_norm import fold_accents


def _name_key(token: Token) -> str:
    """A participant's key: a named one (`le général iranien Qassem Soleimani`) by the
    transliteration-tolerant key of its last name, so spellings meet; a common noun by its lemma."""
    names = (
        [token]
        if token.pos_ == "PROPN"
        else [c for c in token.children if c.pos_ == "PROPN" and c.dep_ in ("appos", "flat:name", "flat")]
    )
    if names:
        name = names[0]
        chain = [name, *[c for c in name.subtree if c.dep_.startswith("flat") and c.i > name.i]]
        return translit_key(chain[-1].text) or token.lemma_
    return token.lemma_


def participant_key(token: Token) -> str:
    """`_name_key`, or `_` for a name reduced to punctuation (it names nothing)."""
    key = _name_key(token)
    return key if any(ch.isalnum() for ch in key) else NO_THEME


def theme_of(main: Token) -> str:
    """Key of the event's theme: an event noun's complement, else its first participant (object, then subject),
    the antecedent of a relative subject, the noun a participle is appended to, or an infinitive's theme; `_`
    when it names none (a negative pronoun, a count without its counted noun)."""
    # (a noun with an auxiliary is a verb the tagger missed: `Treize militaires sont morts`)
    if main.pos_ in ("NOUN", "PROPN") and not any(c.dep_.startswith("aux") for c in main.children):
        for child in main.children:
            if child.dep_ in ("nmod", "obl", "obj") and child.pos_ in ("NOUN", "PROPN"):
                return _name_key(child)
        return NO_THEME
    chosen = noun_participants(main)[:1]
    relative = relative_subject(main)
    if not chosen and relative is not None:
        # `la formation, qui se poursuivait depuis 2015`: the relative pronoun's antecedent, the noun
        # right before it (whatever the parser attached the clause to)
        before = [t for t in main.doc[max(0, relative.i - 3) : relative.i] if t.pos_ in ("NOUN", "PROPN")]
        chosen = before[-1:]
        if chosen and is_time_noun(chosen[0]):
            # (`une grève le 3 mars, qui a été suspendue`: the strike, not the date)
            chosen = [t for t in [_past_date(chosen[0])] if t is not None]
    if not chosen and main.dep_ == "acl" and not any(c.dep_.startswith("aux") for c in main.children):
        # `Soleimani, tué le 3 janvier`: the participle's patient is the noun it is appended to, the
        # nearest one before the comma (French apposition), whatever the parser attached it to
        before = main.doc[main.i - 1] if main.i > 0 else None
        if before is not None and before.text == "," and main.i > 1 and main.doc[main.i - 2].pos_ in ("NOUN", "PROPN"):
            chosen = [main.doc[main.i - 2]]
        elif main.head.pos_ in ("NOUN", "PROPN"):
            chosen = [main.head]
    if not chosen:
        for c in main.children:
            if c.dep_ == "xcomp" and c.pos_ == "VERB":
                return theme_of(c)
        return NO_THEME
    if chosen[0].lower_ in ("personne", "rien") and followed_by_ne(chosen[0]):
        return NO_THEME  # `personne n'a été blessé`: the negative pronoun names no participant
    if chosen[0].lemma_.lower() in APPROXIMATE or chosen[0].lemma_.lower() in words("collective_nouns"):
        # `des dizaines de roquettes`: the counted noun is the participant, not the count
        counted = next((c for c in chosen[0].children if c.dep_ == "nmod" and c.pos_ == "NOUN"), None)
        return _name_key(counted) if counted is not None else NO_THEME
    return participant_key(chosen[0])


def _is_participle_adjunct(verb: Token) -> bool:
    """A present participle or gerund without a subject of its own, hung on a clause or a noun."""
    return (
        verb.dep_ in ("advcl", "acl")
        and "Part" in verb.morph.get("VerbForm")
        and "Pres" in verb.morph.get("Tense")
        and not any(c.dep_.startswith("nsubj") for c in verb.children)
    )


def is_time_noun(token: Token) -> bool:
    """A day, a month or a noun of time (`lexicons/bare_times.txt`, `time_heads.txt`, `time_nouns.txt`): `mardi`,
    `janvier`, `la semaine`, `l'année`."""
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in _time_nouns()


@cache
def _time_nouns() -> frozenset[str]:
    return frozenset(words("bare_times") | words("time_heads") | words("time_nouns"))


def _past_date(time: Token) -> Token | None:
    """The antecedent of a relative `qui` that follows a date (`la frappe du 3 janvier, qui a tué`, `a lancé une
    frappe le 3 janvier, qui a tué`): a date does not act, it dates what the relative is about. That is the noun
    the date complements, or else the object of the verb the date is an adjunct of; None when neither is there."""
    root = time
    # up the date itself (`le 3 janvier`: the day's number; `la nuit de mardi`: the night)
    while root.head.i != root.i and (root.head.pos_ == "NUM" or is_time_noun(root.head)):
        root = root.head
    head = root.head
    if head.i == root.i:
        return None
    if head.pos_ in ("NOUN", "PROPN"):
        return head
    if head.pos_ in ("VERB", "AUX"):
        objects = [c for c in head.children if c.dep_ == "obj" and c.i < root.i and not is_time_noun(c)]
        return objects[-1] if objects else None
    return None


def event_agent(main: Token | None) -> str | None:
    """Key of the event's agent: the named or nominal subject of a verb with an object (`Emmanuel Macron
    a entamé ses vacances` → Macron's key), or the agent complement of a passive (`personne n'a été
    blessé par un projectile` → `projectile`), or None (a pronoun, `qui`, an intransitive or passive
    subject, no subject). Claims naming different agents are about different events (`la cote du chef
    de l'Etat gagne 6 points` / `Édouard Philippe gagne un point`)."""
    if main is None:
        return None
    if _is_participle_adjunct(main):
        # `un homme a lancé sa voiture contre la foule, tuant deux personnes`: the participle's subject
        # is the clause's subject (adverbial) or the noun it qualifies (adnominal)
        head = main.head
        if main.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            return _name_key(head)
        subjects = [c for c in head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
        return _name_key(subjects[0]) if subjects else None
    if any(c.dep_ == "aux:pass" for c in main.children):
        by = [c for c in main.children if c.dep_ == "obl:agent" and c.pos_ in ("NOUN", "PROPN")]
        return _name_key(by[0]) if by else None
    # (`a décidé de ne pas porter plainte`: who decides is who acts)
    decides = main.lemma_ in words("decision_verbs") and infinitive_complement(main) is not None
    if main.lemma_ in words("undergoing_verbs") or not (decides or any(c.dep_ == "obj" for c in main.children)):
        # without an object the subject is what undergoes the event (`les opérations ont repris`),
        # its theme, not an agent
        return None
    subjects = [
        c
        for c in main.children
        if c.dep_ == "nsubj" and (c.pos_ in ("NOUN", "PROPN", "PRON") or c.lower_ in words("anaphoric_pronouns"))
    ]
    if subjects and subjects[0].lower_ == "qui":
        # `Alain Finkielkraut, qui a décidé de ne pas porter plainte`: the relative's antecedent, the noun
        # right before it (however the parser attached the clause)
        before = subjects[0].i - 1
        while before >= 0 and main.doc[before].is_punct:
            before -= 1
        antecedent = main.doc[before] if before >= 0 else None
        if main.dep_ == "acl:relcl" and main.head.pos_ in ("NOUN", "PROPN"):
            antecedent = main.head  # (`une frappe de drone, qui a tué`: the frappe, not the drone)
        if antecedent is not None and is_time_noun(antecedent):
            antecedent = _past_date(antecedent)
        if antecedent is not None and antecedent.pos_ in ("NOUN", "PROPN"):
            while antecedent.dep_ == "flat:name" and antecedent.head.i != antecedent.i:
                antecedent = antecedent.head
            return _name_key(antecedent)
        return None
    if subjects and subjects[0].pos_ not in ("NOUN", "PROPN"):
        # `aucun n'a porté plainte`, `il a tué deux personnes`: someone the article named before, not
        # known to be the agent another claim names
        return UNRESOLVED_AGENT if subjects[0].lower_ in words("anaphoric_pronouns") else None
    return _name_key(subjects[0]) if subjects else None


UNRESOLVED_AGENT = "?"


def core_arguments(main: Token | None) -> list[str]:
    """Lemmas of the event's participants: subject, objects and obliques of the predicate (and of an
    event noun's complements). Two reports of one event share some of them across articles."""
    if main is None:
        return []
    heads = [main, *[c for c in main.children if c.dep_ == "obj" and c.pos_ == "NOUN"]]
    found = []
    for head in heads:
        for child in head.children:
            if child.dep_.split(":")[0] in ("nsubj", "obj", "obl", "nmod") and child.pos_ in ("NOUN", "PROPN"):
                found.append(fold_accents(child.lemma_.lower()))
    return sorted(set(found))


def is_new_instance(noun: Token) -> bool:
    """`la nouvelle campagne`, `une autre attaque`, `3000 soldats supplémentaires`: not the one another report
    speaks of, nor a total (`lexicons/new_instance_words.txt`)."""
    return any(c.dep_ in ("amod", "det") and c.lemma_.lower() in words("new_instance_words") for c in noun.children)


def event_is_new_instance(head: Token | None) -> bool:
    """The event (its head, see `event_head`), or its theme, is marked as another occurrence (`la
    nouvelle campagne débutera dimanche`, `une nouvelle attaque`): not one an earlier report dated."""
    if head is None:
        return False
    return any(is_new_instance(t) for t in [head, *noun_participants(head)] if t.pos_ in ("NOUN", "PROPN"))


def theme_owned(main: Token | None) -> bool:
    """The theme is possessed (`Emmanuel Macron a entamé ses vacances`): the event is the agent's own,
    and a report naming no agent (`les vacances ont débuté samedi`) may be someone else's."""
    if main is None:
        return False
    participants = noun_participants(main)
    return bool(participants) and any("Yes" in c.morph.get("Poss") for c in participants[0].children)
