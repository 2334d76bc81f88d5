"""Counts of one thing that several sources give in one sentence: the journalist's way of saying they
disagree (`1,1 million de manifestants selon la police, le double selon la CGT`, `entre 3.200 (selon la
police) et 15.000 personnes (selon la CGT) ont défilé`, `la police avait compté 806.000 manifestants, la
CGT 1,5 million`, `la CGT a annoncé 400.000 manifestants (80.000 selon le ministère de l'Intérieur)`).

A clause parse splits such a sentence badly (the second count has no verb), so the counts are read from
the text: each count, with its comparator and its unit, and the source it is given by — a `selon` or
`d'après` (or `pour` right after it) that follows it, the subject of a counting verb that precedes it
(`la police avait compté`), the subject of a gapped clause after one (`, la CGT 1,5 million`), or a
`selon X,` that opens the sentence. Only sentences where two sources give counts of the same unit (or
one gives none: `le double`, `1,5 million`) yield anything. Plain text in, plain data out."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from transforms.claims import Claim
from transforms.numbers_fr import NUMBER_WORD_PATTERN, parse_number
from transforms.text_norm import fold_accents


@dataclass(frozen=True)
class SourcedCount:
    """One source's count, offsets into the text: the count phrase (`start`, `end`, from the count to its
    source) and the source (`source_start`, `source_end`)."""

    start: int
    end: int
    value: float
    op: str  # `=`, `>` (plus de), `<` (moins de), `~` (près de, environ)
    unit: str | None
    source_start: int
    source_end: int
    place: str | None = None  # where the count was made, when said (`à Paris`, `en France`)
    # what the count is said of, between it and its source (`blessées` in `deux personnes blessées selon
    # la police`): counts said of different things are not one count
    said_of: frozenset[str] = frozenset()
    high: float | None = None  # the upper bound of a range (`entre 16.000 et 17.000 personnes`)
    by_verb: bool = False  # the source is the subject of a counting verb (`la police avait compté 806.000`)

    def source(self, text: str) -> str:
        return text[self.source_start : self.source_end]


_DIGITS = r"\d{1,3}(?:[\u00a0\u202f .]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_COMPARATORS = {
    "plus de": ">",
    "plus d'": ">",
    "au moins": ">",
    "pas moins de": ">",
    "pas moins d'": ">",
    "plus d’": ">",
    "moins de": "<",
    "moins d'": "<",
    "moins d’": "<",
    "près de": "~",
    "près d'": "~",
    "près d’": "~",
    "environ": "~",
    "quelque": "~",
    "presque": "~",
}
_COMPARATOR = "|".join(sorted((re.escape(c) for c in _COMPARATORS), key=len, reverse=True))
_SCALES = {"million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "millier": 1e3, "milliers": 1e3}
# a multiple of the count before it (`1,1 million selon la police, le double selon la CGT`)
_MULTIPLES = {"le double": 2.0, "le triple": 3.0, "deux fois plus": 2.0, "trois fois plus": 3.0}
_WORD = r"[A-Za-zÀ-ÿ’'\-]+"
# words that follow a count without being what it counts (`80.000 à Paris`, `806.000 pour les autorités`)
_NOT_UNITS = frozenset(
    {
        "à",
        "au",
        "aux",
        "en",
        "dans",
        "de",
        "des",
        "du",
        "d",
        "selon",
        "pour",
        "par",
        "sur",
        "et",
        "ou",
        "contre",
        "dont",
        "soit",
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "ce",
        "cette",
        "ces",
        "ont",
        "a",
        "avaient",
        "avait",
        "sont",
        "est",
        "étaient",
        "était",
        "après",
        "d'après",
        "d’après",
    }
)
_COUNT = re.compile(
    rf"(?<![\w,.])(?:(?P<cmp>{_COMPARATOR})\s*)?"
    rf"(?:(?P<multiple>{'|'.join(_MULTIPLES)})|(?P<num>{_DIGITS}|{NUMBER_WORD_PATTERN})"
    rf"(?:\s+(?P<scale>{'|'.join(_SCALES)}))?(?:\s+(?:de\s+|d['’])?(?P<unit>{_WORD}))?)\b",
    re.I,
)
# a source given after the count: up to eight words without a comma between (`plus d'un million de personnes
# dans toute la France selon les autorités`), or a comma before `selon`, or in parentheses
_SOURCE_AFTER = re.compile(
    r"(?P<filler>(?:\s+(?!dont\b)[^\s\d,;:()\"«»]+){0,8}?)\s*,?\s*\(?\s*(?:selon|d['’]après)\s+"
    r"(?P<source>[^,;:()\"«».!?]{2,80}?)\s*(?=[,;:().!?\"«»]|\s[-–]\s|\s+(?:et|contre|alors|tandis|mais)\s|$)",
    re.I,
)
_QUOTED_NAME = re.compile(r"\s*(?:\"[^\".,;]{1,40}\"|«[^».,;]{1,40}»|“[^”.,;]{1,40}”)")
# `pour` names a source only after a count set against another (`contre 806.000 pour les autorités`); elsewhere
# it names what the count is for (`90 euros pour les particuliers`)
_CONTRE_BEFORE = re.compile(r"\bcontre\s+$", re.I)
_POUR_AFTER = re.compile(r"\s+pour\s+(?P<source>(?:la|le|les|l['’])\s*[^,;:()\"«».!?]{2,60}?)\s*(?=[,;:().!?]|$)", re.I)
# the subject of a counting verb right before the count (`la police avait compté`, `le ministère de
# l'Intérieur en a recensé`, `La CGT revendique`, `la CGT a annoncé`)
_COUNTING_VERB = re.compile(
    r"(?P<source>\b(?:la|le|les|l['’]|leurs?|son|sa|ses)\b\s*[^,;:()\"«».!?]{1,60}?|(?-i:[A-ZÀ-Ý][\w\-]+(?:\s+[A-ZÀ-Ý][\w\-]+){0,3}))"
    r"\s+(?:en\s+)?(?:(?:a|ont|avait|avaient|aurait|auraient)\s+)?(?:déjà\s+|ainsi\s+|quant à (?:lui|elle|eux),?\s+)?"
    r"(?:compt|décompt|dénombr|recens|revendiqu|annonç|annonc|avanc|chiffr|évalu|estim)[a-zé]*"
    r"(?:\s+(?:à|a))?\s+$",
    re.I,
)
# the subject of a gapped clause (`…, la CGT 1,5 million`)
_GAPPED_SUBJECT = re.compile(
    r"[,;]\s*(?:et\s+)?(?P<source>\b(?:la|le|les|l['’])\b\s*[^\s,;:()\"«».!?\d]+(?:\s+[^\s,;:()\"«».!?\d]+){0,4})\s+$",
    re.I,
)
# a passive subject is what is counted or valued, not who counts (`le coût d'une vie est évalué à 3,4 millions`)
_PASSIVE_TAIL = re.compile(r"\b(?:est|sont|était|étaient|sera|seront|été)\s*$", re.I)
# what follows a source's name without naming it (`le ministère de la Santé a annoncé avoir [recensé]`, `le
# collectif Inter-Urgences qui en est à l'origine`)
_SOURCE_TAIL = re.compile(
    r"\s+(?:(?:a|ont|avait|avaient|aurait|auraient)\s+\w+\s+(?:avoir|être)|qui\s.*|(?:ont|a|sont|est|se)\b.*|s['’].*)$",
    re.I | re.S,
)
# a subject that is a place or a relative clause, not who counts (`Dans cette métropole qui compte près de
# 900 000 habitants`)
_NOT_A_SOURCE = re.compile(r"\bqui\b|^(?:dans|à|en|pour|sur|avec|par|chez)\b", re.I)
# a gapped clause has no verb of its own (`, la CGT 1,5 million`; not `, le mercure a atteint les 53,7°C`)
_VERB_WORD = re.compile(r"\b(?:a|ont|est|sont|avait|avaient|était|étaient|sera|seront)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?…]\s")
# an opening `selon X,` gives the source of a count right after it only
_OPENING_REACH = 60
_RANGE_BEFORE = re.compile(rf"\bentre\s+(?P<low>{_DIGITS})\s+et\s+$", re.I)
_OPENING_SOURCE = re.compile(
    r"^\s*(?:toujours\s+|mais\s+|et\s+)?(?:selon|d['’]après)\s+(?P<source>[^,;:()\"«».!?]{2,80}?)\s*,", re.I
)
# words that tie a count to what it is said of without saying it (`étaient`, `toute`)
_TIES = frozenset({"étaient", "était", "sont", "avaient", "avait", "ainsi", "toute", "tout", "tous", "toutes"})
# a place a count is made in (`à Paris`, `en France`, `dans la capitale`)
_PLACE = re.compile(r"\b(?:à|en|au|aux|dans)\s+(?:la\s+|le\s+|les\s+|l['’])?(?P<place>[A-ZÀ-Ý][\w\-]+|capitale)")
# two counts further apart than this are not juxtaposed (`…, contre 806.000 pour les autorités, et c'est
# autant que le 12 décembre 1995, …, où deux millions…`: another event)
_MAX_GAP = 40
# the people counted at a gathering are one unit, whatever the noun (`806.000 manifestants`, `1,5 million de
# personnes`, `149.000 participants`)
_PEOPLE = frozenset({"personne", "manifestant", "participant", "gréviste", "marcheur", "individu", "gens"})


def _singular(word: str) -> str:
    word = word.lower()
    if word in ("gens", "fois"):
        return word
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


def _unit(word: str | None) -> str | None:
    if word is None or word.lower() in _NOT_UNITS:
        return None
    singular = _singular(word)
    return "personne" if singular in _PEOPLE else singular


def _content_words(filler: str) -> frozenset[str]:
    """The words a count is said of (`blessées`, `ont défilé`), not its place (`dans toute la France`) nor
    the words that only tie (`ont`, `étaient`)."""
    without_place = _PLACE.sub(" ", filler)
    words = re.findall(r"[a-zà-ÿ]{4,}", without_place)
    return frozenset(_singular(w) for w in words if w not in _NOT_UNITS and w not in _TIES)


def _source_before(
    text: str, sentence_start: int, at: int, previous: SourcedCount | None
) -> tuple[int, int, bool] | None:
    """The source named before a count at `at`, and whether by a counting verb: the subject of a counting
    verb, or of a gapped clause after a count by a counting verb (`la police avait compté 806.000
    manifestants, la CGT 1,5 million`)."""
    window_start = max(sentence_start, at - 120)
    before = text[window_start:at]
    verb = _COUNTING_VERB.search(before)
    if (
        verb is not None
        and not _PASSIVE_TAIL.search(verb.group("source"))
        and not _NOT_A_SOURCE.search(verb.group("source"))
    ):
        return window_start + verb.start("source"), window_start + verb.end("source"), True
    if previous is not None and previous.by_verb and previous.end <= at:
        gapped = _GAPPED_SUBJECT.search(text, max(previous.end, window_start), at)
        if gapped is not None and gapped.end() == at and not _VERB_WORD.search(gapped.group("source")):
            return gapped.start("source"), gapped.end("source"), False
    return None


def _source_of(
    text: str,
    start: int,
    end: int,
    count_start: int,
    count_end: int,
    previous: SourcedCount | None,
    opening: re.Match[str] | None,
) -> tuple[tuple[int, int], int, frozenset[str], bool] | None:
    """Who gives the count at `count_start:count_end` of the sentence `text[start:end]`: (the source's span,
    the end of the count's phrase, what the count is said of, whether the source is a counting verb's
    subject); None when no source is given. In order: `selon X` or `d'après X` after it, `pour X` after
    `contre N`, the subject of a counting verb or a gapped clause before it, an opening `selon X,` right
    before it."""
    after = _SOURCE_AFTER.match(text, count_end, end)
    pour = _POUR_AFTER.match(text, count_end, end) if _CONTRE_BEFORE.search(text, start, count_start) else None
    said_of: frozenset[str] = frozenset()
    by_verb = False
    if after is not None:
        source = (after.start("source"), after.end("source"))
        # (a name in quotation marks is part of the source: `selon le collectif "Le Nombre Jaune"`)
        quoted = _QUOTED_NAME.match(text, source[1], end)
        if quoted is not None:
            source = (source[0], quoted.end())
        phrase_end = source[1]
        said_of = _content_words(after.group("filler"))
    elif pour is not None:
        source = (pour.start("source"), pour.end("source"))
        phrase_end = pour.end("source")
    else:
        before = _source_before(text, start, count_start, previous)
        if before is not None:
            source, by_verb = before[:2], before[2]
        elif opening is not None and count_start - opening.end() <= _OPENING_REACH:
            source = (opening.start("source"), opening.end("source"))
        else:
            return None
        phrase_end = count_end
    tail = _SOURCE_TAIL.search(text, source[0], source[1])
    source_end = tail.start() if tail is not None and tail.start() > source[0] else source[1]
    while source_end > source[0] and text[source_end - 1] in " -–":
        source_end -= 1
    if phrase_end == source[1]:
        phrase_end = source_end
    return (source[0], source_end), phrase_end, said_of, by_verb


def sourced_counts(text: str, start: int = 0, end: int | None = None) -> list[list[SourcedCount]]:
    """The runs of juxtaposed counts of `text[start:end]` (one sentence), each count with the source it is
    given by, where at least two sources give counts of one unit and one place."""
    end = len(text) if end is None else end
    found: list[SourcedCount] = []
    opening = _OPENING_SOURCE.match(text, start, end)
    pos = opening.end() if opening is not None else start  # (`Selon France 3, …`: no count in a name)
    while True:
        match = _COUNT.search(text, pos, end)
        if match is None:
            break
        pos = match.end()
        previous = found[-1] if found else None
        if match.group("multiple"):
            if previous is None:
                continue
            value, unit, op = previous.value * _MULTIPLES[match.group("multiple").lower()], previous.unit, previous.op
        else:
            value = parse_number(match.group("num"))
            if value is None:
                continue
            value *= _SCALES.get((match.group("scale") or "").lower(), 1.0)
            unit = _unit(match.group("unit"))
            if match.group("unit") and unit is None:
                pos = match.end("num") if not match.group("scale") else match.end("scale")
            op = _COMPARATORS.get(re.sub(r"\s+", " ", (match.group("cmp") or "").lower()), "=")
            if value <= 1 or (re.fullmatch(r"(?:19|20)\d\d", match.group("num")) and unit is None):
                continue  # (`un`, a year)
        high = None
        low = _RANGE_BEFORE.search(text, max(start, match.start() - 30), match.start())
        if low is not None and not match.group("multiple") and not match.group("cmp"):
            scale = _SCALES.get((match.group("scale") or "").lower(), 1.0)
            low_value = parse_number(low.group("low"))
            if low_value is not None and low_value * scale < value:
                value, high, op = low_value * scale, value, "range"
        count_end = pos
        opening_source = opening if opening is not None and not found else None
        given = _source_of(text, start, end, match.start(), count_end, previous, opening_source)
        if given is None:
            continue
        source, phrase_end, said_of, by_verb = given
        count_start = low.start("low") if high is not None and low is not None else match.start()
        place = _PLACE.search(text, count_end, max(phrase_end, min(end, count_end + 40)))
        found.append(
            SourcedCount(
                count_start,
                phrase_end,
                value,
                op,
                unit,
                source[0],
                source[1],
                place.group("place").lower() if place is not None and place.start() < source[0] else None,
                said_of,
                high,
                by_verb,
            )
        )
        pos = max(pos, phrase_end)
    return [run for run in (_juxtaposed(text, run) for run in _runs(text, found)) if run]


def _source_key(text: str) -> str:
    folded = fold_accents(text.lower())
    return re.sub(r"^(?:la|le|les|l['’])\s*", "", re.sub(r"\s+", " ", folded).strip())


def _runs(text: str, found: list[SourcedCount]) -> list[list[SourcedCount]]:
    """Consecutive counts close together (at most `_MAX_GAP` characters apart, no `;` between) and of
    one place (`10.000 à Nantes selon la police, 25.000 d'après les organisateurs`; not `36.000 à Toulouse
    selon la préfecture, 26.000 à Marseille selon la police`)."""
    runs: list[list[SourcedCount]] = []
    for count in found:
        if runs:
            last = runs[-1][-1]
            gap = text[last.end : min(count.start, count.source_start)]
            places = {c.place for c in runs[-1] if c.place} | ({count.place} if count.place else set())
            said_of = [c.said_of for c in [*runs[-1], count] if c.said_of]
            same_thing = all(a & b for a in said_of for b in said_of)
            # (a sentence end between two counts parts them, whatever the sentence splitter made of it: `…, 1,5
            # million selon les syndicats. ► À Paris, 180.000 manifestants ont défilé, selon les syndicats`)
            one_sentence = ";" not in gap and not _SENTENCE_END.search(gap)
            if len(gap) <= _MAX_GAP and one_sentence and len(places) <= 1 and same_thing:
                runs[-1].append(count)
                continue
        runs.append([count])
    return runs


def _juxtaposed(text: str, run: list[SourcedCount]) -> list[SourcedCount]:
    """The counts of a run, of one unit (a count without one takes the unit of the others), when two
    sources at least give them; otherwise []."""
    units = {c.unit for c in run if c.unit is not None}
    if len(units) > 1 or len({_source_key(c.source(text)) for c in run}) < 2:
        return []
    unit = next(iter(units), None)
    return [replace(c, unit=unit) for c in run]


def sourced_count_claims(
    text: str, article_id: str, sentences: list[tuple[int, int]], taken: set[tuple[int, int]], first_index: int
) -> list[Claim]:
    """One claim per juxtaposed count of the article's sentences (`sentences`: their spans in `text`), keyed
    `compter|<unit>` and attributed to its source; every count of a run after the first answers the first
    (`responds_to_index`, counted from `first_index`, the index the first new claim will have among the
    article's claims). Spans already `taken` by another claim are skipped (a claim's id is its span)."""
    claims: list[Claim] = []
    for sentence_idx, (start, end) in enumerate(sentences):
        for run in sourced_counts(text, start, end):
            run = [c for c in run if (c.start, c.end) not in taken]
            if len(run) < 2:
                continue
            first = first_index + len(claims)
            for position, count in enumerate(run):
                claims.append(
                    Claim(
                        article_id=article_id,
                        sentence_idx=sentence_idx,
                        char_start=count.start,
                        char_end=count.end,
                        text=text[count.start : count.end],
                        quote_kind="indirect",
                        speaker_text=count.source(text),
                        speaker_start=count.source_start,
                        speaker_end=count.source_end,
                        reporting_verb="selon",
                        stance="assert",
                        predicate="compter",
                        theme=count.unit or "nombre",
                        event_key=f"compter|{count.unit or 'nombre'}",
                        quantity=count.value,
                        quantity_unit=count.unit,
                        quantity_op=count.op,
                        quantity_max=count.high,
                        responds_to_index=first if position else None,
                        extras={"sourced_count": True},
                    )
                )
    return claims
