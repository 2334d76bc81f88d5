"""Claims: who states which proposition, affirmed or denied, hedged or not, about which event.

One pass per sentence over the spaCy parse. Constructions recognised:
- direct quotes, attribution after (`"P", a déclaré X`, `"P", a-t-il indiqué`) or before (`X a dit : "P"`);
- indirect speech (`X a indiqué que P`, `P, ont annoncé des responsables`), infinitive complements
  (`X a expliqué ne rien savoir`);
- `selon X, P` / `d'après X, P`;
- denials of a nominal or earlier report (`X a démenti des informations faisant état de la reprise…`,
  `X a démenti ces informations`, which points at the previous claim: `responds_to_claim_id`);
- everything else that has a finite verb: a narrative claim in the article's own voice.
Coordinated clauses joined by `mais` or `;` are separate claims.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from transforms.actors import translit_key
from transforms.events import classes_with
from transforms.nlp import INFINITIVE_ENDINGS, doc_text
from transforms.numbers_fr import APPROXIMATE, parse_number
from transforms.speakers import head_end
from transforms.text_norm import fold_accents, lexicon_lines
from transforms.timex import MONTHS, tag_timex

_OPEN_QUOTES = '"«“'
# Clauses that describe something else than the proposition's own event: their dates do not date it.
_SUBORDINATE = frozenset({"acl", "acl:relcl", "advcl", "parataxis", "csubj", "ccomp"})
_NEGATORS = frozenset(
    {
        "pas",
        "plus",
        "jamais",
        "rien",
        "personne",
        "aucun",
        "aucune",
        "nul",
        "nulle",
        "guère",
        "point",
        "ni",
        "nullement",
    }
)
_HEDGE_WORDS = frozenset(
    {
        "probablement",
        "peut-être",
        "apparemment",
        "vraisemblablement",
        "possiblement",
        "présumé",
        "présumée",
        "présumés",
        "supposé",
        "supposée",
        "éventuellement",
        "semble",
        "semblent",
        "sembler",
        "paraît",
        "rumeur",
        "rumeurs",
    }
)
_HEDGE_PHRASES = re.compile(
    r"\bil n['’]est pas clair\b|\bselon des informations\b|\bsans doute\b|\bil se pourrait\b"
    r"|\bselon (?:plusieurs|certaines|des) sources\b|\bnon confirmée?s?\b",
    re.I,
)
_ANAPHORIC_REPORT = re.compile(
    r"^(?:ces|cette|ses|ces mêmes|les)\s+(?P<noun>informations?|affirmations?|allégations?|accusations?|propos|"
    r"rumeurs?|déclarations?|révélations?|assertions?|informations de presse|articles?)\b",
    re.I,
)
_ABOUT_REPORT = re.compile(
    r"^(?:des|les|l['’]|une|un|ces|cette|la)\s*(?:informations?|rumeurs?|articles?|affirmations?|allégations?|"
    r"accusations?|propos|déclarations?|informations de presse|révélations?|reportages?|assertions?|"
    # (a thesis or a hypothesis, said with what it holds: `a nié la thèse selon laquelle l'avion a été touché`)
    r"thèses?|hypothèses?|versions?|théories?|idée|pistes?|scénarios?)\b"
    r"(?:[^.;]{0,80}?\b(?:faisant état d['’]|faisant état de|selon lesquel(?:le)?s|selon laquelle|selon lequel)"
    # (a participle after a comma is the subject's, not the report's: `a démenti les propos de X, assurant que P`)
    r"|[^.;,]{0,80}?\b(?:affirmant que|évoquant|annonçant|sur)\b)\s*",
    re.I,
)
# `…, assurant que` / `…, en affirmant qu'`: a participle or gerund after a comma, then `que`
_PARTICIPLE_QUE = re.compile(r"[^.;:!?]{0,120}?,\s*(?:en\s+)?[\w’'\-]+ant\s+(?:qu['’]|que\s)", re.I)
_PARENTHETICAL = re.compile(
    r",\s*(?:cités?|citées?|interrogée?s?|jointe?s?|contactée?s?|interviewée?s?|sous couvert|lui aussi|elle aussi|"
    r"eux aussi|elles aussi|de son côté|pour sa part|quant à (?:lui|elle|eux))[^,]*(?:,|$)",
    re.I,
)
_PRONOUN_SPEAKER = re.compile(r"^(?:-t-)?(?:il|elle|ils|elles)$", re.I)
# (a relative clause on the source is not what it says: `Selon le procureur, qui a requis dix ans, l'accusé a
# menti`, `L'accusé a menti, selon le procureur, qui a requis dix ans`)
_SELON = re.compile(
    r"^\s*(?:selon|d['’]après)\s+(?P<speaker>[^,]{2,120}?),\s*(?:(?:qui|dont)\b[^,]{1,160},\s*)?(?P<prop>.+)$",
    re.I | re.S,
)
_SELON_AFTER = re.compile(
    r",\s*(?:selon|d['’]après)\s+(?P<speaker>[^,;:!?]{2,120}?)(?:,\s*(?:qui|dont)\b[^;:!?]{1,160}?)?\s*[.!?…]*\s*$",
    re.I,
)
# `Pour X, P`: the speaker and the proposition, as with `selon` (X must name someone, see below)
_POUR = re.compile(r"^\s*pour\s+(?P<speaker>[^,]{2,120}?(?:,\s*[A-ZÀ-Ý][^,]{1,60})?),\s*(?P<prop>.+)$", re.I | re.S)
_INVERTED_SKIP = re.compile(
    r"\s*(?:-t-(?:il|elle|ils|elles)\b)?\s*(?:(?:à|au|aux)\s+(?:l['’]|la\s+|le\s+|les\s+)?[\w\-]+(?-i:(?:\s+[A-Z][\w\-]+)*)"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui|lui aussi|elle aussi|"
    r"également|encore|ensuite|aussi|ainsi|alors|enfin|notamment|toutefois|cependant|pourtant|de son côté|"
    r"pour sa part|dans\s+(?:(?:un|une|le|la|les|son|sa|ses|leur|leurs|ce|cet|cette|ces|ledit|ladite)\s+|l['’])[\w\-]+"
    # (`dans les colonnes de HLN`, `dans un entretien au Parisien`)
    r"(?:\s+(?:de|du|des|au|aux|à|d['’])\s*(?:l['’]|la\s+|le\s+)?[\w\-]+(?-i:(?:\s+[A-Z][\w\-]+)*))?|"
    r"lors d['’]une conférence de presse|soir|matin)\s*",
    re.I,
)


# a day between a verb and its object (`a démenti samedi 27 juin des informations`, `ce mardi`, `le 3 janvier`)
_MONTH_DAY = rf"\d{{1,2}}(?:er)?\s+(?:{'|'.join(m for m in MONTHS if m.isalpha())})(?:\s+\d{{4}})?"
_DATE_SKIP = re.compile(
    rf"\s*(?:(?:ce|le)\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\s+{_MONTH_DAY})?|{_MONTH_DAY})"
    r"\b\s*,?\s*",
    re.I,
)
# a manner adverb between a verb and its object (`a démenti catégoriquement`, `nie formellement`)
_MANNER_ADVERB = re.compile(r"\s*(?-i:[a-zéèêàâîôûç]+ment)\b\s*")


@cache
def reporting_lexicon() -> dict[str, str]:
    """{lemma: stance} from `lexicons/reporting_verbs.csv`."""
    table = {}
    for line in lexicon_lines("reporting_verbs.csv")[1:]:
        lemma, _, stance = line.partition(",")
        table[lemma.strip()] = stance.strip()
    return table


@cache
def _nominal_reports() -> frozenset[str]:
    """Reporting verbs whose noun-phrase object is the reported content (`lexicons/nominal_reports.txt`)."""
    return frozenset(lexicon_lines("nominal_reports.txt"))


@cache
def _pairs(name: str) -> dict[str, str]:
    """`key,value` lines of a shipped lexicon (read once; callers must not modify the table)."""
    table = {}
    for line in lexicon_lines(name)[1:]:
        key, _, value = line.partition(",")
        table[key.strip()] = value.strip()
    return table


@dataclass
class Claim:
    article_id: str
    sentence_idx: int
    char_start: int
    char_end: int
    text: str
    quote_kind: str
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    attribution_start: int | None = None
    attribution_end: int | None = None
    reporting_verb: str | None = None
    stance: str | None = None
    polarity: int = 1
    hedged: bool = False
    predicate: str | None = None
    theme: str | None = None
    event_key: str = ""
    negation: str | None = None
    quantity: float | None = None
    quantity_unit: str | None = None
    quantity_op: str | None = None
    quantity_max: float | None = None
    responds_to_index: int | None = None
    pronoun_speaker: bool = False
    extras: dict = field(default_factory=dict)


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens lying wholly inside `doc.text[start:end]` (a slice of the doc, not a scan)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:–—-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:."):
        end -= 1
    return start, end


# `dit`, `écrit`, `prédit`: a present whose form is also the past participle; after a comma, with no
# auxiliary, it is the inverted present of an attribution (`"…", écrit dans sa lettre le commandant`)
_PARTICIPLE_LIKE_PRESENT = re.compile(r"(?:dit|crit)$")


def _is_inverted_present(token: Token) -> bool:
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


# verbs that report speech only after the words they report (`"…", a-t-il poursuivi`): `il a continué à
# travailler`, `la justice poursuit ses investigations` report nothing
_INVERTED_ONLY = frozenset({"poursuivre", "continuer", "enchaîner", "trancher", "informer"})
# verbs that report only a clause (`a soutenu que P`) or after the words: `soutient la réforme` reports nothing
_CLAUSE_ONLY = frozenset({"soutenir"})


def _after_the_words(verb: Token) -> bool:
    first = _verb_group_start_index(verb)
    return first > 0 and verb.doc[first - 1].text in (",", "»", '"', "”")


def _reporting_verbs(tokens: list[Token]) -> list[Token]:
    lexicon = reporting_lexicon()
    return [
        t
        for t in tokens
        if t.pos_ == "VERB"
        and t.lemma_ in lexicon
        and _is_impersonal_reading(t)
        and (t.lemma_ not in _INVERTED_ONLY or _after_the_words(t))
        and (t.lemma_ not in _CLAUSE_ONLY or _after_the_words(t) or any(c.dep_ == "ccomp" for c in t.children))
        and (
            t.morph.get("VerbForm", [""])[0] != "Part"
            or any(c.dep_.startswith("aux") for c in t.children)
            or _is_inverted_present(t)
        )
        and (t.lemma_ not in _REFLEXIVE_ONLY or is_reflexive(t))
        and (t.lemma_ not in _NEVER_REFLEXIVE or not is_reflexive(t))
    ]


# verbs that report speech only in their reflexive use: `il se défend d'avoir…` (denies), not
# `il défend sa réforme` or `il est défendu de fumer`
_REFLEXIVE_ONLY = frozenset({"défendre"})
# verbs that report speech only in their plain use: `il assure que P` (asserts), not `ils doivent s'assurer que
# les entreprises paient leur part` (make sure)
_NEVER_REFLEXIVE = frozenset({"assurer"})
# verbs whose pronominal use names another event than the plain verb of the class lexicon
_PRONOMINAL_SENSES = {"abattre": "tomber", "lancer": "commencer"}


def _infinitive_complement(verb: Token) -> Token | None:
    """The infinitive a verb governs (`a décidé de suspendre`, `compte partir`), or None."""
    return next(
        (c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" and _is_infinitive(c)), None
    )


def _heads_adverbial_clause(verb: Token) -> bool:
    """`S'il n'a pas démenti…`, `Quand il a annoncé…`: the verb of a clause with its subordinator."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children)


def is_reflexive(verb: Token) -> bool:
    """A pronominal use: a reflexive clitic before the verb (`se défend`, `s'est rendue`, `t'es-tu`)."""
    return any(
        c.lower_ in ("se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous", "soi") and c.i < verb.i
        for c in verb.children
    )


def _verb_group_start_index(verb: Token) -> int:
    """Index of the verb group's first token (its auxiliaries, `n'`, clitic subject `-t-il`)."""
    first = verb.i
    for child in verb.children:
        if child.dep_.startswith("aux") or (
            child.dep_ == "advmod" and child.morph.get("Polarity") == ["Neg"] and child.i < verb.i
        ):
            first = min(first, child.i)
    return first


def _verb_group_start(verb: Token) -> int:
    """Char offset where the verb group starts."""
    return verb.doc[_verb_group_start_index(verb)].idx


def _is_negated_verb(verb: Token) -> bool:
    return any(
        c.morph.get("Polarity") == ["Neg"] or c.lower_ in _NEGATORS
        for c in verb.children
        if c.dep_ in ("advmod", "nsubj", "obj") and c.lower_ not in ("plus",) or c.lower_ == "pas"
    )


def _is_negated_report(verb: Token) -> bool:
    """The reporting verb is negated, or is the infinitive of a negated verb (`Rien ne permet d'affirmer
    que P`, `je ne peux pas dire que P`): nobody says P."""
    if _is_negated_verb(verb):
        return True
    return _is_infinitive(verb) and verb.dep_ in ("xcomp", "ccomp") and _is_negated_verb(verb.head)


def _main_token(tokens: list[Token]) -> Token | None:
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


_QUOTE_MARKS = frozenset(_OPEN_QUOTES + "»”")


def _is_elliptical_pas(token: Token) -> bool:
    """`avait été anticipé, pas son intensité`, `lui, mais pas elle`: `pas` after a comma or a coordinator
    negates the phrase that follows it (the verb is elided), not the clause's verb."""
    if token.lower_ != "pas":
        return False
    if _opens_sentence(token):
        # `Pas de miracle, la circulation s'annonce difficile`: a verbless `pas de N` opening the sentence
        # (inside a clause, `n'établit "pas de lien"`, it negates the verb)
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following is not None and following.lower_ in ("de", "d'", "d’", "question")
    k = token.i - 1
    while k > 0 and token.doc[k].text in _QUOTE_MARKS:
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
        after[0].lower_ in ("moins", "plus")
        and after[1].lower_ in ("de", "d'", "d’")
        and (after[2].like_num or after[2].pos_ == "NUM")
    )


def _opens_sentence(token: Token) -> bool:
    """The token opens its sentence, or follows only an opening quotation mark or dash that does."""
    if token.i == 0 or token.is_sent_start:
        return True
    before = token.doc[token.i - 1]
    return before.text in ('"', "«", "“", "-", "—", "–") and (before.i == 0 or bool(before.is_sent_start))


def _followed_by_ne(token: Token) -> bool:
    """`personne n'a été blessé`, `personne, y compris les élus, ne sera exempté`: the noun-looking
    `personne` is the negative pronoun (an aside between commas may separate it from its `ne`)."""
    doc, nxt = token.doc, token.i + 1
    if nxt < len(doc) and doc[nxt].text == ",":
        close = next((t.i for t in doc[nxt + 1 : nxt + 16] if t.text == ","), None)
        if close is not None:
            nxt = close + 1
    return any(t.lower_ in ("ne", "n'", "n’") for t in doc[nxt : nxt + 2])


# verbs that a lone `ne` negates in written French (`ne peut être tenu responsable`, `ne saurait accepter`,
# `n'ose le dire`); `ne cesse de progresser` is aspectual (it keeps progressing) and stays out
_LITERARY_NEGATION_VERBS = frozenset({"pouvoir", "savoir", "oser"})
_CLITICS_BEFORE_VERB = frozenset(
    {"le", "la", "les", "l'", "l’", "lui", "leur", "y", "en", "se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’"}
    | {"nous", "vous"}
)
# what makes a following `que` a comparison rather than `ne … que` (`moindre qu'aux dernières années`)
_COMPARATIVES = frozenset(
    {"plus", "moins", "moindre", "autre", "autrement", "autant", "aussi", "mieux", "pire", "davantage", "plutôt"}
)
# what makes `ne` expletive in the clause it opens (`avant qu'on ne puisse`, `de peur qu'il ne sache`)
_EXPLETIVE_TRIGGERS = _COMPARATIVES | {"avant", "sans", "peur", "crainte", "craindre", "redouter", "éviter", "empêcher"}


# the rest of an incise after its reporting verb, up to its closing comma: an inverted pronoun (`-t-il`) or a
# short named speaker without a verb (`, a précisé le ministre de l'Intérieur,`)
_INCISE_END = re.compile(r"(?:-t-|-)?(?:il|elle|ils|elles|on)?(?P<speaker>[^,;:.!?«»\"“”]{0,60}?)\s*,\s*")
# `a indiqué à l'antenne de CNN au Brésil qu'il comptait rentrer`: an addressee or a channel may hold more
# words between the verb and `que` than an adverbial does
_ADDRESSEE_QUE = re.compile(
    r"^\s+(?:à|au|aux|auprès|devant|sur|dans|lors)\s+(?:[\w’'\-]+\s+){0,8}?(?:qu['’]|que\s)", re.I
)
# a `que` that ends a comparison, not one that opens what a verb reports (`moindre qu'`, `plus grande que`;
# `a dit aussi que`, `a annoncé plus tard que` report)
_COMPARED_BEFORE_QUE = re.compile(
    r"(?:\b(?:moindres?|autres?|plutôt|mieux|pire|davantage|moins)|\b(?:plus|moins|autant)\s+(?!tard\b|tôt\b)[\w\-]+)\s+(?:qu['’]|que\s)$",
    re.I,
)


# what may follow the `que` of `ne … que` when it restricts an adverbial (`ne peut le faire que si…`)
_ADVERBIAL_STARTS = frozenset(
    {"si", "lorsque", "quand", "pour", "par", "dans", "en", "à", "au", "aux", "avec", "après", "avant", "sur", "sous"}
)


def _is_literary_negation(ne: Token) -> bool:
    """`ne` alone negates `pouvoir`, `savoir` and `oser` (`les appels ne peuvent se traduire par des actes`),
    unless it is expletive (`avant qu'on ne puisse`, `plus qu'il ne sait`), restrictive with `que` (`ne peut
    que constater`, `ne peut la voir que le week-end`) or the idiom `je ne sais quel(le)`."""
    if ne.lower_ not in ("ne", "n'", "n’"):
        return False
    doc, k = ne.doc, ne.i + 1
    while k < len(doc) and doc[k].lower_ in _CLITICS_BEFORE_VERB:
        k += 1
    if k >= len(doc) or doc[k].lemma_ not in _LITERARY_NEGATION_VERBS or doc[k].pos_ not in ("VERB", "AUX"):
        return False
    verb, sentence = doc[k], ne.sent
    if k + 1 < len(doc) and doc[k + 1].lower_.startswith(("quel", "quoi")):
        return False  # `il a trouvé je ne sais quel prétexte`: indefinite, nothing denied
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’")), None)
    if mark is not None and any(t.lemma_ in _EXPLETIVE_TRIGGERS for t in doc[max(mark.i - 3, 0) : mark.i]):
        return False
    # `ne … que` restricts: a `que` after the verb that is no relative pronoun, ends no comparison and opens
    # no finite clause, or that opens an adverbial (`que si`, `qu'en septembre`, `que dans les bureaux`)
    stop = next((t.i for t in doc[verb.i + 1 : sentence.end] if t.text in (".", "!", "?", ";")), sentence.end)
    for t in doc[verb.i + 1 : stop]:
        if t.lower_ not in ("que", "qu'", "qu’") or t.pos_ == "PRON":
            continue
        if any(w.lower_ in _COMPARATIVES for w in doc[max(t.i - 2, 0) : t.i]):
            continue
        following = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
        opens_clause = t.dep_ == "mark" and t.head.i > t.i and _finite(t.head)
        if following in _ADVERBIAL_STARTS or t.text.endswith(("'", "’")) and following in ("en", "à", "au", "aux"):
            return False
        if not opens_clause:
            return False
    return True


def _is_infinitive(token: Token) -> bool:
    """An infinitive, or a past infinitive (`avoir signé`) whose auxiliary is infinitive."""
    if "Inf" in token.morph.get("VerbForm"):
        return True
    return any(c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in token.children)


def _cue_text(tokens: list[Token]) -> str:
    """`n'… pas`, `ne … jamais`, `personne … ni`: the negation words as a reader sees them."""
    words = [t.text for t in tokens]
    joined = []
    for word in words:
        if joined and joined[-1].endswith(("'", "’")):
            joined[-1] += "… " + word
        elif joined:
            joined.append("… " + word)
        else:
            joined.append(word)
    return " ".join(joined)


def _in_parentheses(token: Token) -> bool:
    """The token lies between a parenthesis and its closing one in its sentence (`D (deux trains sur
    cinq et aucune circulation…)`), whatever the parser attached them to."""
    sentence = token.sent
    opened = next((t.text for t in reversed(sentence[: token.i - sentence.start]) if t.text in "()"), None)
    closed = next((t.text for t in sentence[token.i - sentence.start + 1 :] if t.text in "()"), None)
    return opened == "(" and closed == ")"


def _polarity(tokens: list[Token], main: Token | None, head: Token | None) -> tuple[int, str | None]:
    """-1 when the proposition's own predicate is negated (`n'ont pas repris`, `personne n'a été tué`);
    `head` is the event `main` names (`event_head`)."""
    words = [t.lower_ for t in tokens]
    has_ne = any(w in ("ne", "n'", "n’") for w in words)
    strong = [
        t
        for t in tokens
        if t.lower_ in _NEGATORS
        and (t.lower_ not in ("plus", "ni") or has_ne)  # (`sans les sacs, ni le convoyeur`: no `ne`)
        and not _is_superlative_plus(t)  # (`le plus important débat`)
        # `personne` is a person unless it is the subject of `ne` (`personne n'a été blessé`) or the object
        # of a verb that has one (`on n'écrase personne`)
        and not (
            t.lower_ == "personne"
            and t.pos_ == "NOUN"
            and not _followed_by_ne(t)
            and not any(c.lower_ in ("ne", "n'", "n’") and c.i < t.i for c in t.head.children)
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
    if _continued_action(main) is not None:
        return 1, None  # `ne cesse de progresser`, `n'a pas arrêté de pleuvoir`: it goes on
    leading = [t for t in tokens if t.i < main.i]
    if (
        _is_infinitive(main)
        and any(t.lower_ in _NEGATORS for t in leading)
        and all(t.lower_ in _INFINITIVE_NEGATION or t.is_quote for t in leading)
    ):
        return -1, _cue_text([t for t in leading if not t.is_quote])  # `ne pas "avoir de date"`
    ids = {t.i for t in tokens}
    of_infinitive = _infinitive_negation(tokens, {main.i, (head or main).i})
    # a negated decided action negates the event (`ont décidé de ne plus marquer l'arrêt`: the event is
    # `marquer`, head of its own infinitive clause, which the walk to `main` would stop at)
    targets = {main.i} | ({head.i} if head is not None and head.i in ids and _is_infinitive(head) else set())
    negations = strong + ([t for t in tokens if t.lower_ in ("ne", "n'", "n’")] if strong else literary)
    for t in negations:
        if t.i in of_infinitive:
            continue  # `la consigne avait été donnée de ne pas l'interpeller`: the infinitive is negated
        if t.lower_ == "ni" and has_ne and t.head.pos_ not in ("VERB", "AUX"):
            # `ni` before a phrase coordinates negated phrases, and the verb's own `ne` says which verb is
            # negated (`en homme libre qui n'aura transigé ni avec ce qu'il est, ni avec ce qu'il pense`,
            # the second `ni` hung on the main verb); before a verb it negates it (`tué ni blessé`)
            continue
        node, blocked, hops = t, _in_parentheses(t) and not _in_parentheses(main), 0
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
            cue = _cue_text([x for x in tokens if x.lower_ in ("ne", "n'", "n’") or x in strong])
            return -1, cue
    return 1, None


_OBJECT_CLITICS = frozenset(
    {"l'", "l’", "le", "la", "les", "lui", "leur", "y", "en", "se", "s'", "s’", "me", "m'", "te", "t'", "nous", "vous"}
)


_NEGATION_AFTER_NE = frozenset({"pas", "rien", "jamais", "plus", "point"})


def _infinitive_negation(tokens: list[Token], own: set[int]) -> set[int]:
    """Indices of `ne pas` (`ne plus`, `ne jamais`…) negating an infinitive other than the claim's `own`
    verbs (its main verb and the event it names: `a décidé de ne plus fumer` is about not smoking), read
    from the words (the parser sometimes tags the infinitive as a noun: `de ne pas l'interpeller`)."""
    found: set[int] = set()
    for i, t in enumerate(tokens[:-2]):
        if t.lower_ == "ne":
            # `ne m'avoir jamais remis`: the negation's second word after a compound infinitive's auxiliary
            k = i + 1
            while k < len(tokens) and tokens[k].lower_ in _OBJECT_CLITICS:
                k += 1
            if (
                k + 1 < len(tokens)
                and "Inf" in tokens[k].morph.get("VerbForm")
                and tokens[k].dep_.startswith("aux")
                and tokens[k].head.i not in own
                and tokens[k + 1].lower_ in _NEGATION_AFTER_NE
            ):
                found.update((t.i, tokens[k + 1].i))
                continue
        if t.lower_ != "ne" or tokens[i + 1].lower_ not in _NEGATION_AFTER_NE:
            continue
        k = i + 2
        while k < len(tokens) and tokens[k].lower_ in _OBJECT_CLITICS:
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
    if _is_present_participle(token) or any(
        c.dep_ in ("cop", "aux:tense", "aux:pass") and _is_present_participle(c) for c in token.children
    ):
        return True  # a participial clause (`…, n'étant pas en mesure de payer`, `ne sachant pas que…`)
    # (a conjunct with its own subject, or its own auxiliary: `ont été prises en charge mais n'ont pas
    # souhaité être transportées` negates only the wish)
    return token.dep_ == "conj" and any(c.dep_.startswith(("nsubj", "aux:tense")) for c in token.children)


_RELATIVE_TAIL = re.compile(r"[\s,]*\bqui\s*$", re.I)
_APPOSITIVE_RELATIVE = re.compile(r",\s*(?:qui|dont|où|lequel|laquelle|lesquels|lesquelles)\s[^,]*,?\s*$", re.I)
_CLEFT = re.compile(r"\s*(?:c['’]est|ce sont|c['’]était|ce n['’]est pas)\s+", re.I)


def _coordinated_main_clause(verb: Token | None, start: int, end: int) -> int | None:
    """Where a clause coordinated with the reporting verb begins inside what seems reported (`On m'a dit
    qu'il y avait une femme enceinte sur le bateau mais je ne l'ai pas vue`: `mais`), or None. Another
    reporting verb (`a dit que P et a ajouté que Q`) is left to the report."""
    if verb is None:
        return None
    for c in verb.children:
        if c.dep_ == "conj" and start < c.idx < end and _finite(c) and c.lemma_ not in reporting_lexicon():
            cc = next((g for g in c.children if g.dep_ == "cc" and g.idx > start), None)
            return (cc or c.left_edge).idx if (cc or c.left_edge).idx > start else None
    return None


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
    return _trim(text, start, end)


_NOBODY = frozenset({"rien", "personne", "nul", "nulle", "aucun", "aucune"})


def _names_someone(span: Span | None) -> bool:
    """A speaker phrase names someone: it holds a noun, a name, a pronoun or a number (`les 27`), a
    capitalised word after its first (`Le Parisien`, whatever its tag), or lies inside a token (`-t-il`)."""
    return span is None or any(
        t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or (t.i > span.start and t.text[:1].isupper()) for t in span
    )


def _is_present_participle(token: Token) -> bool:
    return "Part" in token.morph.get("VerbForm") and "Pres" in token.morph.get("Tense")


def _hedged(tokens: list[Token], text: str, reported_in_past: bool, main: Token | None = None) -> bool:
    """Hedging of the proposition itself: a hedge word or phrase, or a conditional or modal verb of
    its main clause (a conditional inside a relative clause, `une fraude qui lui aurait permis`, or a
    purpose clause, `pour pouvoir se protéger`, does not hedge the main statement)."""
    if _HEDGE_PHRASES.search(text):
        return True
    for t in tokens:
        if t.lower_ in _HEDGE_WORDS and (main is None or _in_main_clause(t, main, _CLAUSE_DEPS + ("ccomp",))):
            return True  # (`a redoublé de virulence en estimant que c'était peut-être…` is not hedged)
        if main is not None and not _in_main_clause(t, main):
            continue
        if _is_conditional(t) and not reported_in_past:
            return True
        if t.lemma_ in _MODAL_HEDGES and t.pos_ in ("VERB", "AUX") and (t.dep_ != "ROOT" or t.lemma_ != "pouvoir"):
            return True
        if t.lemma_ == "devoir" and _periphrasis_infinitive(t) is not None and not _is_past(t):
            return True  # `une patrouille doit rester`: an obligation or a plan, not a fact (`a dû` is one)
    return False


def _is_alleged_report(verb: Token) -> bool:
    """A reporting verb in the conditional (`aurait dit la reine`, `aurait confié`): the journalist
    relays an unconfirmed report, so what it reports is hedged whatever its own mood."""
    return _is_conditional(verb) or any(c.dep_.startswith("aux") and _is_conditional(c) for c in verb.children)


def _is_past(verb: Token) -> bool:
    return "Past" in verb.morph.get("Tense") or any(c.dep_ == "aux:tense" for c in verb.children)


_MODAL_HEDGES = frozenset({"pouvoir", "risquer"})
# future stems of irregular verbs, whose conditional the tagger sometimes reads as an indicative
_IRREGULAR_CONDITIONAL = re.compile(
    r"^(?:ser|aur|pourr|fer|ir|viendr|devr|faudr|voudr|saur|verr|enverr|tiendr|vaudr|mourr|courr)"
    r"(?:ais|ait|ions|iez|aient)$"
)
_CLAUSE_DEPS = ("acl", "acl:relcl", "advcl", "csubj", "parataxis", "appos")


def _is_conditional(token: Token) -> bool:
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
                stem in (lemma, lemma[:-1]) and lemma.endswith(("r", "re")) or bool(_IRREGULAR_CONDITIONAL.match(form))
            )
    return False


def _in_main_clause(token: Token, main: Token, boundaries: tuple[str, ...] = _CLAUSE_DEPS) -> bool:
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


def _participants(main: Token) -> list[Token]:
    """The event's noun participants: objects, then subjects (active or passive)."""
    nouns = ("NOUN", "PROPN")
    # (`rouvriraient lundi`: a bare day or month the parser made an object is a time, not a participant)
    objects = [c for c in main.children if c.dep_ == "obj" and c.pos_ in nouns and c.lower_ not in _BARE_TIMES]
    return objects + [c for c in main.children if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ in nouns]


_BARE_TIMES = frozenset(
    {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "demain", "aujourd'hui"}
    | {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre"}
    | {"novembre", "décembre"}
)


def _participant_key(token: Token) -> str:
    """`_name_key`, or `_` for a name reduced to punctuation (it names nothing)."""
    key = _name_key(token)
    return key if any(ch.isalnum() for ch in key) else "_"


def _relative_subject(verb: Token) -> Token | None:
    """The relative pronoun `qui` subject of a verb (its clause is a relative clause), or None."""
    return next((c for c in verb.children if c.dep_.startswith("nsubj") and c.lower_ == "qui" and c.i < verb.i), None)


_COLLECTIVE_NOUNS = frozenset(APPROXIMATE) | {"nombre", "partie", "majorité", "plupart", "série"}


def _theme(main: Token) -> str:
    # (a noun with an auxiliary is a verb the tagger missed: `Treize militaires sont morts`)
    if main.pos_ in ("NOUN", "PROPN") and not any(c.dep_.startswith("aux") for c in main.children):
        for child in main.children:
            if child.dep_ in ("nmod", "obl", "obj") and child.pos_ in ("NOUN", "PROPN"):
                return _name_key(child)
        return "_"
    chosen = _participants(main)[:1]
    relative = _relative_subject(main)
    if not chosen and relative is not None:
        # `la formation, qui se poursuivait depuis 2015`: the relative pronoun's antecedent, the noun
        # right before it (whatever the parser attached the clause to)
        before = [t for t in main.doc[max(0, relative.i - 3) : relative.i] if t.pos_ in ("NOUN", "PROPN")]
        chosen = before[-1:]
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
                return _theme(c)
        return "_"
    if chosen[0].lower_ in ("personne", "rien") and _followed_by_ne(chosen[0]):
        return "_"  # `personne n'a été blessé`: the negative pronoun names no participant
    if chosen[0].lemma_.lower() in _COLLECTIVE_NOUNS:
        # `des dizaines de roquettes`: the counted noun is the participant, not the count
        counted = next((c for c in chosen[0].children if c.dep_ == "nmod" and c.pos_ == "NOUN"), None)
        return _name_key(counted) if counted is not None else "_"
    return _participant_key(chosen[0])


# (`subir des traumatismes crâniens` = être blessé, `subir une attaque` = être attaqué)
_LIGHT_VERBS = frozenset({"lancer", "tirer", "mener", "effectuer", "procéder", "conduire", "opérer", "porter", "subir"})
_REPORT_OR_LIGHT = frozenset(
    {
        "annoncer",
        "confirmer",
        "démentir",
        "nier",
        "décider",
        "ordonner",
        "signaler",
        "rapporter",
        "évoquer",
        "décréter",
        "approuver",
        "autoriser",
    }
)


# support verbs of one noun only (`prendre une décision` = décider, not `prendre le départ`)
_SUPPORT_VERBS = {"prendre": frozenset({"décision"}), "faire": frozenset({"mort", "blessé"})}
# verbs whose complement names the injury or the harm the subject suffered, and its preposition (`souffraient
# de commotion cérébrale`, `ont été soignés pour commotions`, `traités pour des symptômes de commotion`,
# `ont été victimes de commotion`): the event is the harm
_HARM_VERBS = {"souffrir": "de", "soigner": "pour", "traiter": "pour", "hospitaliser": "pour", "victime": "de"}


def _clause_initial_noun(verb: Token) -> Token | None:
    """The first noun of the verb's clause before its verb group, for a verb the parser left without
    a subject (`…, mais aucune décision de quitter l'Irak n'a été prise`: `décision` hung elsewhere).
    French puts the subject there; a comma or a conjunction ends the clause on the left."""
    if any(c.dep_.startswith("nsubj") for c in verb.children):
        return None
    first = verb.doc[_verb_group_start_index(verb)]
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
    preposition = _HARM_VERBS.get(word)
    if preposition is None:
        return None
    nominalisations = _pairs("nominalisations.csv")
    for child in main.children:
        if not (child.dep_.startswith("obl") or child.dep_ == "nmod") or not _is_complement(child, preposition):
            continue
        # (`des symptômes de commotion`: the injury may complement the noun the verb governs)
        for noun in [child, *(g for g in child.children if g.dep_ == "nmod")]:
            verb = nominalisations.get(noun.lemma_.lower())
            if noun.pos_ == "NOUN" and verb is not None and _pairs("predicate_classes.csv").get(verb) in _TOLL_CLASSES:
                return noun
    return None


def _event_noun(main: Token) -> Token | None:
    """`a annoncé la suspension de ses opérations`, `a lancé une attaque`, `aucune décision n'a été
    prise`: the event noun object of a reporting or light verb (or subject of its passive), which
    names the event better than the verb does."""
    harm = _harm_noun(main)
    if harm is not None:
        return harm
    support = _SUPPORT_VERBS.get(main.lemma_)
    if main.pos_ != "VERB" or (main.lemma_ not in _REPORT_OR_LIGHT | _LIGHT_VERBS and support is None):
        return None
    nominalisations = _pairs("nominalisations.csv")
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


# tense periphrases (`va partir`, `vient de partir`), modal verbs (`doit rester`, `pourra faire`, `ne
# saurait accepter`), appearance (`semble avoir obtenu gain de cause`, hedged: `_HEDGE_WORDS`) and `oser`
# (`n'ose affronter les syndicats`: who does not dare does not do it): the infinitive names the event (a
# modal also hedges it, see `_hedged`)
_PERIPHRASIS_VERBS = frozenset({"aller", "venir", "pouvoir", "devoir", "savoir", "oser", "sembler", "paraître"})


def _periphrasis_infinitive(verb: Token) -> Token | None:
    """The infinitive of `aller`, `venir (de)`, `pouvoir` or `devoir` + infinitive (its form decides:
    the tagger sometimes gives it a finite morphology), or None."""
    if verb.lemma_ not in _PERIPHRASIS_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "xcomp" and c.pos_ == "VERB" and (_is_infinitive(c) or c.lower_.endswith(INFINITIVE_ENDINGS))
        ),
        None,
    )


_MODALS = frozenset({"pouvoir", "devoir", "savoir"})
# `savoir` + infinitive is an ability, a possibility like `pouvoir` (`ne saurait accepter`, `sait nager`)
_MODAL_CLASS = {"savoir": "pouvoir"}


def modal_verb(main: Token | None) -> str | None:
    """The modal verb that makes the event possible (`pouvoir`: `pourrait battre des records`, `ne peut
    pas voter`) or expected, necessary or planned (`devoir`: `ne devraient pas porter plainte`, `doit se
    rendre à Lyon`) rather than said to happen; its infinitive names the event. None for a fact."""
    if main is None:
        return None
    if main.lemma_ in _MODALS and _periphrasis_infinitive(main) is not None:
        return _MODAL_CLASS.get(main.lemma_, main.lemma_)
    if main.dep_ == "xcomp" and main.head.lemma_ in _MODALS and _is_infinitive(main):
        return _MODAL_CLASS.get(main.head.lemma_, main.head.lemma_)
    return None


def is_near_future(verb: Token) -> bool:
    """`va repositionner`, `allons partir`: `aller` in the present with an infinitive is a future."""
    return verb.lemma_ == "aller" and "Pres" in verb.morph.get("Tense") and _periphrasis_infinitive(verb) is not None


def _periphrasis_verb(main: Token) -> Token:
    """The infinitive of a tense periphrasis, which names the event: `va repositionner` (near future),
    `vient de quitter` (recent past); else `main`."""
    return _periphrasis_infinitive(main) or main


def _is_existential(main: Token) -> bool:
    """`il y a`, `il n'y aura aucun`: `avoir` with the expletive `y` asserts (or denies) existence."""
    return main.lemma_ == "avoir" and any(c.lower_ == "y" and c.dep_.startswith("expl") for c in main.children)


def _existential_noun(main: Token) -> Token | None:
    """`Il n'y a eu aucune décision`, `il y a eu une explosion`: the event noun that `il y a` asserts
    (or denies) the existence of."""
    if not _is_existential(main):
        return None
    nominalisations = _pairs("nominalisations.csv")
    return next(
        (c for c in main.children if c.dep_ == "obj" and c.pos_ == "NOUN" and c.lemma_.lower() in nominalisations),
        None,
    )


def _decided_action(main: Token) -> Token | None:
    """The action a decision noun is about (`une décision de quitter l'Irak` → `quitter`), whether the
    noun heads the claim or is the object of a verb that names no event of its own (`Nous respectons
    votre décision d'ordonner notre départ`: a decision that exists, about a departure)."""
    noun = main
    if main.pos_ == "VERB" and main.lemma_ not in _pairs("predicate_classes.csv"):
        noun = next((c for c in main.children if c.dep_ == "obj" and c.pos_ == "NOUN"), main)
    if noun.pos_ != "NOUN" or _pairs("nominalisations.csv").get(noun.lemma_.lower()) not in _DECISION_VERBS:
        return None
    return next((c for c in noun.children if c.dep_ in ("acl", "xcomp") and _is_infinitive(c)), None)


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


@cache
def _verbal_locutions() -> dict[str, str | None]:
    """`verb noun` → the preposition of the complement it governs (`mettre fin` → `à`), or None."""
    locutions: dict[str, str | None] = {}
    for line in lexicon_lines("verbal_locutions.txt"):
        verb, noun, *preposition = line.split()
        locutions[f"{verb} {noun}"] = preposition[0] if preposition else None
    return locutions


# the forms a preposition takes with the article it contracts
_PREPOSITION_FORMS = {"à": ("à", "au", "aux"), "de": ("de", "du", "des", "d'", "d’"), "sur": ("sur",)}


@cache
def _human_nouns() -> frozenset[str]:
    return frozenset(lexicon_lines("human_nouns.txt"))


def _has_human_patient(verb: Token) -> bool:
    """The verb's object (or passive subject) is a person: a name tagged PER or a noun of people."""
    return any(
        child.dep_ in ("obj", "nsubj:pass") and (child.ent_type_ == "PER" or child.lemma_.lower() in _human_nouns())
        for child in verb.children
    )


def _is_hypothesis(main: Token) -> bool:
    """The head of a `si` clause (`s'il y avait le moindre risque`): a hypothesis, not an assertion
    (`même si` concedes, and asserts)."""
    for child in main.children:
        if child.dep_ == "mark" and child.lower_ in ("si", "s'", "s’"):
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


_WISH_VERBS = frozenset({"vouloir", "souhaiter", "espérer", "désirer", "rêver", "préférer"})


def _is_evaluated_infinitive(verb: Token) -> bool:
    """`a jugé "légitime" de rendre hommage`, `il est nécessaire de réformer`: an infinitive an adjective
    evaluates is judged, not asserted (whether it happens is another claim)."""
    if not _is_infinitive(verb):
        return False
    if verb.head.pos_ == "ADJ" and verb.head.i < verb.i:
        return True
    return verb.dep_ == "xcomp" and any(
        c.pos_ == "ADJ" and c.dep_ in ("xcomp", "obj") and c.i < verb.i for c in verb.head.children
    )


# verbs of intention, with an infinitive: `ne compte pas rester muré dans le silence`, `envisage de partir`,
# `entend mobiliser` (what is intended has not happened; `compte 15 membres` counts, `n'entend rien` hears)
_INTENTION_VERBS = frozenset({"compter", "envisager", "projeter", "entendre"})


def _is_wish(verb: Token) -> bool:
    if verb.pos_ != "VERB":
        return False
    if verb.lemma_ in _INTENTION_VERBS:
        return _infinitive_complement(verb) is not None
    return verb.lemma_ in _WISH_VERBS


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
    elif _continued_action(main) is not None:
        main = _continued_action(main)  # `les ventes ne cessent de progresser`: the sales progress
    elif main.lemma_ in _DECISION_VERBS:
        # `a décidé de suspendre l'entraînement`: the decided action is the event
        # (an infinitive: `accepte la contradiction, il transpire…` decides nothing about `transpirer`)
        main = _infinitive_complement(main) or main
    decided = _decided_action(main)
    if decided is not None:
        # `aucune décision de quitter l'Irak`: the decided action (`ordonner notre départ`: its noun)
        main = _event_noun(decided) or decided
    return main


_COMMITMENT_VERBS = frozenset({"menacer", "promettre"})


def _is_commitment(verb: Token, main: Token | None) -> bool:
    """A threat or a promise of an action (`a menacé d'enterrer`, `promet de baisser les impôts`): the
    reported infinitive has not happened. A past infinitive is a claim about the past (`jure avoir payé`)."""
    return (
        verb.lemma_ in _COMMITMENT_VERBS
        and main is not None
        and "Inf" in main.morph.get("VerbForm")
        and not any(c.dep_.startswith("aux") for c in main.children)
    )


def _continued_action(verb: Token) -> Token | None:
    """The infinitive of a negated `cesser` or `arrêter` (`ne cesse de progresser`, `n'a pas arrêté de
    pleuvoir`): an action that goes on, not one that stopped; None otherwise."""
    if verb.lemma_ not in ("cesser", "arrêter") or not any(c.lower_ in ("ne", "n'", "n’") for c in verb.children):
        return None
    return _infinitive_complement(verb)


def _is_y_aller_de(verb: Token) -> bool:
    """`y aller de N`: `aller` with the clitic `y` and a `de` complement."""
    return (
        verb.lemma_ == "aller"
        and any(c.lower_ == "y" and c.i < verb.i for c in verb.children)
        and any(
            c.dep_.startswith("obl") and any(g.lower_ in ("de", "d'", "d’") for g in c.children) for c in verb.children
        )
    )


def _predicative_complement(main: Token) -> Token | None:
    """The complement of an adjective predicate (`est victime d'un complot`, `n'est pas favorable à la
    réforme`, `est coupable de fraude`): it says of what, so it is the theme (the subject is the agent)."""
    if main.pos_ != "ADJ" or not any(c.dep_ == "cop" for c in main.children):
        return None
    return next((c for c in main.children if _is_complement(c, "de", "à", pronouns=True)), None)


def _is_complement(token: Token, *prepositions: str, pronouns: bool = False) -> bool:
    """A noun introduced by one of `prepositions` (`à la grève`, `aux négociations`); with `pronouns`,
    a pronoun too (`est victime de cela`; a locution's complement must name something)."""
    forms = tuple(form for p in prepositions for form in _PREPOSITION_FORMS.get(p, (p,)))
    return (
        token.dep_.startswith(("obl", "nmod"))
        and token.pos_ in (("NOUN", "PROPN", "PRON") if pronouns else ("NOUN", "PROPN"))
        and any(c.dep_ == "case" and c.lower_ in forms for c in token.children)
    )


def predicate_and_key(main: Token | None) -> tuple[str | None, str, str]:
    """(predicate lemma, theme lemma, event_key) of the event `main` names (see `event_head`)."""
    return _key_of_head(event_head(main))


def _key_of_head(main: Token | None) -> tuple[str | None, str, str]:
    """Key of an event head. Nominalisations map to their verb; `lancer`/`tirer` + a projectile is
    an attack."""
    if main is None:
        return None, "_", "none|_"
    lemma = _verb_lemma(main)
    if _is_y_aller_de(main):
        # `n'y est pas allé de main morte`, `y est allé de son commentaire`: an idiom (to go at it, to
        # chip in), not a journey
        return None, "_", "none|_"
    if main.pos_ in ("PROPN", "PRON", "NUM", "DET", "X", "SYM", "PUNCT"):
        # a name or a pronoun is no predicate (`C'est François de Rugy qui…` parsed with the name as
        # its head): the claim states no comparable event
        return None, "_", "none|_"
    verbal = any(c.dep_.startswith("aux") for c in main.children)  # (`a fraudé` tagged as a noun)
    if main.pos_ == "NOUN" and not verbal:
        if lemma not in _pairs("nominalisations.csv"):
            # a noun that names no event (`Dîners fastueux, travaux…`, `ce n'est pas un dîner de
            # travail`): a description, not an event sources could disagree on
            return None, "_", "none|_"
        lemma = _pairs("nominalisations.csv")[lemma]
    elif _is_existential(main):
        # `il n'y aura aucun métro`, `il y a des éléments nouveaux`: the existence of its theme, an
        # event (a métro running, then none) where possessive `avoir` is a light verb (`n'a pas les mots`)
        lemma = "exister"
    theme = _theme(main).lower()
    locution = next(
        (
            c
            for c in main.children
            if c.dep_ in ("obj", "nsubj:pass")  # (`aucun hommage ne sera rendu à Pétain`: the passive)
            and c.pos_ == "NOUN"
            and f"{lemma} {c.lemma_.lower()}" in _verbal_locutions()
        ),
        None,
    )
    if locution is not None:
        # `la hausse n'aura pas lieu`: the locution is the predicate, its subject the theme; unless it
        # governs a complement (its preposition is listed), which is then its theme (`donner la mort à
        # deux passants`, `mettre fin à la grève`: the subject is the agent)
        lemma = f"{lemma} {locution.lemma_.lower()}"
        preposition = _verbal_locutions()[lemma]
        complement = (
            next((c for c in [*main.children, *locution.children] if _is_complement(c, preposition)), None)
            if preposition
            else None
        )
        subjects = [c for c in _participants(main) if c.dep_ != "obj" and c.i != locution.i]
        if complement is not None:
            theme = _participant_key(complement).lower()
        else:
            theme = _participant_key(subjects[0]).lower() if subjects else "_"
    relation = _predicative_complement(main)
    if relation is not None:
        theme = _participant_key(relation).lower()
    theme = _pairs("theme_classes.csv").get(theme, theme)
    if fold_accents(theme) in _MEASURES:
        theme = "_"  # `60 % des électeurs se disent…`: a measure is no participant of the event
    if lemma == "exister" and fold_accents(theme) in _ANYONE:
        theme = "_"  # `il n'y avait personne à l'intérieur`, `il y a des gens`: nobody, anybody; no event
    if lemma == "poser" and fold_accents(theme) in _SHELL_NOUNS:
        theme = "_"  # `la question se pose`, `ça ne me pose pas de problème`: which question is said elsewhere
    if lemma in _LIGHT_VERBS and _pairs("units.csv").get(theme) in _PROJECTILES:
        lemma = "attaquer"  # `lancer 11 missiles`, `tirer des roquettes`
    elif lemma in ("lancer", "tirer") and main.pos_ == "VERB":
        # `a lancé dans la nuit du 7 au 8 janvier des missiles`, `ont lancé plusieurs obus`: the projectile
        # the parser hung elsewhere in the clause (under the date) or lemmatised badly (`obus` → `obu`)
        objects = [c for c in main.children if c.dep_ == "obj"]
        candidates = objects or [t for t in _own_clause(main) if t.pos_ == "NOUN"]  # (`lancé un appel`: no)
        fired = next((t for t in candidates if _is_projectile(t)), None)
        if fired is not None:
            lemma, theme = "attaquer", _pairs("units.csv").get(fired.lower_, fired.lemma_.lower())
    if (
        lemma in _IMPACT_VERBS
        and main.pos_ == "VERB"
        and (_struck_by_projectile(main) or lemma == "abattre")
        and not _has_human_patient(main)
    ):
        # `l'avion a été touché par un missile`, `abattu par un missile sol-air`, `un missile a atteint la base`,
        # `a abattu un avion`: a strike on the thing hit (a person hit is a casualty, and keeps its verb)
        lemma = "attaquer"
    if lemma == "arrêter" and main.pos_ == "VERB" and not is_reflexive(main) and _has_human_patient(main):
        lemma = "interpeller"  # `le suspect a été arrêté`: an arrest, not a stop (`arrêter les opérations`)
    if main.pos_ == "VERB" and lemma in _PRONOMINAL_SENSES and is_reflexive(main):
        lemma = _PRONOMINAL_SENSES[lemma]  # `des roquettes se sont abattues` fell; nobody was killed
    klass = _pairs("predicate_classes.csv").get(lemma, lemma)
    key = f"{fold_accents(klass)}|{fold_accents(theme)}"
    return lemma, theme, key


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


# subordinators of a clause that says nothing happened: a condition, an aim, a time not yet reached, an
# exclusion (`tant que la banque ne sera pas retirée de la liste`, `avant qu'il ne parte`, `pour que`)
_NON_FACTUAL_BEFORE_QUE = frozenset(
    {"tant", "condition", "pourvu", "avant", "jusqu'à", "jusqu’à", "pour", "afin", "sans", "peur", "crainte", "moins"}
)


def _is_non_factual_clause(verb: Token) -> bool:
    """The verb of a clause opened by `si`, `tant que`, `à condition que`, `avant que`, `pour que`, `sans
    que`… (`bien que`, `parce que`, `alors que` state facts)."""
    for mark in (c for c in verb.children if c.dep_ == "mark"):
        if mark.lower_ in ("si", "s'", "s’") or mark.lower_ in _NON_FACTUAL_BEFORE_QUE:
            return True  # (`tant que`, `avant que`: the parser's mark is the first word, `que` is fixed to it)
        if mark.lower_ in ("que", "qu'", "qu’") and mark.i > 0:
            before = verb.doc[mark.i - 1].lower_
            if before in _NON_FACTUAL_BEFORE_QUE or f"{before}'" in _NON_FACTUAL_BEFORE_QUE:
                return True
    return False


def _is_event_clause(token: Token, main: Token | None) -> bool:
    """A relative, participial or adverbial clause whose verb names an event of the class lexicon."""
    return (
        main is not None
        and token.i != main.i
        and (token.dep_ in ("acl", "acl:relcl", "advcl") or _relative_subject(token) is not None)
        and token.pos_ == "VERB"
        and token.lemma_.lower() in _pairs("predicate_classes.csv")
        and not _is_non_factual_clause(token)
        # an infinitive (`pour reprendre les opérations`) is an aim, not an event that happened
        and "Inf" not in token.morph.get("VerbForm")
        and not any(c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in token.children)
    )


def _clause_extent(head: Token) -> list[int]:
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


# verbs whose subject undergoes the event named by their object (`des dizaines ont subi des traumatismes`)
_UNDERGOING = frozenset({"subir"})


def _is_participle_adjunct(verb: Token) -> bool:
    """A present participle or gerund without a subject of its own, hung on a clause or a noun."""
    return (
        verb.dep_ in ("advcl", "acl")
        and "Part" in verb.morph.get("VerbForm")
        and "Pres" in verb.morph.get("Tense")
        and not any(c.dep_.startswith("nsubj") for c in verb.children)
    )


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
    decides = main.lemma_ in _DECISION_VERBS and _infinitive_complement(main) is not None
    if main.lemma_ in _UNDERGOING or not (decides or any(c.dep_ == "obj" for c in main.children)):
        # without an object the subject is what undergoes the event (`les opérations ont repris`),
        # its theme, not an agent
        return None
    subjects = [
        c
        for c in main.children
        if c.dep_ == "nsubj" and (c.pos_ in ("NOUN", "PROPN", "PRON") or c.lower_ in _ANAPHORIC_PRONOUNS)
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
        if antecedent is not None and antecedent.pos_ in ("NOUN", "PROPN"):
            while antecedent.dep_ == "flat:name" and antecedent.head.i != antecedent.i:
                antecedent = antecedent.head
            return _name_key(antecedent)
        return None
    if subjects and subjects[0].pos_ not in ("NOUN", "PROPN"):
        # `aucun n'a porté plainte`, `il a tué deux personnes`: someone the article named before, not
        # known to be the agent another claim names
        return UNRESOLVED_AGENT if subjects[0].lower_ in _ANAPHORIC_PRONOUNS else None
    return _name_key(subjects[0]) if subjects else None


UNRESOLVED_AGENT = "?"
_ANAPHORIC_PRONOUNS = frozenset(
    {"il", "elle", "ils", "elles", "aucun", "aucune", "celui-ci", "celle-ci", "ceux-ci", "celles-ci", "lui", "eux"}
)


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


_DECISION_VERBS = frozenset({"décider", "choisir", "accepter", "entreprendre", "commencer", "continuer", "poursuivre"})
_MEASURES = frozenset(
    {"pourcent", "%", "point", "euro", "dollar", "million", "milliard", "an", "annee", "mois", "jour", "heure"}
    | {"minute", "kilometre", "metre", "kilo", "tonne", "degre", "hectare", "litre", "kilogramme", "gramme"}
)
_PROJECTILES = frozenset({"missile", "roquette", "obus", "frappe", "attaque", "drone", "bombe"})
# verbs of a blow whose agent may be a projectile (`touché par un missile`, `un obus a atteint l'école`)
_IMPACT_VERBS = frozenset({"toucher", "atteindre", "abattre", "frapper", "détruire", "endommager"})


def _is_projectile(noun: Token) -> bool:
    """A projectile, a shot or a strike (`missile`, `roquettes`, `obus`), by its lemma or by the word as written
    (`obus` is lemmatised `obu`)."""
    units = _pairs("units.csv")
    return any(
        units.get(form, form) in _PROJECTILES
        for form in (noun.lemma_.lower(), noun.lower_, noun.lower_.removesuffix("s"))
    )


def _own_clause(verb: Token) -> list[Token]:
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


def _struck_by_projectile(verb: Token) -> bool:
    """The verb's agent (passive `par un missile`, or active subject) is a projectile, or a shot or a strike
    of one (`un tir de missile`)."""
    return any(
        _is_projectile(noun)
        for child in verb.children
        if child.dep_ in ("obl:agent", "nsubj")
        for noun in [child, *(c for c in child.children if c.dep_ == "nmod")]
    )


# what `il y a` says exists when it says nothing in particular exists: people or things in general
# nouns whose content is given elsewhere (`la question de la reconstruction`): raising one is no event
_SHELL_NOUNS = frozenset({"question", "probleme"})
_ANYONE = frozenset({"personne", "gens", "monde", "quelqu'un", "quelqu’un", "chose", "rien"})


# `la nouvelle campagne`, `une autre attaque`, `3000 soldats supplémentaires`: not the one another
# report speaks of, nor a total
_NEW_INSTANCE = frozenset({"nouveau", "nouvel", "nouvelle", "autre", "supplémentaire", "additionnel"})


def _is_new_instance(noun: Token) -> bool:
    return any(c.dep_ in ("amod", "det") and c.lemma_.lower() in _NEW_INSTANCE for c in noun.children)


def event_is_new_instance(head: Token | None) -> bool:
    """The event (its head, see `event_head`), or its theme, is marked as another occurrence (`la
    nouvelle campagne débutera dimanche`, `une nouvelle attaque`): not one an earlier report dated."""
    if head is None:
        return False
    return any(_is_new_instance(t) for t in [head, *_participants(head)] if t.pos_ in ("NOUN", "PROPN"))


# `1,2 milliard d'euros`: a scale noun multiplies the number, and what it counts is its complement
_SCALE_NOUNS = {"million": 1e6, "milliard": 1e9, "millier": 1e3}
# `un`/`une` is the indefinite article before it is a count (`une patrouille doit rester`, `un séisme a
# été enregistré`), except in a casualty toll, where one victim against two is the news
_TOLL_CLASSES = classes_with("casualty")


def _quantity(tokens: list[Token], toll: bool = False) -> tuple[float | None, str | None, str | None, float | None]:
    """The first counted quantity in the proposition: (value, unit, op, upper bound). `toll`: the
    event is a casualty, whose `un`/`une` counts."""
    units = _pairs("units.csv")
    grouped = -1  # (the groups of digits already read with the number they continue)
    for i, t in enumerate(tokens):
        if t.lower_ in ("un", "une") and not toll:
            continue
        if i <= grouped:
            continue
        head = t.head
        low = t.lower_
        if low.rstrip("s") in APPROXIMATE and t.pos_ == "NOUN":
            base = APPROXIMATE[low.rstrip("s")]
            plural = low.endswith("s")
            nxt = [c for c in tokens[i + 1 : i + 4] if c.pos_ == "NOUN"]
            if nxt:
                unit = units.get(nxt[0].lemma_.lower(), nxt[0].lemma_.lower())
                return float(base * 2 if plural else base), unit, "~", None
        written, last = _digit_groups(tokens, i)
        if last > i:
            # `2 012 morts`, `46 600 manifestants`: thousands set apart by a space are one number, whose noun
            # is the head of one of its groups
            grouped = last
            head = next((g.head for g in tokens[i : last + 1] if g.head.pos_ == "NOUN" and g.head.i > last), head)
        if not (t.like_num or t.pos_ == "NUM") or head.pos_ != "NOUN" or head.i <= t.i:
            continue  # (a number after its noun is a label or a measure: `magnitude 4,9`, `article 3`)
        value = parse_number(written)
        if value is None or (1900 <= value <= 2100 and head.lemma_ in ("an", "année")):
            continue
        if _is_age(t, head):
            continue  # `son compagnon, âgé de 19 ans`: an attribute of a person, not a count of the event
        if _is_new_instance(head):
            continue  # `deux nouvelles explosions`, `38 nouveaux départements`: an increment, not a total
        if toll and not _counts_victims(head):
            continue  # `les 15 missiles … avaient fait 80 morts`, `tué dans une frappe`: a toll counts people
        factor = _SCALE_NOUNS.get(head.lemma_.lower(), 1.0)
        counted = next((c for c in head.children if c.dep_ == "nmod" and c.pos_ == "NOUN"), None)
        if factor != 1.0 and counted is not None:
            value, head = value * factor, counted
        unit = units.get(head.lemma_.lower(), head.lemma_.lower())
        before = " ".join(x.lower_ for x in tokens[max(0, i - 3) : i])
        op = "="
        if re.search(r"pas moins d(?:['’]|e)$", before):
            op = ">"  # `pas moins de 15`: at least 15
        elif re.search(r"pas plus d(?:['’]|e)$", before):
            op = "<"
        elif re.search(r"(plus d['e]|au moins|plus de)$", before):
            op = ">"
        elif re.search(r"moins d['e]$|moins de$", before):
            op = "<"
        elif re.search(r"(près d['e]|environ|quelque|presque|près de)$", before):
            op = "~"
        after = tokens[last + 1 : last + 3]
        if len(after) == 2 and after[0].lower_ in ("à", "-", "et") and (after[1].like_num or after[1].pos_ == "NUM"):
            upper = parse_number(_digit_groups(tokens, last + 2)[0])
            upper = upper * factor if upper is not None else None
            if upper is not None and upper > value:
                return value, unit, "range", upper
        return value, unit, op, None
    return None, None, None, None


def _digit_groups(tokens: list[Token], i: int) -> tuple[str, int]:
    """The number written from token `i` on, with the groups of three digits that follow it after a single
    space (`2 012`, `46 600`, `1 200 000`), and the index of its last token."""
    last = i
    if re.fullmatch(r"\d{1,3}", tokens[i].text):
        while (
            last + 1 < len(tokens) and tokens[last].whitespace_ == " " and re.fullmatch(r"\d{3}", tokens[last + 1].text)
        ):
            last += 1
    return " ".join(t.text for t in tokens[i : last + 1]), last


def _counts_victims(noun: Token) -> bool:
    """A casualty's count counts people (`80 morts`, `11 soldats`, `trois passants`), not the weapons, the
    events or the times around them (`15 missiles`, `une frappe`, `deux jours`)."""
    lemma = noun.lemma_.lower()
    if _is_projectile(noun) or lemma in _TIME_WORDS:
        return False
    verb = _pairs("nominalisations.csv").get(lemma)
    return verb is None or _pairs("predicate_classes.csv").get(verb) in _TOLL_CLASSES


def _is_age(number: Token, noun: Token) -> bool:
    """`âgé de 19 ans`, `Jean, 20 ans,`, `un homme de 35 ans`: a person's age (a count of years after
    `âgé de`, in apposition, or complementing a person), not a count (`condamné à 20 ans de prison`)."""
    if noun.lemma_.lower() not in ("an", "ans") or number.i == 0:
        return False
    before = number.doc[number.i - 1]
    if before.text in (",", "(") or (
        before.lower_ in ("de", "d'", "d’") and number.i > 1 and number.doc[number.i - 2].lower_.startswith("âgé")
    ):
        return True
    owner = noun.head
    return before.lower_ in ("de", "d'", "d’") and (
        owner.pos_ == "PROPN" or owner.ent_type_ == "PER" or owner.lemma_.lower() in _human_nouns()
    )


_NEGATIVE_SUBJECT_CLAUSE = re.compile(
    r"\s*,?\s+(?:et|mais)\s+(?=(?:personne|rien|aucune?|nulle?)\b[^,;.]{0,60}?\bn(?:e\b|['’]))", re.I
)


_NEGATIVE_DETERMINERS = frozenset({"aucun", "aucune", "nul", "nulle"})
# adjectives of nationality or origin by their ending (`américain`, `français`, `irakien`, `chinois`, `allemand`)
_NATIONALITY_ENDING = re.compile(r"(?:ain|ais|ien|ois|and|ol|on)(?:e|ne)?s?$")


def _denial_scope(main: Token | None) -> str | None:
    """What a denial by a negative determiner is restricted to: `Aucune enquête pour tentative de
    meurtre n'a été ouverte` denies only such investigations (`tentative`); an investigation into
    the causes of the death does not contradict it. The folded lemma of the complement (else of an
    adjective after the noun), or None."""
    if main is None:
        return None
    for noun in _participants(main):
        determiners = [c for c in noun.children if c.dep_ == "det"]
        # `aucune enquête`, or the partitive `de` of a negated verb (`il n'existe pas de seuil réglementaire`)
        if not any(c.lower_ in _NEGATIVE_DETERMINERS or c.lower_ in ("de", "d'", "d’") for c in determiners):
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
        if pronoun.dep_.startswith("nsubj") and pronoun.lower_ in _NEGATIVE_DETERMINERS:
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


# `66 % des Français disent ne pas…`: a share of a population speaks for that part of it only
_SHARE_SPEAKER = re.compile(r"\d\s*(?:%|pour\s*cent)|\b(?:tiers|quart|moitié|majorité|minorité)\s+d", re.I)
# a share of a population as subject: the claim is about that part of it
_SHARE_NOUNS = frozenset({"tiers", "quart", "moitié", "majorité", "minorité", "proportion", "pourcentage", "pourcent"})
# `seulement`, `uniquement`, `ne … que`, `une seule banque`: the claim asserts part of the event only
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
_RESTRICTIVE = frozenset({"seulement", "uniquement", "exclusivement", "seul", "seule", "seuls", "seules"})
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
        t.lower_ == "aussi" and t.nbor(1).pos_ in ("ADJ", "ADV") and t.nbor(2).lower_ in ("que", "qu'", "qu’")
        for t in tokens[:-2]
    )


def is_restricted(tokens: list[Token], main: Token | None) -> bool:
    """The proposition is restricted by a focus particle of its own clause (`seront retransmis
    seulement par quelques journalistes`, `ne communique que sur le nombre de blessés`, `une seule
    banque n'aurait pas refusé`), an exception or a contrast (`pas à X mais à Y`), or a comparison of degree
    (`pas autant que`): it neither affirms nor denies the event as a whole."""
    if main is None:
        return False
    subjects = [c for c in main.children if c.dep_.startswith("nsubj")]
    if any(t.lemma_.lower() in _SHARE_NOUNS or t.text == "%" for s in subjects for t in s.subtree):
        return True  # `66 % des Français ont…`: a part of them
    if any(
        t.lemma_.lower() in _SHARE_NOUNS and any(c.dep_ == "nmod" for c in t.children) and t.i < main.i for t in tokens
    ):
        return True  # `seul un tiers des Français fait confiance` (however the parser attached `tiers`)
    words = [t.lower_ for t in tokens]
    restrictive_que = any(w in ("ne", "n'", "n’") for w in words) and any(
        t.lower_ in ("que", "qu'", "qu’") and t.dep_ not in ("mark", "obj", "nsubj") and t.i > main.i for t in tokens
    )
    if tokens and _EXCEPTION_OR_CONTRAST.search(
        doc_text(tokens[0].doc), tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    ):
        return True  # `je n'ai jamais perdu cette flamme, si ce n'est sur ces deux années`: all but a part
    if tokens and _compares_degree(tokens):
        return True
    if tokens and _NOT_X_BUT_Y.search(doc_text(tokens[0].doc), tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)):
        return True
    return restrictive_que or any(t.lower_ in _RESTRICTIVE and _in_main_clause(t, main) for t in tokens)


def _theme_owned(main: Token | None) -> bool:
    """The theme is possessed (`Emmanuel Macron a entamé ses vacances`): the event is the agent's own,
    and a report naming no agent (`les vacances ont débuté samedi`) may be someone else's."""
    if main is None:
        return False
    participants = _participants(main)
    return bool(participants) and any("Yes" in c.morph.get("Poss") for c in participants[0].children)


# nouns of time and of prepositional locutions: `au cours du Nouvel An`, `dans la nuit de vendredi`,
# `la veille de Noël` still date the event
_TIME_NOUNS = frozenset(
    {"temps", "temps-là", "an", "instant", "époque", "saison", "été", "hiver", "automne", "printemps"}
)
_TIME_HEADS = frozenset(
    {"cours", "lors", "moment", "fin", "début", "milieu", "veille", "lendemain", "soir", "soirée", "matin"}
    | {"matinée", "nuit", "journée", "jour", "semaine", "week-end", "mois", "année", "période", "date"}
    | {"heure", "après-midi", "courant", "suite", "terme", "approche", "alentours", "environs"}
)
_TIME_WORDS = _TIME_HEADS | _TIME_NOUNS  # (a time, not an event: `pendant ce temps-là`, `durant la nuit`)


def _noun_dates(
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
            and root.head.lemma_.lower() not in _TIME_HEADS
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
        if noun.lemma_.lower() in _TIME_WORDS and not any(
            c.dep_ == "nmod" and c.pos_ == "NOUN" and c.lemma_.lower() not in _TIME_WORDS for c in noun.children
        ):
            continue  # `pendant ce temps-là`, `durant la nuit`: a time, not an event (`sa période de suspension` is)
        lo = min(x.idx for x in noun.subtree)
        hi = max(x.idx + len(x) for x in noun.subtree)
        if not any(start < hi and lo < end for start, end in timex_spans):
            return True
    return False


def _bare_infinitive(main: Token | None) -> bool:
    return (
        main is not None
        and main.pos_ == "VERB"
        and "Inf" in main.morph.get("VerbForm")
        and not any(c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm") for c in main.children)
    )


def _is_anterior(main: Token | None) -> bool:
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
    if main is None or main.pos_ not in ("VERB", "AUX") or _periphrasis_infinitive(main) is not None:
        return False
    if any(c.dep_ == "aux:tense" for c in main.children):
        return False
    finite = main if "Fin" in main.morph.get("VerbForm") else None
    finite = finite or next(
        (c for c in main.children if c.dep_ in ("cop", "aux:pass") and "Fin" in c.morph.get("VerbForm")), None
    )
    return finite is not None and finite.morph.get("Mood") == ["Ind"] and "Imp" in finite.morph.get("Tense")


def _is_concurrent(main: Token | None) -> bool:
    """A reported verb in the present or the imperfect indicative, without auxiliary: in reported
    speech, an action under way when it was reported (`a annoncé qu'elle gelait sa campagne`), not
    before it (`avait gelé`) nor after it (`gèlerait`, `va geler`)."""
    if main is None or main.pos_ not in ("VERB", "AUX"):
        return False
    if main.morph.get("Mood") != ["Ind"] or not set(main.morph.get("Tense")) & {"Pres", "Imp"}:
        return False
    if _is_conditional(main):
        return False
    return not any(c.dep_.startswith("aux") or c.lemma_ in ("aller", "venir") for c in main.children)


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


_INFINITIVE_NEGATION = frozenset({"ne", "n'", "n’"}) | _NEGATION_AFTER_NE
_CLAUSE_SUBJECTS = frozenset({"il", "elle", "ils", "elles", "on", "je", "j'", "j’", "nous", "vous"})


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
    for t in _tokens_in(doc, start, end):
        joins_verbs = t.dep_ == "cc" and t.head.dep_ == "conj" and _finite(t.head) and _finite(t.head.head)
        if t.lower_ in ("et", "mais") and joins_verbs and t.head.head.i < t.i < t.head.i:
            boundaries.append((t.idx, t.idx + len(t.text)))
        # `il n'accepte pas la contradiction, il transpire la haine`: a comma, then a subject pronoun and
        # its finite verb, starts a juxtaposed clause; split when one side only is negated, so that the
        # negation does not reach the other
        if (
            t.lower_ in _CLAUSE_SUBJECTS
            and t.dep_.startswith("nsubj")
            and t.i > 0
            and doc[t.i - 1].text == ","
            and t.head.i > t.i
            and _finite(t.head)
            # (not the words a verb on the left reports: `Il m'a dit 'Maman, je ne me sens pas bien'`)
            and t.head.head.lemma_ not in reporting_lexicon()
        ):
            comma = doc[t.i - 1]
            # (each side up to its neighbouring comma: the clauses themselves)
            left = max([start] + [text.rfind(mark, start, comma.idx) + 1 for mark in ",.;:!?"])
            right = min([end] + [k for k in (text.find(mark, t.idx, end) for mark in ",.;:!?") if k > 0])
            negated_left = any(x.lower_ in ("ne", "n'", "n’") for x in _tokens_in(doc, left, comma.idx))
            negated_right = any(x.lower_ in ("ne", "n'", "n’") for x in _tokens_in(doc, t.idx, right))
            if negated_left != negated_right:
                boundaries.append((comma.idx, comma.idx + 1))
    for left, right in sorted(boundaries):
        if left < cuts[-1]:
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in _tokens_in(doc, cuts[-1], left)) and any(
            t.pos_ in ("VERB", "AUX") for t in _tokens_in(doc, right, end)
        ):
            cuts.extend([left, right])
    cuts.append(end)
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    return [s for s in spans if s[1] > s[0]]


def _finite(verb: Token) -> bool:
    """A verb group with a finite verb: the verb itself or one of its auxiliaries."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    forms = [verb.morph.get("VerbForm")] + [c.morph.get("VerbForm") for c in verb.children if c.dep_.startswith("aux")]
    return any(f == ["Fin"] for f in forms)


def _quote_span(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """A sentence opening with a quotation: (inner start, inner end, position after the closing quote)."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i >= end or text[i] not in _OPEN_QUOTES:
        return None
    opener = text[i]
    closer = {"«": "»", "“": "”"}.get(opener, '"')
    j = text.find(closer, i + 1, end)
    if j < 0:
        return None
    return i + 1, j, j + 1


@cache
def _speaker_channels() -> re.Pattern[str]:
    """Where or how a speaker said it (`lexicons/speaker_channels.txt`), with the name that may follow."""
    phrases = "|".join(re.escape(line) for line in lexicon_lines("speaker_channels.txt"))
    return re.compile(rf"\s*(?<!\w)(?:{phrases})(?-i:(?:\s+[A-Z][\w\-]+)*)", re.I)


def _speaker_after(text: str, start: int, end: int) -> tuple[int, int]:
    """The subject of an inverted attribution (`…, a déclaré à l'AFP le porte-parole X.`)."""
    pos = start
    while True:
        m = _INVERTED_SKIP.match(text, pos, end) or _speaker_channels().match(text, pos, end)
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
    channel = _speaker_channels().search(text, pos, stop)
    if channel:
        stop = channel.start()
    return _trim(text, pos, head_end(text, pos, stop))


_PERSONAL = frozenset({"il", "elle", "ils", "elles"})


def _subject_before(text: str, start: int, end: int, verb: Token | None = None) -> tuple[int, int, str]:
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
        and _is_infinitive(verb)
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
            if child.dep_ in ("nsubj", "nsubj:pass") and start <= child.idx < end and child.lower_ in _NOBODY:
                return start, start, ""  # `Rien ne permet d'affirmer que P`: nobody says it
            if child.dep_ in ("nsubj", "nsubj:pass") and start <= child.idx < end and child.lower_ in _PERSONAL:
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
    s, e = _trim(text, start, end)
    raw = text[s:e]
    cleaned = _PARENTHETICAL.sub(", ", raw + ",").strip(" ,")
    cleaned = re.sub(r"\s*,\s*$", "", cleaned)
    return s, e, cleaned


def extract_sentence_claims(
    doc: Doc,
    article_id: str,
    sentence_idx: int,
    start: int,
    end: int,
    text: str | None = None,
    timex_spans: Sequence[tuple[int, int]] | None = None,
) -> list[Claim]:
    """All claims of one sentence `doc.text[start:end]` (see module docstring).

    Pass the document's `text` when calling per sentence (or it is read once with `nlp.doc_text`),
    and the document's temporal expressions (`timex_spans`, offsets into the text) when they are
    already tagged; otherwise the sentence is tagged here."""
    text = doc_text(doc) if text is None else text
    if timex_spans is None:
        timex_spans = [(start + t.start, start + t.end) for t in tag_timex(text[start:end])]
    tokens = _tokens_in(doc, start, end)
    if not tokens or not any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return []
    # the main clause's reporting verb first: one in an adverbial clause (`S'il n'a pas démenti ces
    # révélations, l'intéressé a assuré que P`) is not the sentence's attribution
    verbs = sorted(_reporting_verbs(tokens), key=_heads_adverbial_clause)
    claims: list[Claim] = []

    def make(
        prop_start: int,
        prop_end: int,
        kind: str,
        verb: Token | None,
        speaker: tuple[int, int] | None,
        speaker_text: str | None,
        attribution: tuple[int, int] | None,
    ) -> None:
        if speaker is not None and _RELATIVE_TAIL.search(text, speaker[0], speaker[1]):
            speaker = _antecedent(doc, text, speaker)
            speaker_text = text[speaker[0] : speaker[1]]
        if speaker is not None and text[speaker[0] : speaker[1]].lower() in _NOBODY:
            speaker, speaker_text = None, None  # `Rien ne permet d'affirmer que P`, `Personne ne peut dire`
        if speaker is not None and not _names_someone(doc.char_span(*speaker, alignment_mode="expand")):
            # `Après avoir affirmé que P, X…`, `Et d'ajouter`: words before the verb that name nobody
            speaker, speaker_text = None, None
        appositive = _APPOSITIVE_RELATIVE.search(text, speaker[0], speaker[1]) if speaker is not None else None
        if speaker is not None and appositive is not None and appositive.start() > speaker[0]:
            # `Le ministre, qui a démissionné, a annoncé`: the speaker is the noun phrase, not its relative clause
            speaker = (speaker[0], appositive.start())
            speaker_text = text[speaker[0] : speaker[1]]
        if kind == "indirect":
            # what a verb reports ends with its sentence, unless a quotation it opens goes on (a stray
            # quotation mark can join two sentences: `La société réfute l'existence d'une politique… .
            # Il n'y a pas de directive…", affirme le groupe`, where the second is not what is refuted)
            stop = _SENTENCE_END.search(text, prop_start, prop_end)
            if stop is not None and not any(q in text[prop_start : stop.start()] for q in _OPEN_QUOTES):
                prop_end = stop.start() + 1
        # a clause coordinated with the reporting verb is the article's, not what the verb reports (`On m'a
        # dit qu'il y avait une femme sur le bateau mais je ne l'ai pas vue`)
        own = _coordinated_main_clause(verb, prop_start, prop_end) if kind == "indirect" else None
        # (start, end, forced main token, narrative: a presupposed fact stated by the article itself)
        spans: list[tuple[int, int, Token | None, bool]] = [
            (a, b, None, False) for a, b in _split_clauses(doc, *_trim(text, prop_start, own or prop_end), text)
        ] + ([(own, prop_end, None, True)] if own is not None else [])
        while spans:
            a, b, forced_main, sub = spans.pop(0)
            a, b = _trim(text, a, b)
            if b - a < 3:
                continue
            prop_tokens = _tokens_in(doc, a, b)
            if not prop_tokens:
                continue
            main = forced_main or _main_token(prop_tokens)
            # a fact presupposed in a relative or participial clause is stated by the article itself,
            # even inside a report or a denial (`ont démenti … la reprise…, interrompue après la mort
            # de Soleimani, tué le 3 janvier`): no speaker, no reporting verb
            verb_here = None if sub else verb
            if forced_main is None:
                # events stated inside relative or participial clauses (`Soleimani, tué le 3 janvier`,
                # `une frappe…, qui a tué le général…`) are propositions of their own
                spans += [(*_clause_extent(t), t, True) for t in prop_tokens if _is_event_clause(t, main)]
                coordinated = _coordinated_participle(main)
                if coordinated is not None and a < coordinated[1].idx:
                    # `personne n'a été tué ni blessé`: two events with one subject and one negation;
                    # this claim ends before `ni`, the next one is the whole clause with `blessé` as head
                    spans.insert(0, (a, b, coordinated[0], False))
                    a, b = _trim(text, a, coordinated[1].idx)
                    prop_tokens = _tokens_in(doc, a, b)
            head = event_head(main)  # (once per claim: the polarity, the key and the flags below read it)
            polarity, cue = _polarity(prop_tokens, main, head)
            predicate, theme, key = _key_of_head(head)
            if kind != "indirect" and _bare_infinitive(main):
                # `Ne pas ouvrir le marché de Noël serait céder…`: an infinitive heading the sentence is
                # a topic or a hypothesis, not a statement that the market is (not) open (an infinitive
                # reported by a verb, `a démenti avoir frappé`, is an indirect claim and keeps its event)
                predicate, theme, key = None, "_", "none|_"
            if _is_question(text, a, b):
                # `Si j'étais une femme, vous m'auriez serré la main ?`: a question asserts nothing, whoever
                # asks it
                predicate, theme, key = None, "_", "none|_"
            stance = reporting_lexicon().get(verb_here.lemma_) if verb_here is not None else None
            if stance == "request" or (verb_here is not None and _is_commitment(verb_here, main)):
                # `a demandé à X de quitter la présidence`, `appelle à manifester`: what is asked for or
                # urged has not happened, and may never (as for a wish, `_is_wish`); nor what is threatened
                # or promised (`a menacé d'enterrer l'ambassadeur`, `promet de baisser les impôts`)
                predicate, theme, key = None, "_", "none|_"
            negated_report = verb_here is not None and _is_negated_report(verb_here)
            # a denial verb reverses what it reports (`a démenti avoir frappé`, `dément que P`), not the words
            # it quotes, which carry their own negation (`"On n'écrase personne", s'est-il défendu`)
            if stance == "deny" and not negated_report and kind != "direct":
                polarity = -polarity
                cue = f"{verb_here.lemma_} ({cue})" if cue else verb_here.lemma_
            reported_in_past = verb_here is not None and (
                "Past" in verb_here.morph.get("Tense") or any(c.dep_.startswith("aux") for c in verb_here.children)
            )
            hedged = (
                _hedged(prop_tokens, text[a:b], reported_in_past, main)
                or negated_report
                or (verb_here is not None and _is_alleged_report(verb_here))
            )
            if attribution and not sub and _HEDGE_PHRASES.search(text[attribution[0] : attribution[1]]):
                hedged = True
            q = _quantity(prop_tokens, toll=key.split("|")[0] in _TOLL_CLASSES)
            reported = verb_here is not None and kind == "indirect"  # indirect speech, with its verb
            subordinate = [
                _clause_extent(t) for t in prop_tokens if t.dep_ in _SUBORDINATE and main is not None and t.i != main.i
            ] + _noun_dates(doc, timex_spans, a, b, main)
            sp_text = None if sub else speaker_text
            claims.append(
                Claim(
                    article_id=article_id,
                    sentence_idx=sentence_idx,
                    char_start=a,
                    char_end=b,
                    text=text[a:b],
                    quote_kind="narrative" if sub else kind,
                    speaker_text=sp_text,
                    speaker_start=speaker[0] if speaker and not sub else None,
                    speaker_end=speaker[1] if speaker and not sub else None,
                    attribution_start=attribution[0] if attribution and not sub else None,
                    attribution_end=attribution[1] if attribution and not sub else None,
                    reporting_verb=verb_here.lemma_ if verb_here is not None else None,
                    stance=stance,
                    polarity=polarity,
                    hedged=hedged,
                    predicate=predicate,
                    theme=theme,
                    event_key=key,
                    negation=cue,
                    quantity=q[0],
                    quantity_unit=q[1],
                    quantity_op=q[2],
                    quantity_max=q[3],
                    pronoun_speaker=bool(sp_text and _PRONOUN_SPEAKER.match(sp_text.strip()))
                    or (verb_here is not None and verb_here.lemma_ == "lire" and not sp_text),
                    extras={
                        "subordinate": subordinate,
                        "arguments": core_arguments(main),
                        "agent": event_agent(main),
                        "concurrent": reported and _is_concurrent(main),
                        "anterior": _is_anterior(main),
                        "timed_by_event": timed_by_event(main, prop_tokens, timex_spans),
                        "modal": modal_verb(main),
                        # (in indirect speech the imperfect is the present of the report: `a dit qu'il gelait`)
                        "imperfect": is_simple_imperfect(main) and not reported,
                        "denial_scope": _denial_scope(main) if polarity == -1 else None,
                        "theme_owned": _theme_owned(main),
                        "anaphoric": theme == "_" and is_anaphoric_event_noun(head),
                        "restricted": is_restricted(prop_tokens, main)
                        or bool(sp_text and _SHARE_SPEAKER.search(sp_text)),
                        "new_instance": event_is_new_instance(head),
                    },
                )
            )

    # `P, selon X.` / `"P", selon X.`: the source given after the proposition
    trailing = _SELON_AFTER.search(text[start:end])
    if trailing and not _SELON.match(text[start:end]):
        sp = (start + trailing.start("speaker"), start + trailing.end("speaker"))
        cut = start + trailing.start()
        inner = _quote_span(text, start, cut)
        if inner and text[inner[2] : cut].strip() == "":
            make(inner[0], inner[1], "direct", None, sp, text[sp[0] : sp[1]], (cut, end))
        else:
            make(start, cut, "indirect", None, sp, text[sp[0] : sp[1]], (cut, end))
        for claim in claims:
            claim.reporting_verb = "selon"
        return claims

    # 1. a quotation first, attribution after: "P", a déclaré X / "P", a-t-il indiqué
    quote = _quote_span(text, start, end)
    if (
        quote
        and len(text[quote[0] : quote[1]].split()) < 4
        and not any(t.pos_ in ("VERB", "AUX") for t in _tokens_in(doc, quote[0], quote[1]))
    ):
        quote = None  # `"Le Divan", l'émission culte, fait son retour`: a title in quotation marks
    if quote:
        inner_start, inner_end, after = quote
        rest_verbs = [v for v in verbs if v.idx >= after]
        if rest_verbs:
            verb = rest_verbs[0]
            clitic = re.match(r"-t-(il|elle|ils|elles)\b|-(il|elle|ils|elles)\b", text[verb.idx + len(verb.text) : end])
            if re.search(r"-t-(?:il|elle|ils|elles)|-(?:il|elle|ils|elles)\b", text[after : verb.idx + 30]):
                sp = re.search(r"(il|elle|ils|elles)\b", text[after:end])
                speaker = (after + sp.start(), after + sp.end()) if sp else None
            elif clitic:
                speaker = None
            else:
                speaker = _speaker_after(text, verb.idx + len(verb.text), end)
            sp_text = text[speaker[0] : speaker[1]] if speaker else None
            make(inner_start, inner_end, "direct", verb, speaker, sp_text, (after, end))
            return claims
        if not verbs:
            make(inner_start, inner_end, "direct", None, None, None, None)
            for claim in claims:
                claim.pronoun_speaker = True  # a quotation continuing the previous speaker's
            return claims

    # 2. selon X, P  /  Pour X, P (X a named person or organisation: `Pour le délégué général de LREM,
    # Christophe Castaner, "l'exigence" de Nicolas Hulot était…`)
    m = _SELON.match(text[start:end])
    pour = _POUR.match(text[start:end])
    if pour and not m:
        named = [e for e in doc.ents if e.label_ in ("PER", "ORG") and start + pour.start("speaker") <= e.start_char]
        named = [e for e in named if e.end_char <= start + pour.end("speaker")]
        tail_verbs = [t for t in _tokens_in(doc, start + pour.start("prop"), end) if _finite(t)]
        if named and tail_verbs:
            m = pour
    if m:
        sp = (start + m.start("speaker"), start + m.end("speaker"))
        make(start + m.start("prop"), end, "indirect", None, sp, text[sp[0] : sp[1]], sp)
        claims_selon = claims
        for c in claims_selon:
            c.reporting_verb = "selon"
        return claims

    for verb in verbs:
        group_start = _verb_group_start(verb)
        after_verb = verb.idx + len(verb.text)
        stance = reporting_lexicon().get(verb.lemma_)
        # 3. X V que P  /  X V : "P"
        window = text[after_verb : min(end, after_verb + 80)]
        que = re.match(r"^(?:\s+(?:[\w’'\-]+\s+){0,5}?)?\s*(?:qu['’]|que\s)", window) or _ADDRESSEE_QUE.match(window)
        if que and _COMPARED_BEFORE_QUE.search(window[: que.end()]):
            que = None  # `ne pouvait expliquer cette participation moindre qu'aux dernières années`: a comparison
        # `s'est défendu en jugeant que P`, `a démenti les propos de X, assurant que P`: a gerund, or a
        # participle after a comma, of another reporting verb before `que` reports P with its own stance
        # (the subject is still the speaker); a participle of the object noun does not (`a démenti les
        # informations affirmant que P` denies P)
        participle_que = _PARTICIPLE_QUE.match(text[after_verb : min(end, after_verb + 160)])
        gerund = (
            next(
                (
                    t
                    for t in reversed(tokens)
                    if after_verb < t.idx < after_verb + (que or participle_que).end()
                    and t.pos_ == "VERB"
                    and t.lemma_ in reporting_lexicon()
                    and _is_present_participle(t)
                    and t.i > 0
                    and t.doc[t.i - 1].lower_ in ("en", ",")
                ),
                None,
            )
            if (que or participle_que)
            else None
        )
        if que is None and gerund is not None:
            que = participle_que
        colon = re.match(r"^[^.:]{0,60}?:\s*", window)
        if stance == "deny" and _ANAPHORIC_REPORT.match(window.lstrip()):
            colon = None  # `a démenti ces informations, malgré l'annonce de X : "…"`: X's words, not the denial's
        if que and not any(
            v.idx > after_verb and v.idx < after_verb + que.end() and (gerund is None or v.i != gerund.i) for v in verbs
        ):
            subject = _subject_before(text, start, group_start, verb)
            make(
                after_verb + que.end(),
                end,
                "indirect",
                gerund or verb,
                subject[:2] if subject[1] > subject[0] else None,
                subject[2] or None,
                (start, after_verb + que.end()),
            )
            return claims
        if (
            colon
            and group_start > start + 2
            and not (
                text.rfind(",", start, group_start) > start
                and text[text.rfind(",", start, group_start) + 1 : group_start].strip() == ""
            )
        ):
            prop_start = after_verb + colon.end()
            subject = _subject_before(text, start, group_start, verb)
            q = _quote_span(text, prop_start, end)
            kind = "direct" if q else "indirect"
            make(
                q[0] if q else prop_start,
                q[1] if q else end,
                kind,
                verb,
                subject[:2] if subject[1] > subject[0] else None,
                subject[2] or None,
                (start, prop_start),
            )
            return claims
        # 4. P, V X  (inverted attribution at the end of the sentence)
        comma = text.rfind(",", start, group_start)
        between = text[comma + 1 : group_start].strip() if comma >= 0 else None
        # (a verb on the left; the tagger sometimes reads a finite `fait` as a participle)
        left_has_verb = comma > start and any(
            t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") in (["Fin"], ["Part"])
            for t in _tokens_in(doc, start, comma)
        )
        # (a verb whose clause or infinitive follows it reports it, it does not close an inverted
        # attribution: `Cette dernière, qui n'était pas présente, avait nié avoir donné la mort à la truie`)
        reports_what_follows = any(
            c.dep_ in ("xcomp", "ccomp", "obj") and c.i > verb.i and c.pos_ in ("VERB", "AUX") for c in verb.children
        )
        # (an inverted attribution has its subject after the verb: `Le ministre, qui a démissionné, a annoncé
        # son départ` has it before, with a relative clause that ends in a comma)
        subject_before = any(
            c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i and c.pos_ in ("NOUN", "PROPN") for c in verb.children
        ) and not re.search(
            r"-t-(?:il|elle|ils|elles|on)\b|-(?:il|elle|ils|elles|on)\b", text[group_start : after_verb + 7]
        )
        if left_has_verb and between == "" and not reports_what_follows and not subject_before:
            speaker = _speaker_after(text, after_verb, end)
            sp_text = text[speaker[0] : speaker[1]]
            if re.search(r"-t-(?:il|elle|ils|elles)|-(?:il|elle|ils|elles)\b", text[group_start : after_verb + 6]):
                sp_text = re.search(r"(il|elle|ils|elles)\b", text[group_start : after_verb + 6]).group(1)
                speaker = None
            if sp_text:
                first_person = re.search(r"\b(?:nous|je|j['’]|notre|nos|mon|ma|mes)\b", text[start:comma], re.I)
                make(start, comma, "direct" if first_person else "indirect", verb, speaker, sp_text, (comma, end))
                return claims
        # 4b. X, V-t-il, P  /  X, a précisé le ministre, P  (an attribution in an incise: what follows it is
        # reported; the words before it are the subject or an adverb, `Mais, ajoutait-il, il ne fallait pas…`)
        incise = _INCISE_END.match(text, after_verb, min(end, after_verb + 80))
        if (
            incise
            and between == ""
            and not left_has_verb
            and not reports_what_follows
            and incise.end() < end
            and re.search(r"-t-(?:il|elle|on)\b|-(?:il|elle|ils|elles|on)\b|^\s*\S", text[group_start : after_verb + 7])
        ):
            named = incise.group("speaker").strip()
            pronoun = re.search(r"-(?:t-)?(il|elle|ils|elles|on)\b", text[group_start : after_verb + 7])
            if pronoun and not named:
                speaker, sp_text = None, pronoun.group(1)
            else:
                speaker = _trim(text, incise.start("speaker"), incise.end("speaker"))
                sp_text = text[speaker[0] : speaker[1]]
            if sp_text:
                make(incise.end(), end, "indirect", verb, speaker, sp_text, (comma, incise.end()))
                return claims
        # 5. X V (à) + infinitive / nominal report
        subject = _subject_before(text, start, group_start, verb)
        if subject[1] <= subject[0]:
            continue
        obj_text = text[after_verb:end]
        infinitive = [
            c
            for c in verb.children
            if c.dep_ in ("xcomp", "ccomp", "obj") and c.pos_ in ("VERB", "AUX") and _is_infinitive(c)
        ]
        if infinitive:
            inf = infinitive[0]
            inf_start = min(
                [inf.idx]
                + [
                    c.idx
                    for c in inf.children
                    if c.i < inf.i
                    and (c.lower_ in ("ne", "n'", "n’", "pas", "rien", "jamais", "plus") or c.dep_.startswith("aux"))
                ]
            )
            # `a déploré ne pas "avoir de date"`: the negation right before the infinitive is its own,
            # whatever the parser attached it to (a quotation mark in between)
            first = doc.char_span(inf_start, inf_start + 1, alignment_mode="expand")
            k = first.start - 1 if first is not None else -1
            while k > verb.i and doc[k].lower_ in _INFINITIVE_NEGATION | {'"', "«", "“"}:
                inf_start, k = doc[k].idx, k - 1
            make(inf_start, end, "indirect", verb, subject[:2], subject[2], (start, inf_start))
            return claims
        # the object, also when the parser hangs it on a time adverbial (`a annoncé dimanche la suspension`)
        around = [verb, *(c for c in verb.children if c.dep_ == "obl:mod" and c.i > verb.i)]
        nominal = [c for h in around for c in h.children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN")]
        if (
            nominal
            and verb.lemma_ in _nominal_reports()
            and (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))
            and not (
                stance == "deny"
                and (
                    _ANAPHORIC_REPORT.match(text[nominal[0].left_edge.idx : end])
                    or _ABOUT_REPORT.match(text[nominal[0].left_edge.idx : end])
                )
            )
        ):
            # 5b. X V NP: `a annoncé la suspension de ses opérations`, `a confirmé la fin de la pause`
            # (the sentence's own verb: inside `qui a dénoncé l'assassinat` the sentence stays narrative)
            obj_start = nominal[0].left_edge.idx
            # an adverbial clause with its conjunction, hung on the reporting verb, is the narrator's, not
            # the report (`nie toute complicité dans le meurtre, alors que les parties civiles ont demandé…`)
            clauses = [c for c in verb.children if c.dep_ == "advcl" and c.i > nominal[0].i]
            obj_end = min([c.left_edge.idx for c in clauses if any(g.dep_ == "mark" for g in c.children)] + [end])
            make(obj_start, obj_end, "indirect", verb, subject[:2], subject[2], (start, obj_start))
            for claim in claims:
                claim.extras["nominal_report"] = claim.reporting_verb is not None
            return claims
        if stance == "deny":
            lead = obj_text.lstrip()
            lead_offset = after_verb + (len(obj_text) - len(lead))
            # (adverbs and times may pile up: `a nié catégoriquement hier la thèse selon laquelle P`)
            for _ in range(3):
                skip = _DATE_SKIP.match(lead) or _INVERTED_SKIP.match(lead) or _MANNER_ADVERB.match(lead)
                if not skip or not skip.end():
                    break
                lead_offset += skip.end()
                lead = text[lead_offset:end]
            # (`les affirmations selon lesquelles P` gives the report's content: P is denied, and no
            # earlier report is taken up)
            about = _ABOUT_REPORT.match(lead)
            anaphoric = _ANAPHORIC_REPORT.match(lead)
            if anaphoric and not about:
                # the report named, with its complements, up to the next clause mark: what follows a comma
                # or a colon is not what is denied (`a démenti ces informations, malgré l'annonce de X : "…"`)
                cut = re.search(r"\s*[,;:(]", text[lead_offset + anaphoric.end() : end])
                stop = lead_offset + anaphoric.end() + cut.start() if cut else end
                make(lead_offset, stop, "indirect", verb, subject[:2], subject[2], (start, lead_offset))
                if claims and not _is_negated_verb(verb):  # (`n'a pas démenti ces informations` answers nothing)
                    claims[-1].extras["responds_to_previous"] = True
                return claims
            if about:
                make(
                    lead_offset + about.end(),
                    end,
                    "indirect",
                    verb,
                    subject[:2],
                    subject[2],
                    (start, lead_offset + about.end()),
                )
                return claims
    # 6. narrative: the sentence in the article's own voice (a question asserts nothing)
    if text[start:end].rstrip().endswith("?"):
        return claims
    make(start, end, "narrative", None, None, None, None)
    return claims


_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ)])[.!?](?=\s+[A-ZÀ-Ý])")
_QUESTION_END = re.compile(r"[\s\"»”’)]*\?")


def _is_question(text: str, start: int, end: int) -> bool:
    """The proposition `text[start:end]` is a question: it ends with `?`, or its quotation closes on one."""
    return text[start:end].rstrip().endswith("?") or _QUESTION_END.match(text, end) is not None


def claim_id(article_id: str, char_start: int, char_end: int) -> str:
    return hashlib.sha1(f"{article_id}:{char_start}:{char_end}".encode()).hexdigest()[:16]


# `les accusations de la jeune fille`, `les allégations du documentaire`: a report named by its author
_REPORT_AUTHOR = re.compile(
    r"^\S+\s+\S+\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*(?P<words>(?:[\w\-]+\s*){1,3})", re.I
)
# who or what can author a report (besides people, `lexicons/human_nouns.txt`, and names)
_AUTHOR_NOUNS = frozenset(
    {"documentaire", "journal", "quotidien", "hebdomadaire", "magazine", "rapport", "article", "livre", "ouvrage"}
    | {"film", "reportage", "site", "presse", "média", "médias", "enquête", "victime", "plaignant", "plaignante"}
)


def _report_author(text: str) -> str | None:
    """The author an anaphoric report names (folded, lower case): `les accusations de la jeune fille` →
    `fille`, `les allégations de Mediapart` → `mediapart`; None when its complement is its content
    (`les accusations de harcèlement`)."""
    match = _REPORT_AUTHOR.match(text)
    if match is None:
        return None
    for word in match.group("words").split():
        if word[:1].isupper() or word.lower() in _AUTHOR_NOUNS or word.lower() in _human_nouns():
            return fold_accents(word.lower())
    return None


# how many sentences back a demonstrative (`ces informations`) finds the report it takes up (a report is
# often developed over a few sentences before it is denied)
_REPORT_ANAPHORA_WINDOW = 4


def _is_report_antecedent(claims: list[Claim], target: int, index: int) -> bool:
    """Whether `claims[target]` can be the report that `claims[index]` (`ces accusations`) takes up: a
    demonstrative points to something just said, within four sentences, and to the nearest mention of
    its noun (`… enquêtent sur des accusations de financement. L'ex-président a toujours rejeté ces
    accusations`: those accusations, not a quotation four sentences back)."""
    anaphor, candidate = claims[index], claims[target]
    if anaphor.sentence_idx - candidate.sentence_idx > _REPORT_ANAPHORA_WINDOW:
        return False
    noun = _ANAPHORIC_REPORT.match(anaphor.text)
    if noun is None:
        return True
    stem = fold_accents(noun.group("noun").lower()).rstrip("sx")
    return not any(
        stem in fold_accents(c.text.lower())
        for c in claims[target + 1 : index]
        if c.sentence_idx > candidate.sentence_idx
    )


def link_article_claims(claims: list[Claim]) -> list[Claim]:
    """Within one article: pronoun and continuation speakers take the most recent named speaker; a
    denial of `ces informations` responds to the most recent attributed claim before it."""
    last_speaker: Claim | None = None
    for index, claim in enumerate(claims):
        if claim.extras.get("responds_to_previous"):
            previous = [
                c for c in claims[:index] if c.quote_kind != "narrative" and c.sentence_idx < claim.sentence_idx
            ]
            target = previous[-1] if previous else (claims[index - 1] if index else None)
            author = _report_author(claim.text)
            if author is not None:
                # `les allégations du documentaire`: the report of whoever it names, or of nobody quoted
                named = [c for c in previous if author in fold_accents((c.speaker_text or "").lower())]
                target = named[-1] if named else None
            elif target is not None and not _is_report_antecedent(claims, claims.index(target), index):
                target = None
            if target is not None:
                claim.responds_to_index = claims.index(target)
                claim.predicate, claim.theme, claim.event_key = target.predicate, target.theme, target.event_key
                claim.polarity = -target.polarity
                claim.negation = f"{claim.reporting_verb} « {target.text[:60]} »"
        if claim.extras.get("anaphoric") and claim.event_key != "none|_":
            # `notre départ` after `quitter l'Irak`: the departure from Iraq (the theme of the latest
            # claim of the same class that names one)
            klass = claim.event_key.split("|")[0]
            antecedent = next(
                (c for c in reversed(claims[:index]) if c.event_key.startswith(f"{klass}|") and c.theme != "_"), None
            )
            if antecedent is not None:
                claim.theme, claim.event_key = antecedent.theme, antecedent.event_key
        if claim.pronoun_speaker and last_speaker is not None and claim.quote_kind != "narrative":
            claim.extras["speaker_from"] = last_speaker
        elif claim.quote_kind != "narrative" and claim.speaker_text and not claim.pronoun_speaker:
            last_speaker = claim
    return claims
