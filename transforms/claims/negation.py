"""Negation: whether a proposition's own predicate is denied, and what a denial is restricted to."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from transforms.claims.lexicon import words
from transforms.claims.syntax import (
    CLITICS_BEFORE_VERB,
    DE,
    NE,
    OBJECT_CLITICS,
    QUE,
    QUOTE_MARKS,
    in_parentheses,
    infinitive_complement,
    is_finite,
    is_infinitive,
    is_present_participle,
    noun_participants,
    opens_sentence,
)
from transforms.nlp import INFINITIVE_ENDINGS
from transforms.text_norm import fold_accents


def is_negated_verb(verb: Token) -> bool:
    """A verb negated by a word of its own (an adverb, its subject or its object: `n'a pas démenti`, `personne ne
    dément`); `plus` alone does not count."""
    return any(
        c.morph.get("Polarity") == ["Neg"] or c.lower_ in words("negators")
        for c in verb.children
        if c.dep_ in ("advmod", "nsubj", "obj") and c.lower_ not in ("plus",) or c.lower_ == "pas"
    )


def is_negated_report(verb: Token) -> bool:
    """The reporting verb is negated, or is the infinitive of a negated verb (`Rien ne permet d'affirmer
    que P`, `je ne peux pas dire que P`): nobody says P."""
    if is_negated_verb(verb):
        return True
    return is_infinitive(verb) and verb.dep_ in ("xcomp", "ccomp") and is_negated_verb(verb.head)


def _is_elliptical_pas(token: Token) -> bool:
    """`avait été anticipé, pas son intensité`, `lui, mais pas elle`: `pas` after a comma or a coordinator
    negates the phrase that follows it (the verb is elided), not the clause's verb."""
    if token.lower_ != "pas":
        return False
    if opens_sentence(token):
        # `Pas de miracle, la circulation s'annonce difficile`: a verbless `pas de N` opening the sentence
        # (inside a clause, `n'établit "pas de lien"`, it negates the verb)
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following is not None and following.lower_ in ("de", "d'", "d’", "question")
    k = token.i - 1
    while k > 0 and token.doc[k].text in QUOTE_MARKS:
        k -= 1  # (`mais "pas dans n'importe quelles conditions"`)
    before = token.doc[k]
    return before.text in (",", ";", "(") or before.lower_ in ("mais", "et", "ou", "non")


def _is_superlative_plus(token: Token) -> bool:
    """`le plus important`, `la plus grande`, `les plus touchés`: a superlative, not `ne … plus`."""
    return token.lower_ == "plus" and token.i > 0 and token.doc[token.i - 1].lower_ in ("le", "la", "les", "l'", "l’")


def _is_bound_pas(token: Token) -> bool:
    """`pas moins de 15 départements`, `(ne) … pas plus de 10 personnes`: `pas` bounds a count (at least,
    at most), it does not negate the verb."""
    if token.lower_ != "pas" or token.i + 3 >= len(token.doc):
        return False
    after = token.doc[token.i + 1 : token.i + 4]
    return (
        after[0].lower_ in ("moins", "plus") and after[1].lower_ in DE and (after[2].like_num or after[2].pos_ == "NUM")
    )


def followed_by_ne(token: Token) -> bool:
    """`personne n'a été blessé`, `personne, y compris les élus, ne sera exempté`: the noun-looking
    `personne` is the negative pronoun (an aside between commas may separate it from its `ne`)."""
    doc, nxt = token.doc, token.i + 1
    if nxt < len(doc) and doc[nxt].text == ",":
        close = next((t.i for t in doc[nxt + 1 : nxt + 16] if t.text == ","), None)
        if close is not None:
            nxt = close + 1
    return any(t.lower_ in NE for t in doc[nxt : nxt + 2])


def _is_literary_negation(ne: Token) -> bool:
    """`ne` alone negates `pouvoir`, `savoir` and `oser` (`les appels ne peuvent se traduire par des actes`),
    unless it is expletive (`avant qu'on ne puisse`, `plus qu'il ne sait`), restrictive with `que` (`ne peut
    que constater`, `ne peut la voir que le week-end`) or the idiom `je ne sais quel(le)`."""
    if ne.lower_ not in NE:
        return False
    doc, k = ne.doc, ne.i + 1
    while k < len(doc) and doc[k].lower_ in CLITICS_BEFORE_VERB:
        k += 1
    if k >= len(doc) or doc[k].lemma_ not in words("literary_negation_verbs") or doc[k].pos_ not in ("VERB", "AUX"):
        return False
    verb, sentence = doc[k], ne.sent
    if k + 1 < len(doc) and doc[k + 1].lower_.startswith(("quel", "quoi")):
        return False  # `il a trouvé je ne sais quel prétexte`: indefinite, nothing denied
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in QUE), None)
    if mark is not None and any(t.lemma_ in _expletive_triggers() for t in doc[max(mark.i - 3, 0) : mark.i]):
        return False
    # `ne … que` restricts: a `que` after the verb that is no relative pronoun, ends no comparison and opens
    # no finite clause, or that opens an adverbial (`que si`, `qu'en septembre`, `que dans les bureaux`)
    stop = next((t.i for t in doc[verb.i + 1 : sentence.end] if t.text in (".", "!", "?", ";")), sentence.end)
    for t in doc[verb.i + 1 : stop]:
        if t.lower_ not in QUE or t.pos_ == "PRON":
            continue
        if any(w.lower_ in words("comparatives") for w in doc[max(t.i - 2, 0) : t.i]):
            continue
        following = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
        opens_clause = t.dep_ == "mark" and t.head.i > t.i and is_finite(t.head)
        if (
            following in words("adverbial_openers")
            or t.text.endswith(("'", "’"))
            and following in ("en", "à", "au", "aux")
        ):
            return False
        if not opens_clause:
            return False
    return True


def _cue_text(tokens: list[Token]) -> str:
    """`n'… pas`, `ne … jamais`, `personne … ni`: the negation words as a reader sees them."""
    written = [t.text for t in tokens]
    joined = []
    for word in written:
        if joined and joined[-1].endswith(("'", "’")):
            joined[-1] += "… " + word
        elif joined:
            joined.append("… " + word)
        else:
            joined.append(word)
    return " ".join(joined)


def polarity_of(tokens: list[Token], main: Token | None, head: Token | None) -> tuple[int, str | None]:
    """-1 when the proposition's own predicate is negated (`n'ont pas repris`, `personne n'a été tué`);
    `head` is the event `main` names (`event_head`)."""
    has_ne = any(t.lower_ in NE for t in tokens)
    strong = [
        t
        for t in tokens
        if t.lower_ in words("negators")
        and (t.lower_ not in ("plus", "ni") or has_ne)  # (`sans les sacs, ni le convoyeur`: no `ne`)
        and not _is_superlative_plus(t)  # (`le plus important débat`)
        # `personne` is a person unless it is the subject of `ne` (`personne n'a été blessé`) or the object
        # of a verb that has one (`on n'écrase personne`)
        and not (
            t.lower_ == "personne"
            and t.pos_ == "NOUN"
            and not followed_by_ne(t)
            and not any(c.lower_ in NE and c.i < t.i for c in t.head.children)
        )
        and not (t.lower_ == "point" and t.pos_ == "NOUN")  # `point final`, not `ne … point`
        and not _is_elliptical_pas(t)
        and not _is_bound_pas(t)
    ]
    # spoken French drops `ne` (`J'ai pas reçu d'invitation`): `pas` on a verb still negates it
    colloquial = any(
        t.lower_ == "pas" and t.head.pos_ in ("VERB", "AUX") and not _is_elliptical_pas(t) and not _is_bound_pas(t)
        for t in tokens
    )
    if (
        not has_ne
        and not colloquial
        and not any(t.lower_ in ("aucun", "aucune", "sans", "jamais", "nullement") for t in tokens)
    ):
        return 1, None
    literary = [t for t in tokens if _is_literary_negation(t)]  # (`ne peut être tenu responsable`)
    if has_ne and not strong and not literary:
        return 1, None  # restrictive `ne … que`, expletive `ne`
    if main is None:
        return -1, _cue_text(strong[:2])
    if continued_action(main) is not None:
        return 1, None  # `ne cesse de progresser`, `n'a pas arrêté de pleuvoir`: it goes on
    leading = [t for t in tokens if t.i < main.i]
    if (
        is_infinitive(main)
        and any(t.lower_ in words("negators") for t in leading)
        and all(t.lower_ in infinitive_negators() or t.is_quote for t in leading)
    ):
        return -1, _cue_text([t for t in leading if not t.is_quote])  # `ne pas "avoir de date"`
    ids = {t.i for t in tokens}
    of_infinitive = _infinitive_negation(tokens, {main.i, (head or main).i})
    # a negated decided action negates the event (`ont décidé de ne plus marquer l'arrêt`: the event is
    # `marquer`, head of its own infinitive clause, which the walk to `main` would stop at)
    targets = {main.i} | ({head.i} if head is not None and head.i in ids and is_infinitive(head) else set())
    negations = strong + ([t for t in tokens if t.lower_ in NE] if strong else literary)
    for t in negations:
        if t.i in of_infinitive:
            continue  # `la consigne avait été donnée de ne pas l'interpeller`: the infinitive is negated
        if t.lower_ == "ni" and has_ne and t.head.pos_ not in ("VERB", "AUX"):
            # `ni` before a phrase coordinates negated phrases, and the verb's own `ne` says which verb is
            # negated (`en homme libre qui n'aura transigé ni avec ce qu'il est, ni avec ce qu'il pense`,
            # the second `ni` hung on the main verb); before a verb it negates it (`tué ni blessé`)
            continue
        node, blocked, hops = t, in_parentheses(t) and not in_parentheses(main), 0
        # (`D (deux trains sur cinq et aucune circulation…)`: a negation in an aside negates the aside)
        while node.i not in targets and hops < 12:
            if node.i != t.i and _is_clause_boundary(node):
                blocked = True  # the negation belongs to a subordinate or coordinated clause
                break
            if any(c.dep_ == "case" and c.lower_ == "sans" for c in node.children):
                blocked = True  # `retrouvé sans les sacs, ni le convoyeur`: the phrase is negated, not the verb
                break
            if node.head.i == node.i or node.head.i not in ids:
                break
            node, hops = node.head, hops + 1
        if not blocked and node.i in targets:
            cue = _cue_text([x for x in tokens if x.lower_ in NE or x in strong])
            return -1, cue
    return 1, None


def _infinitive_negation(tokens: list[Token], own: set[int]) -> set[int]:
    """Indices of `ne pas` (`ne plus`, `ne jamais`…) negating an infinitive other than the claim's `own`
    verbs (its main verb and the event it names: `a décidé de ne plus fumer` is about not smoking), read
    from the words (the parser sometimes tags the infinitive as a noun: `de ne pas l'interpeller`)."""
    found: set[int] = set()
    for i, t in enumerate(tokens[:-2]):
        if t.lower_ == "ne":
            # `ne m'avoir jamais remis`: the negation's second word after a compound infinitive's auxiliary
            k = i + 1
            while k < len(tokens) and tokens[k].lower_ in OBJECT_CLITICS:
                k += 1
            if (
                k + 1 < len(tokens)
                and "Inf" in tokens[k].morph.get("VerbForm")
                and tokens[k].dep_.startswith("aux")
                and tokens[k].head.i not in own
                and tokens[k + 1].lower_ in words("negation_after_ne")
            ):
                found.update((t.i, tokens[k + 1].i))
                continue
        if t.lower_ != "ne" or tokens[i + 1].lower_ not in words("negation_after_ne"):
            continue
        k = i + 2
        while k < len(tokens) and tokens[k].lower_ in OBJECT_CLITICS:
            k += 1
        if k < len(tokens) and tokens[k].i not in own:
            verb = tokens[k]
            if verb.dep_.startswith("aux") and verb.head.i in own:
                continue  # `a démenti ne pas avoir signé`: the auxiliary of the claim's own verb
            if "Inf" in verb.morph.get("VerbForm") or (
                verb.pos_ in ("VERB", "NOUN")
                and verb.lower_.endswith(INFINITIVE_ENDINGS)
                and verb.lower_ == verb.lemma_
            ):
                found.update((t.i, tokens[i + 1].i))
    return found


def _is_clause_boundary(token: Token) -> bool:
    """A verb heading its own clause: subordinate (`car`, `si`, relative, adverbial), a predicate with its
    own subject, or a coordinated clause with its own subject or auxiliary (`…, mais personne n'a été
    blessé`)."""
    if token.dep_ in ("acl:relcl", "acl", "advcl", "csubj", "ccomp", "parataxis"):
        return True
    if token.pos_ in ("VERB", "AUX", "ADJ") and any(c.dep_.startswith("nsubj") for c in token.children):
        # a predicate with its own subject heads its own clause, however the parser attached it (`Des
        # questions se posent, le déni… ne sont pas supportables`: `supportables` hung on `posent`)
        return True
    if any(child.dep_ == "mark" for child in token.children) and token.pos_ in ("VERB", "AUX", "ADJ"):
        return True
    if is_present_participle(token) or any(
        c.dep_ in ("cop", "aux:tense", "aux:pass") and is_present_participle(c) for c in token.children
    ):
        return True  # a participial clause (`…, n'étant pas en mesure de payer`, `ne sachant pas que…`)
    # (a conjunct with its own subject, or its own auxiliary: `ont été prises en charge mais n'ont pas
    # souhaité être transportées` negates only the wish)
    return token.dep_ == "conj" and any(c.dep_.startswith(("nsubj", "aux:tense")) for c in token.children)


def continued_action(verb: Token) -> Token | None:
    """The infinitive of a negated `cesser` or `arrêter` (`ne cesse de progresser`, `n'a pas arrêté de
    pleuvoir`): an action that goes on, not one that stopped; None otherwise."""
    if verb.lemma_ not in ("cesser", "arrêter") or not any(c.lower_ in NE for c in verb.children):
        return None
    return infinitive_complement(verb)


# adjectives of nationality or origin by their ending (`américain`, `français`, `irakien`, `chinois`, `allemand`)
_NATIONALITY_ENDING = re.compile(r"(?:ain|ais|ien|ois|and|ol|on)(?:e|ne)?s?$")


def denial_scope(main: Token | None) -> str | None:
    """What a denial by a negative determiner is restricted to: `Aucune enquête pour tentative de
    meurtre n'a été ouverte` denies only such investigations (`tentative`); an investigation into
    the causes of the death does not contradict it. The folded lemma of the complement (else of an
    adjective after the noun), or None."""
    if main is None:
        return None
    for noun in noun_participants(main):
        determiners = [c for c in noun.children if c.dep_ == "det"]
        # `aucune enquête`, or the partitive `de` of a negated verb (`il n'existe pas de seuil réglementaire`)
        if not any(c.lower_ in words("negative_determiners") or c.lower_ in DE for c in determiners):
            continue
        for complement in noun.children:
            if complement.dep_ in ("nmod", "acl") and complement.pos_ in ("NOUN", "VERB", "PROPN"):
                return fold_accents(complement.lemma_.lower())
        for adjective in noun.children:
            # a classifying adjective after the noun restricts it the same way (`pas de seuil réglementaire`
            # is not contradicted by `un seuil de vigilance`, `aucun blessé grave` by a light injury); not a
            # nationality, which names the story's side rather than a kind (`aucun soldat américain n'a été
            # tué` against `deux soldats ont été tués`, in a story about American troops)
            if (
                adjective.dep_ == "amod"
                and adjective.pos_ == "ADJ"
                and adjective.i > noun.i
                and not _NATIONALITY_ENDING.search(adjective.lower_)
            ):
                return fold_accents(adjective.lemma_.lower())
    for pronoun in main.children:
        # `Aucun des joueurs n'a été blessé`: only the players
        if pronoun.dep_.startswith("nsubj") and pronoun.lower_ in words("negative_determiners"):
            among = next((c for c in pronoun.children if c.dep_ == "nmod" and c.pos_ in ("NOUN", "PROPN")), None)
            if among is not None:
                return fold_accents(among.lemma_.lower())
    for purpose in main.children:
        # `Je n'ai pas supprimé l'ISF pour faire des cadeaux`: the negation bears on the purpose
        if (
            purpose.dep_ == "advcl"
            and purpose.i > main.i
            and any(c.dep_ == "mark" and c.lower_ == "pour" for c in purpose.children)
        ):
            obj = next((c for c in purpose.children if c.dep_ == "obj" and c.pos_ == "NOUN"), purpose)
            return fold_accents(obj.lemma_.lower())
    return None


@cache
def infinitive_negators() -> frozenset[str]:
    """The words of a negation right before an infinitive (`ne pas`, `n'avoir jamais`): `ne` and what follows it
    (`lexicons/negation_after_ne.txt`)."""
    return frozenset(NE) | words("negation_after_ne")


@cache
def _expletive_triggers() -> frozenset[str]:
    """What makes `ne` expletive in the clause it opens (`avant qu'on ne puisse`, `de peur qu'il ne sache`, `plus
    qu'il ne sait`): `lexicons/comparatives.txt` and `lexicons/expletive_ne_triggers.txt`."""
    return words("comparatives") | words("expletive_ne_triggers")
