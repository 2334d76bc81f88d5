"""Attribution: who a sentence says states which proposition, and how.

A sentence is read by the first recogniser of `RECOGNISERS` (at the end of this module) that finds an
attribution in it; each returns an `Attribution` or None, so their order is the order in which a reader
tries the constructions. A reporting verb is read by the first of `VERB_RECOGNISERS` that matches its
construction, verb after verb (those of the main clause first). What the attribution covers is then cut
into clauses (`clauses.clauses_of`) and each clause described (`describe.describe`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Token

from transforms.claims.lexicon import reporting_lexicon, words
from transforms.claims.model import Attribution, Sentence
from transforms.claims.negation import infinitive_negators, is_negated_verb
from transforms.claims.reporting import (
    ABOUT_REPORT,
    ANAPHORIC_REPORT,
    INVERTED_SKIP,
    heads_adverbial_clause,
    quote_span,
    reporting_verbs,
    settled_speaker,
    speaker_after,
    speaker_before,
)
from transforms.claims.syntax import (
    NE,
    OPEN_QUOTE_MARKS,
    is_finite,
    is_infinitive,
    is_present_participle,
    tokens_in,
    trim,
    verb_group_start,
)
from transforms.timex import MONTHS

# `…, assurant que` / `…, en affirmant qu'`: a participle or gerund after a comma, then `que`
_PARTICIPLE_QUE = re.compile(r"[^.;:!?]{0,120}?,\s*(?:en\s+)?[\w’'\-]+ant\s+(?:qu['’]|que\s)", re.I)


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


# a day between a verb and its object (`a démenti samedi 27 juin des informations`, `ce mardi`, `le 3 janvier`)
_MONTH_DAY = rf"\d{{1,2}}(?:er)?\s+(?:{'|'.join(m for m in MONTHS if m.isalpha())})(?:\s+\d{{4}})?"


_DATE_SKIP = re.compile(
    rf"\s*(?:(?:ce|le)\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\s+{_MONTH_DAY})?|{_MONTH_DAY})"
    r"\b\s*,?\s*",
    re.I,
)


# a manner adverb between a verb and its object (`a démenti catégoriquement`, `nie formellement`)
_MANNER_ADVERB = re.compile(r"\s*(?-i:[a-zéèêàâîôûç]+ment)\b\s*")


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

# `que` right after the verb, or after a few words (`a dit aussi que`, `a annoncé plus tard que`)
_QUE_AFTER = re.compile(r"^(?:\s+(?:[\w’'\-]+\s+){0,5}?)?\s*(?:qu['’]|que\s)")
# `: ` after the verb and a few words (`a déclaré à la presse : "P"`)
_COLON_AFTER = re.compile(r"^[^.:]{0,60}?:\s*")
# an inverted subject pronoun (`a-t-il indiqué`, `poursuit-elle`)
_INVERTED_PRONOUN = re.compile(r"-t-(?:il|elle|ils|elles)|-(?:il|elle|ils|elles)\b")
_PRONOUN = re.compile(r"(il|elle|ils|elles)\b")
_FIRST_PERSON = re.compile(r"\b(?:nous|je|j['’]|notre|nos|mon|ma|mes)\b", re.I)


def attribute(sentence: Sentence) -> Attribution | None:
    """The attribution of the first recogniser that finds one, its speaker settled (`settled_speaker`); None
    when the sentence asserts nothing (a question in the article's own voice)."""
    # the main clause's reporting verb first: one in an adverbial clause (`S'il n'a pas démenti ces
    # révélations, l'intéressé a assuré que P`) is not the sentence's attribution
    verbs = sorted(reporting_verbs(sentence.tokens), key=heads_adverbial_clause)
    for recognise in RECOGNISERS:
        found = recognise(sentence, verbs)
        if found is not None:
            speaker, speaker_text = settled_speaker(sentence.doc, sentence.text, found.speaker, found.speaker_text)
            return replace(found, speaker=speaker, speaker_text=speaker_text)
    return None


# --- the sentence's own constructions ------------------------------------------------------------------


def source_after(sentence: Sentence, verbs: list[Token]) -> Attribution | None:
    """`P, selon X.` / `"P", selon X.`: the source given after the proposition."""
    text, start, end = sentence.text, sentence.start, sentence.end
    trailing = _SELON_AFTER.search(text[start:end])
    if not trailing or _SELON.match(text[start:end]):
        return None
    speaker = (start + trailing.start("speaker"), start + trailing.end("speaker"))
    cut = start + trailing.start()
    inner = quote_span(text, start, cut)
    direct = inner is not None and text[inner[2] : cut].strip() == ""
    return Attribution(
        start=inner[0] if direct else start,
        end=inner[1] if direct else cut,
        kind="direct" if direct else "indirect",
        speaker=speaker,
        speaker_text=text[speaker[0] : speaker[1]],
        span=(cut, end),
        source_word="selon",
    )


def quotation_then_verb(sentence: Sentence, verbs: list[Token]) -> Attribution | None:
    """`"P", a déclaré X` / `"P", a-t-il indiqué`: a quotation first, its attribution after; a quotation in a
    sentence without a reporting verb continues the last speaker's words."""
    text, end = sentence.text, sentence.end
    quote = quote_span(text, sentence.start, end)
    if (
        quote
        and len(text[quote[0] : quote[1]].split()) < 4
        and not any(t.pos_ in ("VERB", "AUX") for t in tokens_in(sentence.doc, quote[0], quote[1]))
    ):
        quote = None  # `"Le Divan", l'émission culte, fait son retour`: a title in quotation marks
    if not quote:
        return None
    inner_start, inner_end, after = quote
    rest_verbs = [v for v in verbs if v.idx >= after]
    if rest_verbs:
        verb = rest_verbs[0]
        speaker = _quotation_speaker(text, after, verb, end)
        speaker_text = text[speaker[0] : speaker[1]] if speaker else None
        return Attribution(inner_start, inner_end, "direct", verb, speaker, speaker_text, (after, end))
    if not verbs:
        return Attribution(inner_start, inner_end, "direct", continues_speaker=True)
    return None


def _quotation_speaker(text: str, after: int, verb: Token, end: int) -> tuple[int, int] | None:
    """Who a verb after a quotation names: an inverted pronoun (`a-t-il indiqué`), nobody for a clitic right
    after the verb that the search missed, else the subject after the verb (`a déclaré le porte-parole X`)."""
    if _INVERTED_PRONOUN.search(text[after : verb.idx + 30]):
        pronoun = _PRONOUN.search(text[after:end])
        return (after + pronoun.start(), after + pronoun.end()) if pronoun else None
    if re.match(r"-t-(il|elle|ils|elles)\b|-(il|elle|ils|elles)\b", text[verb.idx + len(verb.text) : end]):
        return None
    return speaker_after(text, verb.idx + len(verb.text), end)


def source_before(sentence: Sentence, verbs: list[Token]) -> Attribution | None:
    """`Selon X, P` / `D'après X, P` / `Pour X, P`, X a named person or organisation (`Pour le délégué général
    de LREM, Christophe Castaner, "l'exigence" de Nicolas Hulot était…`) and P a clause."""
    text, start, end = sentence.text, sentence.start, sentence.end
    found = _SELON.match(text[start:end])
    pour = _POUR.match(text[start:end])
    if pour and not found:
        named = [
            e
            for e in sentence.doc.ents
            if e.label_ in ("PER", "ORG")
            and start + pour.start("speaker") <= e.start_char
            and e.end_char <= start + pour.end("speaker")
        ]
        tail_verbs = [t for t in tokens_in(sentence.doc, start + pour.start("prop"), end) if is_finite(t)]
        if named and tail_verbs:
            found = pour
    if not found:
        return None
    speaker = (start + found.start("speaker"), start + found.end("speaker"))
    return Attribution(
        start=start + found.start("prop"),
        end=end,
        kind="indirect",
        speaker=speaker,
        speaker_text=text[speaker[0] : speaker[1]],
        span=speaker,
        source_word="selon",
    )


def reported_speech(sentence: Sentence, verbs: list[Token]) -> Attribution | None:
    """The first reporting verb whose construction one of `VERB_RECOGNISERS` recognises."""
    for verb in verbs:
        site = VerbSite(sentence, verbs, verb)
        for recognise in VERB_RECOGNISERS:
            found = recognise(site)
            if found is not None:
                return found
    return None


def narrative(sentence: Sentence, verbs: list[Token]) -> Attribution | None:
    """The sentence in the article's own voice; a question asserts nothing."""
    if sentence.text[sentence.start : sentence.end].rstrip().endswith("?"):
        return None
    return Attribution(sentence.start, sentence.end, "narrative")


# --- one reporting verb ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerbSite:
    """A reporting verb in its sentence, and what the verb recognisers read around it (computed once, on
    first use)."""

    sentence: Sentence
    verbs: list[Token]  # every reporting verb of the sentence
    verb: Token

    @cached_property
    def group_start(self) -> int:
        return verb_group_start(self.verb)

    @cached_property
    def after_verb(self) -> int:
        return self.verb.idx + len(self.verb.text)

    @cached_property
    def stance(self) -> str | None:
        return reporting_lexicon().get(self.verb.lemma_)

    @cached_property
    def window(self) -> str:
        """The words right after the verb."""
        return self.sentence.text[self.after_verb : min(self.sentence.end, self.after_verb + 80)]

    @cached_property
    def that(self) -> tuple[re.Match | None, Token | None]:
        """(the match up to the `que` that opens what the verb reports, the gerund that reports it instead).

        `s'est défendu en jugeant que P`, `a démenti les propos de X, assurant que P`: a gerund, or a
        participle after a comma, of another reporting verb before `que` reports P with its own stance (the
        subject is still the speaker); a participle of the object noun does not (`a démenti les informations
        affirmant que P` denies P)."""
        text, end, after = self.sentence.text, self.sentence.end, self.after_verb
        que = _QUE_AFTER.match(self.window) or _ADDRESSEE_QUE.match(self.window)
        if que and _COMPARED_BEFORE_QUE.search(self.window[: que.end()]):
            que = None  # `ne pouvait expliquer cette participation moindre qu'aux dernières années`: a comparison
        participle_que = _PARTICIPLE_QUE.match(text[after : min(end, after + 160)])
        reach = que or participle_que
        gerund = None
        if reach:
            gerund = next(
                (
                    t
                    for t in reversed(self.sentence.tokens)
                    if after < t.idx < after + reach.end()
                    and t.pos_ == "VERB"
                    and t.lemma_ in reporting_lexicon()
                    and is_present_participle(t)
                    and t.i > 0
                    and t.doc[t.i - 1].lower_ in ("en", ",")
                ),
                None,
            )
        if que is None and gerund is not None:
            que = participle_que
        return que, gerund

    @cached_property
    def comma(self) -> int:
        """The last comma before the verb group (-1 when there is none)."""
        return self.sentence.text.rfind(",", self.sentence.start, self.group_start)

    @cached_property
    def between(self) -> str | None:
        """What lies between that comma and the verb group (None without a comma)."""
        return self.sentence.text[self.comma + 1 : self.group_start].strip() if self.comma >= 0 else None

    @cached_property
    def left_has_verb(self) -> bool:
        """A verb before the comma (the tagger sometimes reads a finite `fait` as a participle)."""
        return self.comma > self.sentence.start and any(
            t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") in (["Fin"], ["Part"])
            for t in tokens_in(self.sentence.doc, self.sentence.start, self.comma)
        )

    @cached_property
    def reports_what_follows(self) -> bool:
        """A clause or an infinitive follows the verb: it reports them, it does not close an inverted
        attribution (`Cette dernière, qui n'était pas présente, avait nié avoir donné la mort à la truie`)."""
        verb = self.verb
        return any(
            c.dep_ in ("xcomp", "ccomp", "obj") and c.i > verb.i and c.pos_ in ("VERB", "AUX") for c in verb.children
        )

    @cached_property
    def subject_first(self) -> bool:
        """A noun subject before the verb and no inverted pronoun (`Le ministre, qui a démissionné, a annoncé
        son départ`: not an inverted attribution, whose subject follows the verb)."""
        verb, text = self.verb, self.sentence.text
        return any(
            c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i and c.pos_ in ("NOUN", "PROPN") for c in verb.children
        ) and not re.search(
            r"-t-(?:il|elle|ils|elles|on)\b|-(?:il|elle|ils|elles|on)\b", text[self.group_start : self.after_verb + 7]
        )

    @cached_property
    def subject(self) -> tuple[int, int, str]:
        """The speaker before the verb: (start, end, its words without parentheticals); empty when none."""
        return speaker_before(self.sentence.text, self.sentence.start, self.group_start, self.verb)

    def subject_or_none(self) -> tuple[tuple[int, int] | None, str | None]:
        """The subject's (span, words), each None when empty."""
        start, end, words = self.subject
        return ((start, end) if end > start else None), (words or None)


def that_clause(site: VerbSite) -> Attribution | None:
    """`X V que P` (and `X V, assurant que P`), unless another reporting verb stands before the `que`."""
    que, gerund = site.that
    if not que or any(
        site.after_verb < v.idx < site.after_verb + que.end() and (gerund is None or v.i != gerund.i)
        for v in site.verbs
    ):
        return None
    speaker, speaker_text = site.subject_or_none()
    prop_start = site.after_verb + que.end()
    return Attribution(
        prop_start,
        site.sentence.end,
        "indirect",
        gerund or site.verb,
        speaker,
        speaker_text,
        (site.sentence.start, prop_start),
    )


def colon(site: VerbSite) -> Attribution | None:
    """`X V : "P"` (direct) or `X V : P` (indirect), the subject before the verb."""
    text, start, end = site.sentence.text, site.sentence.start, site.sentence.end
    found = _COLON_AFTER.match(site.window)
    if site.stance == "deny" and ANAPHORIC_REPORT.match(site.window.lstrip()):
        return None  # `a démenti ces informations, malgré l'annonce de X : "…"`: X's words, not the denial's
    if not found or site.group_start <= start + 2 or (site.comma > start and site.between == ""):
        return None
    prop_start = site.after_verb + found.end()
    quoted = quote_span(text, prop_start, end)
    speaker, speaker_text = site.subject_or_none()
    return Attribution(
        quoted[0] if quoted else prop_start,
        quoted[1] if quoted else end,
        "direct" if quoted else "indirect",
        site.verb,
        speaker,
        speaker_text,
        (start, prop_start),
    )


def inverted(site: VerbSite) -> Attribution | None:
    """`P, V X` / `P, V-t-il`: the attribution closes the sentence, its subject after the verb; P is direct when
    it speaks in the first person."""
    text, start, end = site.sentence.text, site.sentence.start, site.sentence.end
    if not site.left_has_verb or site.between != "" or site.reports_what_follows or site.subject_first:
        return None
    speaker: tuple[int, int] | None = speaker_after(text, site.after_verb, end)
    speaker_text = text[speaker[0] : speaker[1]]
    if _INVERTED_PRONOUN.search(text[site.group_start : site.after_verb + 6]):
        speaker_text, speaker = _PRONOUN.search(text[site.group_start : site.after_verb + 6]).group(1), None
    if not speaker_text:
        return None
    first_person = _FIRST_PERSON.search(text[start : site.comma])
    kind = "direct" if first_person else "indirect"
    return Attribution(start, site.comma, kind, site.verb, speaker, speaker_text, (site.comma, end))


def incise(site: VerbSite) -> Attribution | None:
    """`X, V-t-il, P` / `X, a précisé le ministre, P`: an attribution in an incise; what follows it is reported
    (the words before it are the subject or an adverb: `Mais, ajoutait-il, il ne fallait pas…`)."""
    text, end = site.sentence.text, site.sentence.end
    found = _INCISE_END.match(text, site.after_verb, min(end, site.after_verb + 80))
    if (
        not found
        or site.between != ""
        or site.left_has_verb
        or site.reports_what_follows
        or found.end() >= end
        or not re.search(
            r"-t-(?:il|elle|on)\b|-(?:il|elle|ils|elles|on)\b|^\s*\S", text[site.group_start : site.after_verb + 7]
        )
    ):
        return None
    named = found.group("speaker").strip()
    pronoun = re.search(r"-(?:t-)?(il|elle|ils|elles|on)\b", text[site.group_start : site.after_verb + 7])
    if pronoun and not named:
        speaker, speaker_text = None, pronoun.group(1)
    else:
        speaker = trim(text, found.start("speaker"), found.end("speaker"))
        speaker_text = text[speaker[0] : speaker[1]]
    if not speaker_text:
        return None
    return Attribution(found.end(), end, "indirect", site.verb, speaker, speaker_text, (site.comma, found.end()))


def infinitive(site: VerbSite) -> Attribution | None:
    """`X V (de) + infinitive` (`a démenti avoir frappé`, `a déploré ne pas "avoir de date"`), X before the verb."""
    start, end, doc = site.sentence.start, site.sentence.end, site.sentence.doc
    subject_start, subject_end, subject_text = site.subject
    verb = site.verb
    if subject_end <= subject_start:
        return None
    infinitives = [
        c
        for c in verb.children
        if c.dep_ in ("xcomp", "ccomp", "obj") and c.pos_ in ("VERB", "AUX") and is_infinitive(c)
    ]
    if not infinitives:
        return None
    inf = infinitives[0]
    inf_start = min(
        [inf.idx]
        + [
            c.idx
            for c in inf.children
            if c.i < inf.i
            and (c.lower_ in NE or c.lower_ in ("pas", "rien", "jamais", "plus") or c.dep_.startswith("aux"))
        ]
    )
    # `a déploré ne pas "avoir de date"`: the negation right before the infinitive is its own, whatever the
    # parser attached it to (a quotation mark in between)
    first = doc.char_span(inf_start, inf_start + 1, alignment_mode="expand")
    k = first.start - 1 if first is not None else -1
    while k > verb.i and (doc[k].lower_ in infinitive_negators() or doc[k].lower_ in OPEN_QUOTE_MARKS):
        inf_start, k = doc[k].idx, k - 1
    return Attribution(inf_start, end, "indirect", verb, (subject_start, subject_end), subject_text, (start, inf_start))


def nominal_object(site: VerbSite) -> Attribution | None:
    """`X V NP`: `a annoncé la suspension de ses opérations`, `a confirmé la fin de la pause` (a verb of
    `lexicons/nominal_reports.txt`, the sentence's own: inside `qui a dénoncé l'assassinat` the sentence stays
    narrative); not a denial of a report (`denied_report`)."""
    text, start, end = site.sentence.text, site.sentence.start, site.sentence.end
    subject_start, subject_end, subject_text = site.subject
    verb = site.verb
    if subject_end <= subject_start:
        return None
    # the object, also when the parser hangs it on a time adverbial (`a annoncé dimanche la suspension`)
    around = [verb, *(c for c in verb.children if c.dep_ == "obl:mod" and c.i > verb.i)]
    nominal = [c for h in around for c in h.children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN")]
    if (
        not nominal
        or verb.lemma_ not in words("nominal_reports")
        or not (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))
        or (
            site.stance == "deny"
            and (
                ANAPHORIC_REPORT.match(text[nominal[0].left_edge.idx : end])
                or ABOUT_REPORT.match(text[nominal[0].left_edge.idx : end])
            )
        )
    ):
        return None
    obj_start = nominal[0].left_edge.idx
    # an adverbial clause with its conjunction, hung on the reporting verb, is the narrator's, not the report
    # (`nie toute complicité dans le meurtre, alors que les parties civiles ont demandé…`)
    clauses = [c for c in verb.children if c.dep_ == "advcl" and c.i > nominal[0].i]
    obj_end = min([c.left_edge.idx for c in clauses if any(g.dep_ == "mark" for g in c.children)] + [end])
    return Attribution(
        obj_start,
        obj_end,
        "indirect",
        verb,
        (subject_start, subject_end),
        subject_text,
        (start, obj_start),
        nominal=True,
    )


def denied_report(site: VerbSite) -> Attribution | None:
    """A denial of a report: `X a démenti ces informations` (the report just given: `responds_to_previous`,
    unless the denial is itself negated) or `X nie les informations selon lesquelles P` (P is denied)."""
    text, start, end = site.sentence.text, site.sentence.start, site.sentence.end
    subject_start, subject_end, subject_text = site.subject
    if subject_end <= subject_start or site.stance != "deny":
        return None
    speaker = (subject_start, subject_end)
    lead_offset = _past_adverbials(text, site.after_verb, end)
    lead = text[lead_offset:end]
    # (`les affirmations selon lesquelles P` gives the report's content: P is denied, and no earlier report is
    # taken up)
    about = ABOUT_REPORT.match(lead)
    anaphoric = ANAPHORIC_REPORT.match(lead)
    if anaphoric and not about:
        # the report named, with its complements, up to the next clause mark: what follows a comma or a colon
        # is not what is denied (`a démenti ces informations, malgré l'annonce de X : "…"`)
        cut = re.search(r"\s*[,;:(]", text[lead_offset + anaphoric.end() : end])
        stop = lead_offset + anaphoric.end() + cut.start() if cut else end
        return Attribution(
            lead_offset,
            stop,
            "indirect",
            site.verb,
            speaker,
            subject_text,
            (start, lead_offset),
            # (`n'a pas démenti ces informations` answers nothing)
            responds_to_previous=not is_negated_verb(site.verb),
        )
    if about:
        prop_start = lead_offset + about.end()
        return Attribution(prop_start, end, "indirect", site.verb, speaker, subject_text, (start, prop_start))
    return None


def _past_adverbials(text: str, after_verb: int, end: int) -> int:
    """Where the object of a verb starts, past the days, adverbs and asides between them (they may pile up: `a
    nié catégoriquement hier la thèse selon laquelle P`)."""
    obj_text = text[after_verb:end]
    lead = obj_text.lstrip()
    lead_offset = after_verb + (len(obj_text) - len(lead))
    for _ in range(3):
        skip = _DATE_SKIP.match(lead) or INVERTED_SKIP.match(lead) or _MANNER_ADVERB.match(lead)
        if not skip or not skip.end():
            break
        lead_offset += skip.end()
        lead = text[lead_offset:end]
    return lead_offset


# --- the order in which constructions are tried ---------------------------------------------------------

Recogniser = Callable[[Sentence, list[Token]], Attribution | None]
VerbRecogniser = Callable[[VerbSite], Attribution | None]

# the sentence's constructions, first match wins
RECOGNISERS: tuple[Recogniser, ...] = (
    source_after,  # `P, selon X.`
    quotation_then_verb,  # `"P", a déclaré X`; a quotation alone continues the last speaker
    source_before,  # `Selon X, P`, `Pour X, P`
    reported_speech,  # a reporting verb: `VERB_RECOGNISERS`, verb after verb
    narrative,  # the article's own voice (a question: nothing)
)
# one reporting verb's constructions, first match wins
VERB_RECOGNISERS: tuple[VerbRecogniser, ...] = (
    that_clause,  # `X V que P`
    colon,  # `X V : "P"`
    inverted,  # `P, V X`
    incise,  # `X, V-t-il, P`
    infinitive,  # `X V (de) + infinitive`   (these three need a subject before the verb)
    nominal_object,  # `X V NP`
    denied_report,  # `X dément ces informations`, `X nie les informations selon lesquelles P`
)
