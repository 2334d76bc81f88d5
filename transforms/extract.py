"""One batch of cleaned articles → raw mentions, claims and temporal expressions.

The spaCy parse is done once per body; everything downstream reads the same `Doc`. Output offsets
are into `articles.body`. Mentions are not resolved to actors here (that needs the whole corpus) and
dates are tagged but not resolved (that needs the publication day, itself inferred later).
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from collections.abc import Callable, Sequence

import polars as pl
from spacy.language import Language

from transforms.actors import (
    MENTION_SCHEMA,
    acronym_after,
    apposition_roles,
    clean_surface,
    expansion_pairs,
    extend_name,
    is_actor_surface,
    is_family_reference,
)
from transforms.claims import (
    CLAIM_SCHEMA,
    Claim,
    claim_id,
    claim_rows,
    extract_sentence_claims,
    is_near_future,
    is_reflexive,
    link_article_claims,
)
from transforms.claims.lexicon import words
from transforms.nlp import PIECE_CHARS, parse_texts
from transforms.nominal_events import nominal_event_claims
from transforms.sentences import SENTENCE_SCHEMA, sentence_frame
from transforms.sourced_counts import sourced_count_claims
from transforms.text_norm import lexicon_lines
from transforms.timex import MONTHS, SPAN_COLUMNS, WEEKDAYS, leaves_year_out, tag_timex

ROLE_SCHEMA = {
    "article_id": pl.String,
    "person_start": pl.Int32,
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "role": pl.String,
}
ERROR_SCHEMA = {"article_id": pl.String, "stage": pl.String, "error": pl.String}
TIMEX_SCHEMA = {**SPAN_COLUMNS, "reading": pl.String, "tense": pl.String}


def _sentence_of(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _overlapping(spans: list[tuple[int, int]]) -> Callable[[int, int], list[int]]:
    """`overlapping(start, end)`: the indices of the `spans` (sorted by start) that overlap `start:end`, in log time
    per query (a scan per mention made long bodies quadratic): of the spans starting before `end`, those past the
    first whose running maximum of ends passes `start`."""
    starts = [s for s, _ in spans]
    furthest = list(itertools.accumulate((e for _, e in spans), max))

    def overlapping(start: int, end: int) -> list[int]:
        before = bisect.bisect_left(starts, end)
        first = bisect.bisect_right(furthest, start, 0, before)
        return [i for i in range(first, before) if spans[i][1] > start]

    return overlapping


_BARE_YEAR = re.compile(r"\d{4}")


def _title_case(word: str) -> bool:
    """`Noël`, `Jean-`: a capital then lower case, as names are written (a word in capitals is a headline's)."""
    return word[:1].isupper() and not word.isupper()


def _is_name_word(body: str, start: int, end: int, date: tuple[int, int]) -> bool:
    """A date written as a word of the name `body[start:end]` around it: a year right after a name word labels an
    edition (`Miss Univers 2016`, `Euro 2016`, `CMT Music Awards 2016`), and a date word written as a name next to
    a name word is one (`Noël Mamère`, `Olivier Toussaint`, `Père Noël`, `Le Matin Dimanche`). In capitals (an
    intertitle: `DIMANCHE VERT`) the case of a word says nothing."""
    a, b = date
    if not (start <= a and b <= end) or (a, b) == (start, end):
        return False
    before, after = body[start:a].split(), body[b:end].split()
    if _BARE_YEAR.fullmatch(body[a:b]):
        return bool(before) and (_title_case(before[-1]) or before[-1].isupper())
    if not all(_title_case(word) for word in body[a:b].split()):
        return False
    return _title_case(before[-1]) if before else bool(after) and _title_case(after[0])


def _runs_into_date(body: str, start: int, date: tuple[int, int]) -> bool:
    """The name starting at `start` runs on to a date right after it: a weekday or a month in lower case, as French
    writes them, or a day after `le`/`ce` (`rapporte Le Progrès mardi 21 mars`, `sur Facebook lundi`, `Le Parisien ce
    mardi`). Not a date the name governs (`les Jeux de 2024`, `L'Oeil du 20h`) or a title's words (`Télé 7 jours`)."""
    words = body[date[0] : date[1]].split()
    if date[0] <= start or not words:
        return False
    if words[0] in ("le", "ce") and len(words) > 1:
        return words[1] in WEEKDAYS or words[1] in MONTHS or words[1].isdigit()
    return words[0] in WEEKDAYS or words[0] in MONTHS


def _name_beside_dates(
    body: str, start: int, end: int, label: str, dates: list[tuple[int, int]]
) -> tuple[int, int, list[int]] | None:
    """The name mention `start:end` given the `dates` it overlaps: None when a date covers it (`Noël`, `Nouvel An`,
    `Vendredi`: a date, not an actor); else its span, cut before a date it ran on to (`_runs_into_date`: `Le Progrès
    mardi 21 mars` → `Progrès`), and the indices of the dates that are words of the name (`_is_name_word`), which
    are then no dates of the text. None too when it overlaps another date (`Dimanche à Rennes`, `MENACES DE MORT
    Samedi soir`), as before names and dates were told apart."""
    if any(a <= start and end <= b for a, b in dates):
        return None
    words = [i for i, span in enumerate(dates) if _is_name_word(body, start, end, span)]
    for i, span in sorted(enumerate(dates), key=lambda item: item[1]):
        if i in words or span[0] >= end:
            continue
        if not _runs_into_date(body, start, span):
            return None
        start, end = clean_surface(body, start, span[0], label)
        if start >= end:
            return None
    return start, end, [i for i in words if start <= dates[i][0] and dates[i][1] <= end]


def _is_compound_past(token) -> bool:
    """A past participle with its auxiliary: `a annoncé`, `est arrivé` (`lexicons/etre_auxiliary_verbs.txt`),
    `s'est rendue`, `a été condamné`. Not a passive in the present or future (`est attendu le 4 avril`,
    `sont prévues`, `sera jugé`): there the tense is the auxiliary's own."""
    if "Past" not in token.morph.get("Tense"):
        return False
    auxes = [c for c in token.children if c.dep_.startswith("aux")]
    if not auxes:
        return False
    if any(c.dep_ != "aux:pass" for c in auxes):
        return True
    if token.lemma_.lower() in lexicon_lines("etre_auxiliary_verbs.txt"):
        return True
    return is_reflexive(token)


def sentence_tense(tokens) -> str:
    """`future` (a future verb), `past` (passé composé, imparfait, passé simple, plus-que-parfait) or
    `present`: orients bare weekdays and day-months (see `dating.TENSE_DIRECTION`)."""
    past = False
    for token in tokens:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        tense = token.morph.get("Tense")
        if "Fut" in tense or is_near_future(token):
            return "future"
        finite_past = "Past" in tense and "Fin" in token.morph.get("VerbForm")
        if "Imp" in tense or finite_past or _is_compound_past(token):
            past = True
    return "past" if past else "present"


def _tense(doc, start: int, end: int) -> str:
    return sentence_tense(doc.char_span(start, end, alignment_mode="expand") or [])


def timex_tense(
    doc, start: int, end: int, sentence_span: tuple[int, int], leaves_year_out: bool = False, month_only: bool = False
) -> str:
    """Tense of the clause a temporal expression belongs to: of the first verb up its head chain
    (with that verb's auxiliaries), so that `Macron se rendra vendredi à Strasbourg, où les policiers
    qui ont abattu jeudi soir l'auteur…` reads `jeudi soir` in the past. Falls back to the sentence.

    A day or a month without its year that complements a noun (`leaves_year_out`: `les élections du 26 mai`, `sa
    visite dans l'île début février`) dates that noun's event, not the verb's: `a annoncé sa candidature pour les
    élections du 26 mai` says nothing of which side of the publication the 26th lies on, nor `l'engagement pris lors
    de sa visite début février se fera…` of February's, so no tense (`present`: the nearest). A month
    (`month_only`) that complements a noun of time is still the verb's: `à la fin du mois de mai`, `en plein mois de
    février` (`lexicons/time_heads.txt`; a day keeps the rule: `une journée de mobilisation le 17 décembre`)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span):
        head = span.root.head
        of_time = month_only and head.lemma_.lower() in words("time_heads")
        if leaves_year_out and span.root.dep_ == "nmod" and head.pos_ == "NOUN" and not of_time:
            return "present"
        node, hops = span.root, 0
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i and hops < 8:
            node, hops = node.head, hops + 1
        if node.pos_ in ("VERB", "AUX"):
            return sentence_tense([node, *(c for c in node.children if c.dep_.startswith("aux"))])
    return _tense(doc, *sentence_span)


def year_left_out(reading: dict) -> tuple[bool, bool]:
    """(the date leaves its year out, and it is a month without its day): the arguments of `timex_tense`."""
    return leaves_year_out(reading), leaves_year_out(reading) and reading.get("day") is None


def _extract_article(article_id: str, body: str, doc, spans: list[tuple[int, int]]) -> tuple[list, list, list, list]:
    """Mentions, claims and temporal expressions of one parsed article."""
    mentions: list[dict] = []
    timexes: list[dict] = []
    starts = [s for s, _ in spans]
    timex = tag_timex(body)
    overlapping = _overlapping([(t.start, t.end) for t in timex])
    name_words: set[int] = set()  # the dates that are words of a name (`Miss Univers 2016`)
    for ent in doc.ents:
        if ent.label_ not in ("PER", "ORG", "LOC", "MISC"):
            continue
        start, end = clean_surface(body, ent.start_char, ent.end_char, ent.label_)
        if ent.label_ == "PER" and is_family_reference(body, start):
            continue
        if ent.label_ in ("PER", "MISC"):
            end = extend_name(body, start, end)
        surface = body[start:end]
        if not is_actor_surface(surface, ent.label_, bool(ent.ent_id_)) or "\n" in surface:
            continue
        if not ent.ent_id_ and len(ent) == 1 and ent.root.pos_ == "NOUN":
            continue  # a capitalised common noun (an intertitle word), not a name
        near = overlapping(start, end)
        if near:
            kept = _name_beside_dates(body, start, end, ent.label_, [(timex[i].start, timex[i].end) for i in near])
            if kept is None:
                continue  # `Nouvel An`, `Noël`: dates, not actors
            start, end, words = kept
            surface = body[start:end]
            if not is_actor_surface(surface, ent.label_, bool(ent.ent_id_)):
                continue
            name_words.update(near[i] for i in words)
        mentions.append(
            {
                "article_id": article_id,
                "sentence_idx": _sentence_of(starts, start),
                "char_start": start,
                "char_end": end,
                "surface": surface,
                "label": ent.label_,
                "dict_canonical": ent.ent_id_ or None,
                "alias_of": None,
            }
        )
        acronym = acronym_after(body, end, surface)
        if acronym is not None:  # `… (FDS)`: the acronym is an alias of the name before it
            mentions.append(
                {
                    "article_id": article_id,
                    "sentence_idx": _sentence_of(starts, acronym[0]),
                    "char_start": acronym[0],
                    "char_end": acronym[1],
                    "surface": acronym[2],
                    "label": ent.label_,
                    "dict_canonical": ent.ent_id_ or None,
                    "alias_of": surface,
                }
            )
    for acronym, expansion in expansion_pairs(body, [(m["char_start"], m["char_end"]) for m in mentions]):
        mentions[expansion]["alias_of"] = mentions[acronym]["surface"]
    if name_words:  # (`Miss Univers 2016` is not a claim of 2016)
        timex = [t for i, t in enumerate(timex) if i not in name_words]
    timex_spans = [(t.start, t.end) for t in timex]  # (claims keep the dates of nouns out of their events)
    persons = [(m["char_start"], m["char_end"]) for m in mentions if m["label"] == "PER"]
    roles = [
        {"article_id": article_id, "person_start": p, "char_start": a, "char_end": b, "role": body[a:b]}
        for p, a, b in apposition_roles(doc, persons)
    ]
    article_claims: list[Claim] = []
    for idx, (start, end) in enumerate(spans):
        article_claims.extend(extract_sentence_claims(doc, article_id, idx, start, end, body, timex_spans))
    article_claims = link_article_claims(article_claims)
    # counts several sources give in one sentence (`1,1 million selon la police, le double selon la CGT`)
    taken = {(c.char_start, c.char_end) for c in article_claims}
    article_claims += sourced_count_claims(body, article_id, spans, taken, len(article_claims))
    # events told by a noun the text takes as having happened (`après l'assassinat du général Soleimani`)
    article_claims += nominal_event_claims(doc, body, article_id, spans, timex_spans, article_claims)
    claims = claim_rows(article_claims, lambda c: _tense(doc, c.char_start, c.char_end) == "future")
    for tx in timex:
        idx = _sentence_of(starts, tx.start)
        sentence_span = spans[idx] if spans else (0, len(body))
        timexes.append(
            {
                "date_id": claim_id(article_id + "#date", tx.start, tx.end),
                "article_id": article_id,
                "sentence_idx": idx,
                "char_start": tx.start,
                "char_end": tx.end,
                "surface": tx.surface,
                "timex_type": tx.timex_type,
                "reading": json.dumps(tx.reading, sort_keys=True),
                "tense": timex_tense(doc, tx.start, tx.end, sentence_span, *year_left_out(tx.reading)),
            }
        )
    return mentions, claims, timexes, roles


def extract_batch(
    articles: pl.DataFrame,
    sentences: pl.DataFrame,
    nlp: Language,
    batch_size: int = 64,
    piece_chars: int = PIECE_CHARS,
) -> dict[str, pl.DataFrame]:
    """Parse a batch and extract its raw facts.

    Args: articles (`article_id`, `body`); sentences (from `sentence_frame`); bodies longer than
    `piece_chars` are parsed in pieces (`nlp.parse_texts`), with the same offsets.
    Returns: {"mentions": one row per raw actor mention, "claims": one row per claim,
    "timex": one row per temporal expression (unresolved reading as JSON)}.
    """
    by_article: dict[str, list[tuple[int, int]]] = {}
    for row in sentences.sort(["article_id", "sentence_idx"]).iter_rows(named=True):
        by_article.setdefault(row["article_id"], []).append((row["char_start"], row["char_end"]))
    ids: Sequence[str] = articles["article_id"].to_list()
    bodies: Sequence[str] = articles["body"].to_list()
    mentions, claims, timexes, roles = [], [], [], []
    errors = []
    starts = [[start for start, _ in by_article.get(article_id, [])] for article_id in ids]
    docs = parse_texts(nlp, bodies, batch_size, starts, piece_chars)
    for article_id, body, doc in zip(ids, bodies, docs, strict=True):
        try:
            found = _extract_article(article_id, body, doc, by_article.get(article_id, []))
        except Exception as error:  # noqa: BLE001 - one pathological text must not stop the run
            errors.append({"article_id": article_id, "stage": "extract", "error": describe_error(error)})
            continue
        mentions += found[0]
        claims += found[1]
        timexes += found[2]
        roles += found[3]
    return {
        "mentions": pl.DataFrame(mentions, schema=MENTION_SCHEMA) if mentions else pl.DataFrame(schema=MENTION_SCHEMA),
        "claims": pl.DataFrame(claims, schema=CLAIM_SCHEMA) if claims else pl.DataFrame(schema=CLAIM_SCHEMA),
        "timex": pl.DataFrame(timexes, schema=TIMEX_SCHEMA) if timexes else pl.DataFrame(schema=TIMEX_SCHEMA),
        "errors": pl.DataFrame(errors, schema=ERROR_SCHEMA) if errors else pl.DataFrame(schema=ERROR_SCHEMA),
        "roles": pl.DataFrame(roles, schema=ROLE_SCHEMA) if roles else pl.DataFrame(schema=ROLE_SCHEMA),
    }


EXTRACT_OUTPUTS = {
    "sentences": SENTENCE_SCHEMA,
    "mentions": MENTION_SCHEMA,
    "claims": CLAIM_SCHEMA,
    "timex": TIMEX_SCHEMA,
    "roles": ROLE_SCHEMA,
    "errors": ERROR_SCHEMA,
}


def extract_documents(articles: pl.DataFrame, nlp: Language, batch_size: int = 64) -> dict[str, pl.DataFrame]:
    """Sentences of every body and the raw facts of the French ones (the model is French), for a batch.

    Args: articles (`article_id`, `body`, `language`).
    Returns: the frames of `EXTRACT_OUTPUTS`. Nothing a document does stops its batch: an exception the
    batch raises (the parse, the sentence split) is narrowed down by extracting each document alone; the
    documents that still raise get one `errors` row (stage `extract`, the exception) and no other rows,
    and their neighbours are extracted as if they had been alone in the batch."""
    try:
        return _extract_documents(articles, nlp, batch_size)
    except Exception:  # noqa: BLE001 - find the document that raised, keep the others
        pass
    parts = []
    for one in articles.iter_slices(1):
        try:
            parts.append(_extract_documents(one, nlp, batch_size))
        except Exception as error:  # noqa: BLE001 - recorded in processing_errors, never fatal
            failed = {"article_id": one["article_id"][0], "stage": "extract", "error": describe_error(error)}
            parts.append({"errors": pl.DataFrame([failed], schema=ERROR_SCHEMA)})
    return {
        name: pl.concat([pl.DataFrame(schema=schema), *(p[name] for p in parts if name in p)])
        for name, schema in EXTRACT_OUTPUTS.items()
    }


def _extract_documents(articles: pl.DataFrame, nlp: Language, batch_size: int) -> dict[str, pl.DataFrame]:
    sentences = sentence_frame(articles.select("article_id", "body"))
    french = articles.filter(pl.col("language") == "fr")
    out = extract_batch(
        french.select("article_id", "body"),
        sentences.join(french.select("article_id"), on="article_id"),
        nlp,
        batch_size,
    )
    out["sentences"] = sentences
    return out


def describe_error(error: BaseException) -> str:
    """An exception as it is recorded (`processing_errors.error`, `quarantine.detail`): type and message."""
    return f"{type(error).__name__}: {error}"[:2000]
