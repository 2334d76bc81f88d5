"""Description: the claim one clause makes under its attribution, from what each phenomenon module reads in it."""

from __future__ import annotations

from spacy.tokens import Token

from transforms.claims.aspect import (
    is_anterior,
    is_bare_infinitive,
    is_concurrent,
    is_simple_imperfect,
    noun_dates,
    timed_by_event,
)
from transforms.claims.clauses import SUBORDINATE_DEPS, clause_extent, is_question
from transforms.claims.event_key import NO_EVENT, event_head, is_anaphoric_event_noun, is_commitment, key_of_head
from transforms.claims.hedging import (
    HEDGE_PHRASES,
    SHARE_SPEAKER,
    is_alleged_report,
    is_hedged,
    is_restricted,
    modal_verb,
)
from transforms.claims.lexicon import reporting_lexicon, toll_classes
from transforms.claims.model import NO_THEME, Attribution, Claim, Clause
from transforms.claims.negation import denial_scope, is_negated_report, polarity_of
from transforms.claims.participants import core_arguments, event_agent, event_is_new_instance, theme_owned
from transforms.claims.quantities import quantity_of
from transforms.claims.reporting import PRONOUN_SPEAKER
from transforms.claims.syntax import is_complement, relative_subject, verb_group_start_index


def describe(clause: Clause, attribution: Attribution) -> Claim:
    """The claim `clause` makes, said as `attribution` says. A presupposed clause is the article's own: no
    speaker, no reporting verb (the source word of `selon X, P` is kept)."""
    sentence, main, tokens = clause.sentence, clause.main, clause.tokens
    own = clause.presupposed
    verb = None if own else attribution.verb
    speaker = None if own else attribution.speaker
    speaker_text = None if own else attribution.speaker_text
    span = None if own else attribution.span
    stance = reporting_lexicon().get(verb.lemma_) if verb is not None else None
    head = event_head(main)  # (once per claim: the polarity, the key and the flags below read it)
    predicate, theme, key = NO_EVENT if _asserts_no_event(clause, attribution, verb, stance) else key_of_head(head)
    polarity, cue = _polarity(clause, attribution, verb, stance, head)
    quantity, unit, op, upper = quantity_of(tokens, toll=key.split("|")[0] in toll_classes())
    reported = verb is not None and attribution.kind == "indirect"  # indirect speech, with its verb
    return Claim(
        article_id=sentence.article_id,
        sentence_idx=sentence.index,
        char_start=clause.start,
        char_end=clause.end,
        text=sentence.text[clause.start : clause.end],
        quote_kind="narrative" if own else attribution.kind,
        speaker_text=speaker_text,
        speaker_start=speaker[0] if speaker else None,
        speaker_end=speaker[1] if speaker else None,
        attribution_start=span[0] if span else None,
        attribution_end=span[1] if span else None,
        reporting_verb=attribution.source_word or (verb.lemma_ if verb is not None else None),
        stance=stance,
        polarity=polarity,
        hedged=_hedged(clause, attribution, verb),
        predicate=predicate,
        theme=theme,
        event_key=key,
        negation=cue,
        quantity=quantity,
        quantity_unit=unit,
        quantity_op=op,
        quantity_max=upper,
        arguments=core_arguments(main),
        nominal_report=attribution.nominal and verb is not None,
        concurrent=reported and is_concurrent(main),
        anterior=is_anterior(main),
        timed_by_event=timed_by_event(main, tokens, sentence.timex_spans),
        denial_scope=denial_scope(main) if polarity == -1 else None,
        theme_owned=theme_owned(main),
        restricted=is_restricted(tokens, main) or bool(speaker_text and SHARE_SPEAKER.search(speaker_text)),
        new_instance=event_is_new_instance(head),
        # (in indirect speech the imperfect is the present of the report: `a dit qu'il gelait`)
        imperfect=is_simple_imperfect(main) and not reported,
        modal=modal_verb(main),
        agent=event_agent(main),
        subject_text=_missing_subject(clause),
        subordinate=_subordinate(clause),
        pronoun_speaker=attribution.continues_speaker or _pronoun_speaker(speaker_text, verb),
        anaphoric=theme == NO_THEME and is_anaphoric_event_noun(head),
    )


def _asserts_no_event(clause: Clause, attribution: Attribution, verb: Token | None, stance: str | None) -> bool:
    """The clause states no event sources could disagree on, whatever its head names."""
    if attribution.kind != "indirect" and is_bare_infinitive(clause.main):
        # `Ne pas ouvrir le marché de Noël serait céder…`: an infinitive heading the sentence is a topic or a
        # hypothesis, not a statement that the market is (not) open (an infinitive reported by a verb, `a démenti
        # avoir frappé`, is an indirect claim and keeps its event)
        return True
    if is_question(clause.sentence.text, clause.start, clause.end):
        # `Si j'étais une femme, vous m'auriez serré la main ?`: a question asserts nothing, whoever asks it
        return True
    # `a demandé à X de quitter la présidence`, `appelle à manifester`: what is asked for or urged has not
    # happened, and may never (as for a wish, `event_key._is_wish`); nor what is threatened or promised (`a
    # menacé d'enterrer l'ambassadeur`, `promet de baisser les impôts`)
    return stance == "request" or (verb is not None and is_commitment(verb, clause.main))


def _polarity(
    clause: Clause, attribution: Attribution, verb: Token | None, stance: str | None, head: Token | None
) -> tuple[int, str | None]:
    """The clause's own polarity and negation cue (`negation.polarity_of`), reversed by a denial verb: `a démenti
    avoir frappé`, `dément que P`; not the words it quotes, which carry their own negation (`"On n'écrase
    personne", s'est-il défendu`), nor a negated denial (`n'a pas démenti que P`)."""
    polarity, cue = polarity_of(clause.tokens, clause.main, head)
    if stance == "deny" and not is_negated_report(verb) and attribution.kind != "direct":
        return -polarity, f"{verb.lemma_} ({cue})" if cue else verb.lemma_
    return polarity, cue


def _hedged(clause: Clause, attribution: Attribution, verb: Token | None) -> bool:
    """Hedged by the clause itself (`hedging.is_hedged`), by a negated report (`Rien ne permet d'affirmer que
    P`), by a report in the conditional (`aurait dit la reine`), or by a hedge phrase in its attribution."""
    text = clause.sentence.text
    reported_in_past = verb is not None and (
        "Past" in verb.morph.get("Tense") or any(c.dep_.startswith("aux") for c in verb.children)
    )
    if (
        is_hedged(clause.tokens, text[clause.start : clause.end], reported_in_past, clause.main)
        or (verb is not None and is_negated_report(verb))
        or (verb is not None and is_alleged_report(verb))
    ):
        return True
    span = attribution.span
    return span is not None and not clause.presupposed and bool(HEDGE_PHRASES.search(text[span[0] : span[1]]))


def _subordinate(clause: Clause) -> list[list[int]]:
    """Extents of what the clause holds that its event's dates must not be read from: subordinate clauses, and
    dates that complement a noun (`aspect.noun_dates`)."""
    main, sentence = clause.main, clause.sentence
    extents = [
        clause_extent(t) for t in clause.tokens if t.dep_ in SUBORDINATE_DEPS and main is not None and t.i != main.i
    ]
    return extents + noun_dates(sentence.doc, sentence.timex_spans, clause.start, clause.end, main)


def _pronoun_speaker(speaker_text: str | None, verb: Token | None) -> bool:
    """The speaker is a pronoun (`a-t-il dit`), or an impersonal `on peut y lire` names no document: the last
    named speaker's (`linking`)."""
    if speaker_text and PRONOUN_SPEAKER.match(speaker_text.strip()):
        return True
    return verb is not None and verb.lemma_ == "lire" and not speaker_text


def _missing_subject(clause: Clause) -> str | None:
    """The words of the subject a clause leaves out, so that its label reads as an event (`une attaque de drone
    américaine, qui a tué le général` → `une attaque de drone américaine` + `a tué le général`, not `A tué le
    général`): the antecedent of a relative `qui`, or the subject a verb shares with the one it is coordinated with
    (`Des missiles ont frappé la base et ont blessé onze soldats`). None when the clause does not open on its verb
    group (its subject or another phrase comes first), or when no subject is found before it."""
    main = clause.main
    if main is None or main.pos_ not in ("VERB", "AUX") or not _opens_on_its_verb(clause, main):
        return None
    finite = next((c for c in main.children if c.dep_.startswith("aux")), main)
    if "Fin" not in finite.morph.get("VerbForm"):
        return None  # a participle or an infinitive (`Mis en examen…`): no subject of its own to put back
    relative = relative_subject(main)
    if relative is not None:
        subject = _antecedent(main, relative)
    elif main.dep_ == "conj" and main.head.pos_ in ("VERB", "AUX") and not _has_subject(main):
        subjects = [c for c in main.head.children if c.dep_.startswith("nsubj")]
        subject = subjects[0] if subjects else None
        if subject is not None and subject.lower_ == "qui":
            subject = _antecedent(main.head, subject)
        elif subject is not None and subject.pos_ == "PRON" and subject.lower_ not in _PERSONAL_SUBJECTS:
            subject = None  # (`celui-ci`, `ce`: a pronoun that says nothing once alone)
        elif subject is not None and _number(subject) not in (None, _number(finite)) and _number(finite):
            subject = None  # the verb does not agree with it: not its subject (a parse that joined two sentences)
    else:
        return None
    if subject is None or subject.idx >= clause.start:
        return None
    return _noun_phrase(subject, clause.start)


_PERSONAL_SUBJECTS = frozenset({"il", "elle", "ils", "elles", "on", "nous", "vous", "je", "j'", "j’", "tu"})


def _opens_on_its_verb(clause: Clause, main: Token) -> bool:
    """Nothing but a relative pronoun, a conjunction, an adverb, a clitic of the verb or punctuation comes before
    the verb group (`qui a tué`, `et ont riposté`, `puis s'est retiré`): the label would open on the verb."""
    first = verb_group_start_index(main)

    def before_the_verb(token: Token) -> bool:
        clitic = token.pos_ == "PRON" and token.head.i == main.i and not token.dep_.startswith("nsubj")
        return clitic or token.pos_ in ("PUNCT", "CCONJ", "SCONJ", "ADV") or token.lower_ == "qui"

    return any(t.i >= first for t in clause.tokens) and all(t.i >= first or before_the_verb(t) for t in clause.tokens)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_.startswith("nsubj") or c.dep_ == "expl:subj" for c in verb.children)


def _antecedent(verb: Token, relative: Token) -> Token | None:
    """What `qui` stands for: the noun right before it when no comma parts them (`le quinquagénaire qui a
    attaqué`), else the noun the relative clause hangs on; for a clause hung on a verb, that verb's object before it
    (`ont lancé une frappe de drone près de l'aéroport le 3 janvier, qui a tué`: the strike); else the nearest noun
    or name before `qui`. The antecedent agrees in number with the verb of `qui` (`une opération, …
    des lésions qui ont empiré`: not the operation); none that does: None."""
    number = _number(next((c for c in verb.children if c.dep_.startswith("aux")), verb))  # (the finite verb's)
    head = verb.head
    candidates = []
    before = verb.doc[relative.i - 1] if relative.i > verb.sent.start else None
    if before is not None and _is_nominal(before):
        candidates.append(before)  # a relative without a comma restricts the noun right before it
    if verb.dep_ == "acl:relcl" and _is_nominal(head):
        candidates.append(head)
    if head.i != verb.i and head.pos_ in ("VERB", "AUX"):
        objects = [c for c in head.children if c.dep_ == "obj" and _is_nominal(c) and c.i < relative.i]
        candidates.extend(reversed(objects))
    candidates.extend(reversed([t for t in verb.doc[verb.sent.start : relative.i] if _is_nominal(t)]))
    found = next((t for t in candidates if number is None or _number(t) in (None, number)), None)
    while found is not None and found.dep_.startswith("flat") and found.head.i != found.i:
        found = found.head  # (`Qassem Soleimani qui`: the name from its first word)
    return found


def _is_nominal(token: Token) -> bool:
    """A noun, a name, or an adjective used as a noun (`le quinquagénaire`, tagged as an adjective)."""
    return token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADJ" and any(c.dep_ == "det" for c in token.children))


def _number(token: Token) -> str | None:
    found = token.morph.get("Number")
    return found[0] if found else None


# the dependents of a noun that belong to a short description of it: `une attaque de drone américaine`, not the
# places, dates and clauses around it
_DESCRIPTION_DEPS = ("det", "amod", "nummod", "flat", "flat:name", "fixed", "compound", "appos")


def _noun_phrase(noun: Token, before: int) -> str | None:
    """The noun with its determiner, adjectives and `de` complements (`une frappe de drone`, `le président
    iranien Hassan Rohani`), the words in a row around it that end before offset `before`."""
    kept, stack = {noun.i}, [noun]
    while stack:
        token = stack.pop()
        for child in token.children:
            described = child.dep_ in _DESCRIPTION_DEPS or (child.dep_ == "nmod" and is_complement(child, "de"))
            if (described or (child.dep_ == "case" and token.i != noun.i)) and child.idx < before:
                kept.add(child.i)
                stack.append(child)
    start = end = noun.i
    while start - 1 in kept:
        start -= 1
    while end + 1 in kept:
        end += 1
    doc = noun.doc
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and (doc[end].is_punct or doc[end].pos_ in ("ADP", "DET", "CCONJ")):
        end -= 1  # (`Un réseau de`: the complement lies in the clause)
    words = doc[start : end + 1].text
    return words if sum(ch.isalpha() for ch in words) >= 2 else None
