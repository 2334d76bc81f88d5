"""Clauses: a proposition cut into the clauses that each state something, and the subordinate clauses
whose dates do not date it."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from transforms.claims.lexicon import pairs, reporting_lexicon, words
from transforms.claims.model import Attribution, Clause, Sentence
from transforms.claims.syntax import (
    CLAUSE_SUBJECTS,
    NE,
    OPEN_QUOTES,
    QUE,
    SI,
    is_finite,
    main_token,
    relative_subject,
    tokens_in,
    trim,
)

# Clauses that describe something else than the proposition's own event: their dates do not date it.
SUBORDINATE_DEPS = frozenset({"acl", "acl:relcl", "advcl", "parataxis", "csubj", "ccomp"})


def _coordinated_main_clause(verb: Token | None, start: int, end: int) -> int | None:
    """Where a clause coordinated with the reporting verb begins inside what seems reported (`On m'a dit
    qu'il y avait une femme enceinte sur le bateau mais je ne l'ai pas vue`: `mais`), or None. Another
    reporting verb (`a dit que P et a ajouté que Q`) is left to the report."""
    if verb is None:
        return None
    for c in verb.children:
        if c.dep_ == "conj" and start < c.idx < end and is_finite(c) and c.lemma_ not in reporting_lexicon():
            cc = next((g for g in c.children if g.dep_ == "cc" and g.idx > start), None)
            return (cc or c.left_edge).idx if (cc or c.left_edge).idx > start else None
    return None


def _is_non_factual_clause(verb: Token) -> bool:
    """The verb of a clause opened by `si`, `tant que`, `à condition que`, `avant que`, `pour que`, `sans
    que`… (`bien que`, `parce que`, `alors que` state facts)."""
    for mark in (c for c in verb.children if c.dep_ == "mark"):
        if mark.lower_ in SI or mark.lower_ in words("non_factual_subordinators"):
            return True  # (`tant que`, `avant que`: the parser's mark is the first word, `que` is fixed to it)
        if mark.lower_ in QUE and mark.i > 0:
            before = verb.doc[mark.i - 1].lower_
            if before in words("non_factual_subordinators") or f"{before}'" in words("non_factual_subordinators"):
                return True
    return False


def _is_event_clause(token: Token, main: Token | None) -> bool:
    """A relative, participial or adverbial clause whose verb names an event of the class lexicon."""
    return (
        main is not None
        and token.i != main.i
        and (token.dep_ in ("acl", "acl:relcl", "advcl") or relative_subject(token) is not None)
        and token.pos_ == "VERB"
        and token.lemma_.lower() in pairs("predicate_classes")
        and not _is_non_factual_clause(token)
        # an infinitive (`pour reprendre les opérations`) is an aim, not an event that happened
        and "Inf" not in token.morph.get("VerbForm")
        and not any(c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in token.children)
    )


def clause_extent(head: Token) -> list[int]:
    """Character extent of a subordinate clause. An incise opened by a comma (`, où sont stationnées
    les troupes,`) ends at its closing comma, even when the parser hangs what follows on it."""
    start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    doc = head.doc
    if head.left_edge.i > 0 and doc[head.left_edge.i - 1].text == ",":
        # the incise closes at a comma followed by a coordination (`…, et un autre …`), even when the
        # parser hangs the next conjunct on the clause; an apposition (`…, Abou Mehdi, …`) stays inside
        closing = [
            t
            for t in head.subtree
            if t.text == ","
            and t.i > head.i
            and t.i + 1 < len(doc)
            and doc[t.i + 1].lower_ in ("et", "mais", "ou", "puis", "tandis", "alors")
        ]
        if closing:
            end = closing[0].idx
    return [start, end]


_NEGATIVE_SUBJECT_CLAUSE = re.compile(
    r"\s*,?\s+(?:et|mais)\s+(?=(?:personne|rien|aucune?|nulle?)\b[^,;.]{0,60}?\bn(?:e\b|['’]))", re.I
)


def _coordinated_participle(main: Token | None) -> tuple[Token, Token] | None:
    """(participle, coordinator) of a second participle sharing the main one's subject and
    auxiliaries (`a été tué ni blessé`, `a été arrêté et placé en garde à vue`), or None."""
    if main is None or main.pos_ != "VERB" or "Part" not in main.morph.get("VerbForm"):
        return None
    for child in main.children:
        if child.dep_ != "conj" or child.i < main.i or child.pos_ != "VERB":
            continue
        if "Part" not in child.morph.get("VerbForm"):
            continue
        coordinator = next((c for c in child.children if c.dep_ == "cc" and c.lower_ in ("ni", "et", "ou")), None)
        if coordinator is not None and not any(c.dep_.startswith(("nsubj", "aux")) for c in child.children):
            return child, coordinator
    return None


def _split_clauses(doc: Doc, start: int, end: int, text: str) -> list[tuple[int, int]]:
    """Split a proposition at top-level `, mais`, `;` and sentence ends (inside a quotation) between
    clauses that each have a verb, and at an `et` joining two finite verb groups (`ont rejeté cette
    demande et n'ont pas décidé de…`)."""
    cuts = [start]
    boundaries = [
        (start + m.start(), start + m.end()) for m in re.finditer(r"\s*(?:,\s*mais\s+|;\s+)", text[start:end])
    ]
    # sentences inside one quotation: "Nous continuons de nous organiser. Mais aucune opération n'a lieu",
    # also across an elision mark: "Cela n'a pas de précédent (...) Les dernières ingérences…"
    boundaries += [
        (start + m.start(), start + m.end())
        for m in re.finditer(
            r"(?<=[a-zà-ÿ)][.!?])\s+(?=[A-ZÀ-Ý])|\s*[(\[](?:\.\.\.|…)[)\]]\s+(?=[A-ZÀ-Ý])", text[start:end]
        )
    ]
    # `… ont retenti et personne n'a été tué`: a clause whose subject is a negative quantifier starts
    # after the coordination, however the parser attached it
    boundaries += [(start + m.start(), start + m.end()) for m in _NEGATIVE_SUBJECT_CLAUSE.finditer(text[start:end])]
    for t in tokens_in(doc, start, end):
        joins_verbs = t.dep_ == "cc" and t.head.dep_ == "conj" and is_finite(t.head) and is_finite(t.head.head)
        if t.lower_ in ("et", "mais") and joins_verbs and t.head.head.i < t.i < t.head.i:
            boundaries.append((t.idx, t.idx + len(t.text)))
        # `il n'accepte pas la contradiction, il transpire la haine`: a comma, then a subject pronoun and
        # its finite verb, starts a juxtaposed clause; split when one side only is negated, so that the
        # negation does not reach the other
        if (
            t.lower_ in CLAUSE_SUBJECTS
            and t.dep_.startswith("nsubj")
            and t.i > 0
            and doc[t.i - 1].text == ","
            and t.head.i > t.i
            and is_finite(t.head)
            # (not the words a verb on the left reports: `Il m'a dit 'Maman, je ne me sens pas bien'`)
            and t.head.head.lemma_ not in reporting_lexicon()
        ):
            comma = doc[t.i - 1]
            # (each side up to its neighbouring comma: the clauses themselves)
            left = max([start] + [text.rfind(mark, start, comma.idx) + 1 for mark in ",.;:!?"])
            right = min([end] + [k for k in (text.find(mark, t.idx, end) for mark in ",.;:!?") if k > 0])
            negated_left = any(x.lower_ in NE for x in tokens_in(doc, left, comma.idx))
            negated_right = any(x.lower_ in NE for x in tokens_in(doc, t.idx, right))
            if negated_left != negated_right:
                boundaries.append((comma.idx, comma.idx + 1))
    for left, right in sorted(boundaries):
        if left < cuts[-1]:
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in tokens_in(doc, cuts[-1], left)) and any(
            t.pos_ in ("VERB", "AUX") for t in tokens_in(doc, right, end)
        ):
            cuts.extend([left, right])
    cuts.append(end)
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    return [s for s in spans if s[1] > s[0]]


_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ)])[.!?](?=\s+[A-ZÀ-Ý])")


_QUESTION_END = re.compile(r"[\s\"»”’)]*\?")


def is_question(text: str, start: int, end: int) -> bool:
    """The proposition `text[start:end]` is a question: it ends with `?`, or its quotation closes on one."""
    return text[start:end].rstrip().endswith("?") or _QUESTION_END.match(text, end) is not None


def clauses_of(sentence: Sentence, attribution: Attribution) -> list[Clause]:
    """The clauses of what `attribution` attributes, in order: its coordinated clauses (`_split_clauses`), a
    clause coordinated with the reporting verb (the article's own, presupposed), then the events stated in
    their relative or participial clauses (presupposed); two participles sharing one subject and auxiliary
    (`personne n'a été tué ni blessé`) are two clauses, the first ending before the coordinator.

    Returns: one `Clause` per claim to describe."""
    text, doc = sentence.text, sentence.doc
    end = _reported_end(sentence, attribution)
    own = _coordinated_main_clause(attribution.verb, attribution.start, end) if attribution.kind == "indirect" else None
    # (start, end, forced main token, presupposed)
    queue: list[tuple[int, int, Token | None, bool]] = [
        (a, b, None, False) for a, b in _split_clauses(doc, *trim(text, attribution.start, own or end), text)
    ]
    if own is not None:
        queue.append((own, end, None, True))
    clauses = []
    while queue:
        a, b, forced_main, presupposed = queue.pop(0)
        a, b = trim(text, a, b)
        if b - a < 3:
            continue
        tokens = tokens_in(doc, a, b)
        if not tokens:
            continue
        main = forced_main or main_token(tokens)
        if forced_main is None:
            # events stated inside relative or participial clauses (`Soleimani, tué le 3 janvier`, `une
            # frappe…, qui a tué le général…`) are propositions of their own
            queue += [(*clause_extent(t), t, True) for t in tokens if _is_event_clause(t, main)]
            coordinated = _coordinated_participle(main)
            if coordinated is not None and a < coordinated[1].idx:
                # `personne n'a été tué ni blessé`: two events with one subject and one negation; this clause
                # ends before `ni`, the next one is the whole clause with `blessé` as head
                queue.insert(0, (a, b, coordinated[0], False))
                a, b = trim(text, a, coordinated[1].idx)
                tokens = tokens_in(doc, a, b)
        clauses.append(Clause(sentence, a, b, tokens, main, presupposed))
    return clauses


def _reported_end(sentence: Sentence, attribution: Attribution) -> int:
    """What a verb reports ends with its sentence, unless a quotation it opens goes on (a stray quotation mark
    can join two sentences: `La société réfute l'existence d'une politique… . Il n'y a pas de directive…",
    affirme le groupe`, where the second is not what is refuted)."""
    start, end = attribution.start, attribution.end
    if attribution.kind != "indirect":
        return end
    stop = _SENTENCE_END.search(sentence.text, start, end)
    if stop is not None and not any(q in sentence.text[start : stop.start()] for q in OPEN_QUOTES):
        return stop.start() + 1
    return end
