"""Reporting verbs and the speakers they name: which verbs of a sentence report speech, where the speaker
stands (before the verb, after it, in an incise) and what of the words around it is the speaker."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from transforms.claims.lexicon import ReportingVerb, reporting_verb_table, speaker_channels, words
from transforms.claims.syntax import (
    OPEN_QUOTES,
    PERSONAL_PRONOUNS,
    is_infinitive,
    is_reflexive,
    trim,
    verb_group_start_index,
)
from transforms.speakers import head_end

ANAPHORIC_REPORT = re.compile(
    r"^(?:ces|cette|ses|ces mêmes|les)\s+(?P<noun>informations?|affirmations?|allégations?|accusations?|propos|"
    r"rumeurs?|déclarations?|révélations?|assertions?|informations de presse|articles?)\b",
    re.I,
)


ABOUT_REPORT = re.compile(
    r"^(?:des|les|l['’]|une|un|ces|cette|la)\s*(?:informations?|rumeurs?|articles?|affirmations?|allégations?|"
    r"accusations?|propos|déclarations?|informations de presse|révélations?|reportages?|assertions?|"
    # (a thesis or a hypothesis, said with what it holds: `a nié la thèse selon laquelle l'avion a été touché`)
    r"thèses?|hypothèses?|versions?|théories?|idée|pistes?|scénarios?)\b"
    r"(?:[^.;]{0,80}?\b(?:faisant état d['’]|faisant état de|selon lesquel(?:le)?s|selon laquelle|selon lequel)"
    # (a participle after a comma is the subject's, not the report's: `a démenti les propos de X, assurant que P`)
    r"|[^.;,]{0,80}?\b(?:affirmant que|évoquant|annonçant|sur)\b)\s*",
    re.I,
)


_PARENTHETICAL = re.compile(
    r",\s*(?:cités?|citées?|interrogée?s?|jointe?s?|contactée?s?|interviewée?s?|sous couvert|lui aussi|elle aussi|"
    r"eux aussi|elles aussi|de son côté|pour sa part|quant à (?:lui|elle|eux))[^,]*(?:,|$)",
    re.I,
)


PRONOUN_SPEAKER = re.compile(r"^(?:-t-)?(?:il|elle|ils|elles)$", re.I)


INVERTED_SKIP = re.compile(
    r"\s*(?:-t-(?:il|elle|ils|elles)\b)?\s*(?:(?:à|au|aux)\s+(?:l['’]|la\s+|le\s+|les\s+)?[\w\-]+(?-i:(?:\s+[A-Z][\w\-]+)*)"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui|lui aussi|elle aussi|"
    r"également|encore|ensuite|aussi|ainsi|alors|enfin|notamment|toutefois|cependant|pourtant|de son côté|"
    r"pour sa part|dans\s+(?:(?:un|une|le|la|les|son|sa|ses|leur|leurs|ce|cet|cette|ces|ledit|ladite)\s+|l['’])[\w\-]+"
    # (`dans les colonnes de HLN`, `dans un entretien au Parisien`)
    r"(?:\s+(?:de|du|des|au|aux|à|d['’])\s*(?:l['’]|la\s+|le\s+)?[\w\-]+(?-i:(?:\s+[A-Z][\w\-]+)*))?|"
    r"lors d['’]une conférence de presse|soir|matin)\s*",
    re.I,
)


# `dit`, `écrit`, `prédit`: a present whose form is also the past participle; after a comma, with no
# auxiliary, it is the inverted present of an attribution (`"…", écrit dans sa lettre le commandant`)
_PARTICIPLE_LIKE_PRESENT = re.compile(r"(?:dit|crit)$")


def _is_inverted_present(token: Token) -> bool:
    """A present that looks like a participle (`dit`, `écrit`) after the words, without an auxiliary."""
    return (
        _after_the_words(token)
        and bool(_PARTICIPLE_LIKE_PRESENT.search(token.lower_))
        and not any(c.dep_.startswith("aux") for c in token.children)
    )


def _is_impersonal_reading(verb: Token) -> bool:
    """`on peut y lire`, `peut-on lire dans la lettre`, `on y lit que`: a document is quoted."""
    if verb.lemma_ != "lire":
        return True
    heads = (verb, verb.head) if verb.dep_ == "xcomp" else (verb,)
    return any(c.dep_ == "nsubj" and c.lower_.lstrip("-") == "on" for h in heads for c in h.children)


def _reading_source(verb: Token) -> tuple[int, int] | None:
    """The document an impersonal `on peut lire dans N` quotes: the span of N, or None (`on peut y
    lire`: the document last mentioned)."""
    for child in verb.children:
        if child.dep_.startswith("obl") and any(c.dep_ == "case" and c.lower_ == "dans" for c in child.children):
            first = next(t for t in child.subtree if t.dep_ != "case")
            return first.idx, child.right_edge.idx + len(child.right_edge.text)
    return None


def _after_the_words(verb: Token) -> bool:
    """The verb group follows a comma or a closing quotation mark: it comes after the words it reports."""
    first = verb_group_start_index(verb)
    return first > 0 and verb.doc[first - 1].text in (",", "»", '"', "”")


def reporting_verbs(tokens: list[Token]) -> list[Token]:
    """The verbs among `tokens` that report speech here (`lexicons/reporting_verbs.csv`)."""
    table = reporting_verb_table()
    return [t for t in tokens if t.pos_ == "VERB" and t.lemma_ in table and _reports_here(t, table[t.lemma_])]


def _reports_here(verb: Token, properties: ReportingVerb) -> bool:
    """A reporting verb reports speech in this use: `lire` only impersonal (`on peut y lire`); a participle only
    with its auxiliary or as an inverted present (`"…", écrit le commandant`); where its position allows (`after`:
    `"…", a-t-il poursuivi`, while `la justice poursuit ses investigations` reports nothing; `clause`: `a soutenu
    que P`, while `soutient la réforme` reports nothing); in the use its reflexive column allows (`only`: `il se
    défend d'avoir…`, not `il défend sa réforme`; `never`: `il assure que P`, not `ils doivent s'assurer que…`)."""
    if not _is_impersonal_reading(verb):
        return False
    if properties.position == "after" and not _after_the_words(verb):
        return False
    if properties.position == "clause" and not (
        _after_the_words(verb) or any(c.dep_ == "ccomp" for c in verb.children)
    ):
        return False
    if not (
        verb.morph.get("VerbForm", [""])[0] != "Part"
        or any(c.dep_.startswith("aux") for c in verb.children)
        or _is_inverted_present(verb)
    ):
        return False
    if properties.reflexive == "only" and not is_reflexive(verb):
        return False
    return not (properties.reflexive == "never" and is_reflexive(verb))


def heads_adverbial_clause(verb: Token) -> bool:
    """`S'il n'a pas démenti…`, `Quand il a annoncé…`: the verb of a clause with its subordinator."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children)


_RELATIVE_TAIL = re.compile(r"[\s,]*\bqui\s*$", re.I)


_APPOSITIVE_RELATIVE = re.compile(r",\s*(?:qui|dont|où|lequel|laquelle|lesquels|lesquelles)\s[^,]*,?\s*$", re.I)


_CLEFT = re.compile(r"\s*(?:c['’]est|ce sont|c['’]était|ce n['’]est pas)\s+", re.I)


def _noun_phrase_start(doc: Doc, text: str, start: int, end: int) -> int:
    """Where the noun phrase ending at `end` begins (`…, un grand danger à provoquer ainsi les Russes,` →
    `les Russes`; `le ministre de l'Intérieur` whole, its complements climbed), or `start` when the text
    there ends with no noun."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return start
    last = next((t for t in reversed(span) if not t.is_punct), None)
    if last is None or last.pos_ not in ("NOUN", "PROPN"):
        return start
    top = last
    while top.dep_ in ("nmod", "appos", "flat:name", "conj") and top.head.i < top.i and top.head.idx >= start:
        top = top.head
    if top.pos_ not in ("NOUN", "PROPN"):
        return start
    phrase = max(start, top.left_edge.idx)
    # a name the phrase is in apposition to (`Jean Dupont, le maire de la commune, qui`) belongs with it
    before = re.search(r"(?:^|,)\s*([^,]+?)\s*,\s*$", text[start:phrase])
    if before is not None:
        named = doc.char_span(start + before.start(1), start + before.end(1), alignment_mode="contract")
        if named is not None and len(named) and all(t.pos_ == "PROPN" or t.is_title for t in named):
            return start + before.start(1)
    return phrase


def _antecedent(doc: Doc, text: str, speaker: tuple[int, int]) -> tuple[int, int]:
    """The speaker of `X qui V`: X, without a cleft (`C'est le ministre qui a démenti`) nor a participial
    modifier (`Une femme de 64 ans décrite comme "instable" qui nie`: `Une femme de 64 ans`)."""
    start, end = speaker
    end = _RELATIVE_TAIL.search(text, start, end).start()
    cleft = _CLEFT.match(text, start, end)
    if cleft:
        start = cleft.end()
    start = max(start, _noun_phrase_start(doc, text, start, end))
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is not None:
        named = False
        for t in span:
            if named and t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm") and t.dep_.startswith("acl"):
                end = t.idx
                break
            named = named or t.pos_ in ("NOUN", "PROPN")
    return trim(text, start, end)


def _names_someone(span: Span | None) -> bool:
    """A speaker phrase names someone: it holds a noun, a name, a pronoun or a number (`les 27`), a
    capitalised word after its first (`Le Parisien`, whatever its tag), or lies inside a token (`-t-il`)."""
    return span is None or any(
        t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or (t.i > span.start and t.text[:1].isupper()) for t in span
    )


def quote_span(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """A sentence opening with a quotation: (inner start, inner end, position after the closing quote)."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i >= end or text[i] not in OPEN_QUOTES:
        return None
    opener = text[i]
    closer = {"«": "»", "“": "”"}.get(opener, '"')
    j = text.find(closer, i + 1, end)
    if j < 0:
        return None
    return i + 1, j, j + 1


def speaker_after(text: str, start: int, end: int) -> tuple[int, int]:
    """The subject of an inverted attribution (`…, a déclaré à l'AFP le porte-parole X.`)."""
    pos = start
    while True:
        m = INVERTED_SKIP.match(text, pos, end) or speaker_channels().match(text, pos, end)
        if not m or m.end() == pos:
            break
        pos = m.end()
        aside = re.match(r"\s*,(?=\s*[A-ZÀ-Ý])", text[pos:end])
        if aside:
            pos += aside.end()  # `a expliqué dans les colonnes de HLN, Cindy, une touriste`
    stop = end
    for sep in (",", ";", " ajoutant", " précisant", " affirmant", " estimant", " expliquant", ":"):
        k = text.find(sep, pos, end)
        if k >= 0:
            stop = min(stop, k)
    channel = speaker_channels().search(text, pos, stop)
    if channel:
        stop = channel.start()
    return trim(text, pos, head_end(text, pos, stop))


def speaker_before(text: str, start: int, end: int, verb: Token | None = None) -> tuple[int, int, str]:
    """The subject before a reporting verb, with participial parentheticals removed from its text.

    The parse's `nsubj` of the verb is used when it lies in the region; else the whole region. The
    source of an impersonal `on peut lire dans N` is N; `on peut y lire` names none (empty span): the
    document last cited speaks on.
    """
    if verb is not None and verb.lemma_ == "lire":
        document = _reading_source(verb)
        return (*document, text[document[0] : document[1]]) if document else (start, start, "")
    if (
        verb is not None
        and is_infinitive(verb)
        and verb.head.i < verb.i
        and not any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children)
        and any(c.dep_ in ("nsubj", "nsubj:pass") and start <= c.idx < end for c in verb.head.children)
    ):
        # an infinitive has its governor's subject (`La police insiste pour dire que P`, `a tenu à rappeler
        # que P`, `Rien ne permet d'affirmer que P`)
        verb = verb.head
    if verb is not None and not any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children):
        # no subject in the parse: the French subject stands right before its verb, after any
        # comma-separated adverbial (`Après une semaine d'escalade…, la coalition a annoncé`)
        comma = text.rfind(",", start, end)
        if comma >= 0 and text[comma + 1 : end].strip():
            start = comma + 1
    if verb is not None:
        for child in verb.children:
            if (
                child.dep_ in ("nsubj", "nsubj:pass")
                and start <= child.idx < end
                and child.lower_ in words("negative_pronouns")
            ):
                return start, start, ""  # `Rien ne permet d'affirmer que P`: nobody says it
            if child.dep_ in ("nsubj", "nsubj:pass") and start <= child.idx < end and child.lower_ in PERSONAL_PRONOUNS:
                # `Invité de LCI, Christophe Castaner a réagi à ce qu'il estime être…`: the pronoun is the
                # subject, not all that precedes it
                start, end = child.idx, child.idx + len(child.text)
                break
            if child.dep_ in ("nsubj", "nsubj:pass") and start <= child.idx < end and child.pos_ != "PRON":
                left, right = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
                # an adverbial or an apposition before the subject's head is not the subject
                # (`Après une semaine d'escalade…, la coalition a annoncé`, `Ancien ministre, X révèle`)
                comma = text.rfind(",", left, child.idx)
                if comma >= 0:
                    left = comma + 1
                if start <= left and right <= end:
                    start, end = left, right
                break
    s, e = trim(text, start, end)
    raw = text[s:e]
    cleaned = _PARENTHETICAL.sub(", ", raw + ",").strip(" ,")
    cleaned = re.sub(r"\s*,\s*$", "", cleaned)
    return s, e, cleaned


def settled_speaker(
    doc: Doc, text: str, speaker: tuple[int, int] | None, speaker_text: str | None
) -> tuple[tuple[int, int] | None, str | None]:
    """The speaker a claim records, from the words a recogniser found: the antecedent of `X qui V`; nobody for a
    negative pronoun (`Rien ne permet d'affirmer que P`, `Personne ne peut dire`) or words that name nobody
    (`Après avoir affirmé que P, X…`, `Et d'ajouter`); the noun phrase without its appositive relative clause
    (`Le ministre, qui a démissionné, a annoncé`)."""
    if speaker is None:
        return None, speaker_text
    if _RELATIVE_TAIL.search(text, speaker[0], speaker[1]):
        speaker = _antecedent(doc, text, speaker)
        speaker_text = text[speaker[0] : speaker[1]]
    if text[speaker[0] : speaker[1]].lower() in words("negative_pronouns"):
        return None, None
    if not _names_someone(doc.char_span(*speaker, alignment_mode="expand")):
        return None, None
    appositive = _APPOSITIVE_RELATIVE.search(text, speaker[0], speaker[1])
    if appositive is not None and appositive.start() > speaker[0]:
        speaker = (speaker[0], appositive.start())
        speaker_text = text[speaker[0] : speaker[1]]
    return speaker, speaker_text
