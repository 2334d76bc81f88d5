"""Claims of one sentence: who says which proposition (see the package docstring)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from transforms.claims.aspect import (
    is_anterior,
    is_bare_infinitive,
    is_concurrent,
    is_simple_imperfect,
    noun_dates,
    timed_by_event,
)
from transforms.claims.clauses import (
    SENTENCE_END,
    SUBORDINATE_DEPS,
    clause_extent,
    coordinated_main_clause,
    coordinated_participle,
    is_event_clause,
    is_question,
    split_clauses,
)
from transforms.claims.event_key import event_head, is_anaphoric_event_noun, is_commitment, key_of_head
from transforms.claims.hedging import (
    HEDGE_PHRASES,
    SHARE_SPEAKER,
    is_alleged_report,
    is_hedged,
    is_restricted,
    modal_verb,
)
from transforms.claims.lexicon import TOLL_CLASSES, nominal_reports, reporting_lexicon
from transforms.claims.model import Claim
from transforms.claims.negation import (
    INFINITIVE_NEGATION,
    denial_scope,
    is_negated_report,
    is_negated_verb,
    polarity_of,
)
from transforms.claims.participants import core_arguments, event_agent, event_is_new_instance, theme_owned
from transforms.claims.quantities import quantity_of
from transforms.claims.reporting import (
    ABOUT_REPORT,
    ANAPHORIC_REPORT,
    APPOSITIVE_RELATIVE,
    INVERTED_SKIP,
    NOBODY,
    PRONOUN_SPEAKER,
    RELATIVE_TAIL,
    antecedent,
    heads_adverbial_clause,
    names_someone,
    quote_span,
    reporting_verbs,
    speaker_after,
    speaker_before,
)
from transforms.claims.syntax import (
    OPEN_QUOTES,
    is_finite,
    is_infinitive,
    is_present_participle,
    main_token,
    tokens_in,
    trim,
    verb_group_start,
)
from transforms.nlp import doc_text
from transforms.timex import MONTHS, tag_timex

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
    tokens = tokens_in(doc, start, end)
    if not tokens or not any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return []
    # the main clause's reporting verb first: one in an adverbial clause (`S'il n'a pas démenti ces
    # révélations, l'intéressé a assuré que P`) is not the sentence's attribution
    verbs = sorted(reporting_verbs(tokens), key=heads_adverbial_clause)
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
        if speaker is not None and RELATIVE_TAIL.search(text, speaker[0], speaker[1]):
            speaker = antecedent(doc, text, speaker)
            speaker_text = text[speaker[0] : speaker[1]]
        if speaker is not None and text[speaker[0] : speaker[1]].lower() in NOBODY:
            speaker, speaker_text = None, None  # `Rien ne permet d'affirmer que P`, `Personne ne peut dire`
        if speaker is not None and not names_someone(doc.char_span(*speaker, alignment_mode="expand")):
            # `Après avoir affirmé que P, X…`, `Et d'ajouter`: words before the verb that name nobody
            speaker, speaker_text = None, None
        appositive = APPOSITIVE_RELATIVE.search(text, speaker[0], speaker[1]) if speaker is not None else None
        if speaker is not None and appositive is not None and appositive.start() > speaker[0]:
            # `Le ministre, qui a démissionné, a annoncé`: the speaker is the noun phrase, not its relative clause
            speaker = (speaker[0], appositive.start())
            speaker_text = text[speaker[0] : speaker[1]]
        if kind == "indirect":
            # what a verb reports ends with its sentence, unless a quotation it opens goes on (a stray
            # quotation mark can join two sentences: `La société réfute l'existence d'une politique… .
            # Il n'y a pas de directive…", affirme le groupe`, where the second is not what is refuted)
            stop = SENTENCE_END.search(text, prop_start, prop_end)
            if stop is not None and not any(q in text[prop_start : stop.start()] for q in OPEN_QUOTES):
                prop_end = stop.start() + 1
        # a clause coordinated with the reporting verb is the article's, not what the verb reports (`On m'a
        # dit qu'il y avait une femme sur le bateau mais je ne l'ai pas vue`)
        own = coordinated_main_clause(verb, prop_start, prop_end) if kind == "indirect" else None
        # (start, end, forced main token, narrative: a presupposed fact stated by the article itself)
        spans: list[tuple[int, int, Token | None, bool]] = [
            (a, b, None, False) for a, b in split_clauses(doc, *trim(text, prop_start, own or prop_end), text)
        ] + ([(own, prop_end, None, True)] if own is not None else [])
        while spans:
            a, b, forced_main, sub = spans.pop(0)
            a, b = trim(text, a, b)
            if b - a < 3:
                continue
            prop_tokens = tokens_in(doc, a, b)
            if not prop_tokens:
                continue
            main = forced_main or main_token(prop_tokens)
            # a fact presupposed in a relative or participial clause is stated by the article itself,
            # even inside a report or a denial (`ont démenti … la reprise…, interrompue après la mort
            # de Soleimani, tué le 3 janvier`): no speaker, no reporting verb
            verb_here = None if sub else verb
            if forced_main is None:
                # events stated inside relative or participial clauses (`Soleimani, tué le 3 janvier`,
                # `une frappe…, qui a tué le général…`) are propositions of their own
                spans += [(*clause_extent(t), t, True) for t in prop_tokens if is_event_clause(t, main)]
                coordinated = coordinated_participle(main)
                if coordinated is not None and a < coordinated[1].idx:
                    # `personne n'a été tué ni blessé`: two events with one subject and one negation;
                    # this claim ends before `ni`, the next one is the whole clause with `blessé` as head
                    spans.insert(0, (a, b, coordinated[0], False))
                    a, b = trim(text, a, coordinated[1].idx)
                    prop_tokens = tokens_in(doc, a, b)
            head = event_head(main)  # (once per claim: the polarity, the key and the flags below read it)
            polarity, cue = polarity_of(prop_tokens, main, head)
            predicate, theme, key = key_of_head(head)
            if kind != "indirect" and is_bare_infinitive(main):
                # `Ne pas ouvrir le marché de Noël serait céder…`: an infinitive heading the sentence is
                # a topic or a hypothesis, not a statement that the market is (not) open (an infinitive
                # reported by a verb, `a démenti avoir frappé`, is an indirect claim and keeps its event)
                predicate, theme, key = None, "_", "none|_"
            if is_question(text, a, b):
                # `Si j'étais une femme, vous m'auriez serré la main ?`: a question asserts nothing, whoever
                # asks it
                predicate, theme, key = None, "_", "none|_"
            stance = reporting_lexicon().get(verb_here.lemma_) if verb_here is not None else None
            if stance == "request" or (verb_here is not None and is_commitment(verb_here, main)):
                # `a demandé à X de quitter la présidence`, `appelle à manifester`: what is asked for or
                # urged has not happened, and may never (as for a wish, `_is_wish`); nor what is threatened
                # or promised (`a menacé d'enterrer l'ambassadeur`, `promet de baisser les impôts`)
                predicate, theme, key = None, "_", "none|_"
            negated_report = verb_here is not None and is_negated_report(verb_here)
            # a denial verb reverses what it reports (`a démenti avoir frappé`, `dément que P`), not the words
            # it quotes, which carry their own negation (`"On n'écrase personne", s'est-il défendu`)
            if stance == "deny" and not negated_report and kind != "direct":
                polarity = -polarity
                cue = f"{verb_here.lemma_} ({cue})" if cue else verb_here.lemma_
            reported_in_past = verb_here is not None and (
                "Past" in verb_here.morph.get("Tense") or any(c.dep_.startswith("aux") for c in verb_here.children)
            )
            hedged = (
                is_hedged(prop_tokens, text[a:b], reported_in_past, main)
                or negated_report
                or (verb_here is not None and is_alleged_report(verb_here))
            )
            if attribution and not sub and HEDGE_PHRASES.search(text[attribution[0] : attribution[1]]):
                hedged = True
            q = quantity_of(prop_tokens, toll=key.split("|")[0] in TOLL_CLASSES)
            reported = verb_here is not None and kind == "indirect"  # indirect speech, with its verb
            subordinate = [
                clause_extent(t)
                for t in prop_tokens
                if t.dep_ in SUBORDINATE_DEPS and main is not None and t.i != main.i
            ] + noun_dates(doc, timex_spans, a, b, main)
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
                    pronoun_speaker=bool(sp_text and PRONOUN_SPEAKER.match(sp_text.strip()))
                    or (verb_here is not None and verb_here.lemma_ == "lire" and not sp_text),
                    extras={
                        "subordinate": subordinate,
                        "arguments": core_arguments(main),
                        "agent": event_agent(main),
                        "concurrent": reported and is_concurrent(main),
                        "anterior": is_anterior(main),
                        "timed_by_event": timed_by_event(main, prop_tokens, timex_spans),
                        "modal": modal_verb(main),
                        # (in indirect speech the imperfect is the present of the report: `a dit qu'il gelait`)
                        "imperfect": is_simple_imperfect(main) and not reported,
                        "denial_scope": denial_scope(main) if polarity == -1 else None,
                        "theme_owned": theme_owned(main),
                        "anaphoric": theme == "_" and is_anaphoric_event_noun(head),
                        "restricted": is_restricted(prop_tokens, main)
                        or bool(sp_text and SHARE_SPEAKER.search(sp_text)),
                        "new_instance": event_is_new_instance(head),
                    },
                )
            )

    # `P, selon X.` / `"P", selon X.`: the source given after the proposition
    trailing = _SELON_AFTER.search(text[start:end])
    if trailing and not _SELON.match(text[start:end]):
        sp = (start + trailing.start("speaker"), start + trailing.end("speaker"))
        cut = start + trailing.start()
        inner = quote_span(text, start, cut)
        if inner and text[inner[2] : cut].strip() == "":
            make(inner[0], inner[1], "direct", None, sp, text[sp[0] : sp[1]], (cut, end))
        else:
            make(start, cut, "indirect", None, sp, text[sp[0] : sp[1]], (cut, end))
        for claim in claims:
            claim.reporting_verb = "selon"
        return claims

    # 1. a quotation first, attribution after: "P", a déclaré X / "P", a-t-il indiqué
    quote = quote_span(text, start, end)
    if (
        quote
        and len(text[quote[0] : quote[1]].split()) < 4
        and not any(t.pos_ in ("VERB", "AUX") for t in tokens_in(doc, quote[0], quote[1]))
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
                speaker = speaker_after(text, verb.idx + len(verb.text), end)
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
        tail_verbs = [t for t in tokens_in(doc, start + pour.start("prop"), end) if is_finite(t)]
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
        group_start = verb_group_start(verb)
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
                    and is_present_participle(t)
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
        if stance == "deny" and ANAPHORIC_REPORT.match(window.lstrip()):
            colon = None  # `a démenti ces informations, malgré l'annonce de X : "…"`: X's words, not the denial's
        if que and not any(
            v.idx > after_verb and v.idx < after_verb + que.end() and (gerund is None or v.i != gerund.i) for v in verbs
        ):
            subject = speaker_before(text, start, group_start, verb)
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
            subject = speaker_before(text, start, group_start, verb)
            q = quote_span(text, prop_start, end)
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
            for t in tokens_in(doc, start, comma)
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
            speaker = speaker_after(text, after_verb, end)
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
                speaker = trim(text, incise.start("speaker"), incise.end("speaker"))
                sp_text = text[speaker[0] : speaker[1]]
            if sp_text:
                make(incise.end(), end, "indirect", verb, speaker, sp_text, (comma, incise.end()))
                return claims
        # 5. X V (à) + infinitive / nominal report
        subject = speaker_before(text, start, group_start, verb)
        if subject[1] <= subject[0]:
            continue
        obj_text = text[after_verb:end]
        infinitive = [
            c
            for c in verb.children
            if c.dep_ in ("xcomp", "ccomp", "obj") and c.pos_ in ("VERB", "AUX") and is_infinitive(c)
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
            while k > verb.i and doc[k].lower_ in INFINITIVE_NEGATION | {'"', "«", "“"}:
                inf_start, k = doc[k].idx, k - 1
            make(inf_start, end, "indirect", verb, subject[:2], subject[2], (start, inf_start))
            return claims
        # the object, also when the parser hangs it on a time adverbial (`a annoncé dimanche la suspension`)
        around = [verb, *(c for c in verb.children if c.dep_ == "obl:mod" and c.i > verb.i)]
        nominal = [c for h in around for c in h.children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN")]
        if (
            nominal
            and verb.lemma_ in nominal_reports()
            and (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))
            and not (
                stance == "deny"
                and (
                    ANAPHORIC_REPORT.match(text[nominal[0].left_edge.idx : end])
                    or ABOUT_REPORT.match(text[nominal[0].left_edge.idx : end])
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
                skip = _DATE_SKIP.match(lead) or INVERTED_SKIP.match(lead) or _MANNER_ADVERB.match(lead)
                if not skip or not skip.end():
                    break
                lead_offset += skip.end()
                lead = text[lead_offset:end]
            # (`les affirmations selon lesquelles P` gives the report's content: P is denied, and no
            # earlier report is taken up)
            about = ABOUT_REPORT.match(lead)
            anaphoric = ANAPHORIC_REPORT.match(lead)
            if anaphoric and not about:
                # the report named, with its complements, up to the next clause mark: what follows a comma
                # or a colon is not what is denied (`a démenti ces informations, malgré l'annonce de X : "…"`)
                cut = re.search(r"\s*[,;:(]", text[lead_offset + anaphoric.end() : end])
                stop = lead_offset + anaphoric.end() + cut.start() if cut else end
                make(lead_offset, stop, "indirect", verb, subject[:2], subject[2], (start, lead_offset))
                if claims and not is_negated_verb(verb):  # (`n'a pas démenti ces informations` answers nothing)
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
