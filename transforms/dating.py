"""Publication dates as intervals, resolution of temporal expressions, and dates attached to claims.

Publication day: the interval `[published_earliest, published_latest]` is narrowed by each piece of
evidence and never further than it allows:
- explicit metadata (a JSON or HTML date field): one day, basis `file_metadata`;
- a header hint: `2020-01-16` one day, `2020-01` the month, basis `header`;
- the text: an event dated absolutely in a past-tense sentence happened on or before publication; a
  lead such as `Jeudi 30 janvier,` (weekday with day-month: the year is the one where that day is a
  Thursday, at or after the latest year the text mentions) fixes the week, basis `text`.
A relative expression is resolved against both ends of the interval; it gets a value only when both
give the same answer (so `le 3 janvier` resolves under a January header, `jeudi` does not).
"""

from __future__ import annotations

import bisect
import calendar
import json
import re
from datetime import date, timedelta

import polars as pl

from transforms.timex import SPAN_COLUMNS, Resolved, resolve_timex

PUBLICATION_SCHEMA = {
    "article_id": pl.String,
    "published_on": pl.Date,
    "published_earliest": pl.Date,
    "published_latest": pl.Date,
    "published_basis": pl.String,
}
DATE_SCHEMA = {
    **SPAN_COLUMNS,
    "value": pl.String,
    "modifier": pl.String,
    "start_date": pl.Date,
    "end_date": pl.Date,
    "anchor": pl.String,
    "calendar": pl.Boolean,
}
_LEAD_WINDOW = 6
# How a sentence's tense orients a bare weekday or day-month: back, nearest, forward.
TENSE_DIRECTION = {
    "past": -1,
    "present": 0,
    "future": 1,
}  # a lead date opens the story: publication within the following week


def _parse_hint(hint: str | None) -> tuple[date, date] | None:
    if not hint:
        return None
    try:
        parts = [int(p) for p in hint.split("-")]
        if len(parts) == 3:
            day = date(*parts)
            return day, day
        if len(parts) == 2:
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


def _lead_year(
    month: int, day: int, weekday: int, min_year: int | None, window: tuple[date, date] | None
) -> int | None:
    """The year in which day-month falls on `weekday`, within the window or at/after `min_year`."""
    years = (
        range(window[0].year, window[1].year + 1)
        if window
        else (range(min_year, min_year + 12) if min_year else range(0))
    )
    for year in years:
        try:
            if date(year, month, day).weekday() == weekday:
                return year
        except ValueError:
            continue
    return None


def infer_publication(
    article_id: str, date_hint: str | None, metadata_date: str | None, readings: list[tuple[dict, str, int]]
) -> dict:
    """Publication interval for one article.

    `readings`: (reading, tense, sentence-relative start offset) for each temporal expression.
    """
    basis = "unknown"
    window = _parse_hint(metadata_date)
    if window and window[0] == window[1]:
        return {
            "article_id": article_id,
            "published_on": window[0],
            "published_earliest": window[0],
            "published_latest": window[0],
            "published_basis": "file_metadata",
        }
    if window:
        basis = "file_metadata"
    else:
        window = _parse_hint(date_hint)
        if window:
            basis = "header"
    earliest = window[0] if window else None
    latest = window[1] if window else None
    years = [r["year"] for r, _, _ in readings if r.get("kind") == "date" and r.get("year")]
    since_years = [
        r["year"] + 1 for r, _, _ in readings if r.get("kind") == "date" and r.get("since") and r.get("year")
    ]
    min_year = max(years + since_years) if (years or since_years) else None
    # the lead date of the story (`Jeudi 30 janvier, …` at the start of a sentence)
    for reading, _tense, offset in readings:
        if reading.get("kind") == "date" and reading.get("weekday") is not None and reading.get("day") and offset == 0:
            year = reading.get("year") or _lead_year(
                reading["month"], reading["day"], reading["weekday"], min_year, window
            )
            if year is None:
                continue
            try:
                lead = date(year, reading["month"], reading["day"])
            except ValueError:
                continue
            if (earliest is None or lead >= earliest) and (latest is None or lead <= latest):
                earliest = lead
                latest = (
                    min(latest, lead + timedelta(days=_LEAD_WINDOW)) if latest else lead + timedelta(days=_LEAD_WINDOW)
                )
                basis = "text" if basis == "unknown" else basis
    # absolute past events happened on or before publication
    if earliest is not None or latest is not None:
        for reading, tense, _ in readings:
            if tense == "future" or reading.get("kind") != "date" or not reading.get("day"):
                continue
            year = reading.get("year")
            if year is None and earliest is not None and latest is not None and earliest.year == latest.year:
                year = latest.year  # a window inside one year: the day-month is in that year or before it
            if year is None:
                continue
            try:
                day = date(year, reading["month"], reading["day"])
            except ValueError:
                continue
            if day is not None and (latest is None or day <= latest) and (earliest is None or day > earliest):
                earliest = day
    published_on = (
        earliest if earliest is not None and latest is not None and (earliest == latest or basis == "text") else None
    )
    return {
        "article_id": article_id,
        "published_on": published_on,
        "published_earliest": earliest,
        "published_latest": latest,
        "published_basis": basis,
    }


def infer_publications(articles: pl.DataFrame, timex: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """Args: articles (`article_id`, `date_hint`, `metadata_date`), timex, sentences.
    Returns: one row per article with the publication interval, best day and basis."""
    starts = {(r["article_id"], r["sentence_idx"]): r["char_start"] for r in sentences.iter_rows(named=True)}
    per_article: dict[str, list] = {}
    for row in timex.iter_rows(named=True):
        offset = row["char_start"] - starts.get((row["article_id"], row["sentence_idx"]), 0)
        per_article.setdefault(row["article_id"], []).append((json.loads(row["reading"]), row["tense"], offset))
    rows = [
        infer_publication(
            r["article_id"], r.get("date_hint"), r.get("metadata_date"), per_article.get(r["article_id"], [])
        )
        for r in articles.iter_rows(named=True)
    ]
    return pl.DataFrame(rows, schema=PUBLICATION_SCHEMA) if rows else pl.DataFrame(schema=PUBLICATION_SCHEMA)


def names_calendar_date(reading: dict) -> bool:
    """The expression names its month or year (`le 3 janvier`, `en 2014`, `mars dernier`), as opposed to
    a deictic one (`vendredi`, `hier`, `dans la nuit`, `la semaine dernière`) whose day depends on when
    the text was written: a republished or updated article shifts it."""
    return reading.get("kind") == "date" and (reading.get("month") is not None or reading.get("year") is not None)


# characters between a clock time and the day written right after it (`vers 1 h 30 dans la nuit du 27`)
_CLOCK_REACH = 40


def _publication_anchored(reading: dict, p: dict, direction: int) -> Resolved:
    if p.get("published_on"):
        anchors = [p["published_on"]]
    elif p.get("published_earliest") and p.get("published_latest"):
        anchors = [p["published_earliest"], p["published_latest"]]
    else:
        anchors = []
    results = {resolve_timex(reading, anchor, direction) for anchor in anchors} if anchors else set()
    return results.pop() if len(results) == 1 else resolve_timex(reading, None, direction)


# kinds whose day is read from the text around them: a clock time or part of a day, and a day counted
# from the last one named (`la veille`, `le lendemain`, `le jour même`)
_READ_FROM_CONTEXT = ("clock", "anaphoric")


def resolve_dates(timex: pl.DataFrame, publications: pl.DataFrame) -> pl.DataFrame:
    """Resolve every expression against its article's publication interval.

    A clock time or part of a day (`à 21 h 45`, `dans la nuit`) takes the day written right after it in
    its sentence (`vers 1 h 30 dans la nuit du 27 au 28 octobre`), else the day of the last day-level date
    before it in the article (`hier à 10 h`), else the publication day. A day counted from another
    (`la veille`, `le lendemain`) counts from the last day-level date before it, else from the
    publication day. Days read from other expressions are anchored
    `previous` (the contract's name for a day read from another expression of the text).
    Returns: one row per temporal expression, the contract's `dates` columns (without `claim_id`).
    """
    pub = {r["article_id"]: r for r in publications.iter_rows(named=True)}
    ordered = list(timex.sort(["article_id", "char_start", "char_end"], maintain_order=True).iter_rows(named=True))
    readings = [json.loads(row["reading"]) for row in ordered]
    resolved_at: dict[int, Resolved] = {}
    for i, (row, reading) in enumerate(zip(ordered, readings, strict=True)):
        if reading["kind"] not in _READ_FROM_CONTEXT:
            resolved_at[i] = _publication_anchored(reading, pub.get(row["article_id"], {}), _direction(row))
    rows = []
    last_day: dict[str, tuple[date, int, int]] = {}  # the last day named: day, sentence, end offset
    for i, (row, reading) in enumerate(zip(ordered, readings, strict=True)):
        if reading["kind"] in _READ_FROM_CONTEXT:
            following = _day_following(ordered, resolved_at, i) if reading["kind"] == "clock" else None
            previous = last_day.get(row["article_id"])
            if following is not None and previous is not None and _closer_before(previous, following, row):
                following = None  # `samedi 4 janvier, à 18 h 30 : messe ; dimanche 5 janvier`: the day just before
            context = following[0] if following else previous[0] if previous else None
            if context is not None:
                resolved = resolve_timex(reading, context, _direction(row))  # (the contract calls both `previous`)
                resolved = Resolved(resolved.value, resolved.modifier, resolved.start, resolved.end, "previous")
            else:
                resolved = _publication_anchored(reading, pub.get(row["article_id"], {}), _direction(row))
        else:
            resolved = resolved_at[i]
        if resolved.start is not None and resolved.start == resolved.end:
            # after `la nuit de samedi à dimanche` (the night of Saturday), the day named last is Sunday
            day = resolved.start + timedelta(days=1) if reading.get("overnight") else resolved.start
            last_day[row["article_id"]] = (day, row["sentence_idx"], row["char_end"])
        rows.append(
            {
                k: row[k]
                for k in ("date_id", "article_id", "sentence_idx", "char_start", "char_end", "surface", "timex_type")
            }
            | {
                "value": resolved.value,
                "modifier": resolved.modifier,
                "start_date": resolved.start,
                "end_date": resolved.end,
                "anchor": resolved.anchor,
                "calendar": names_calendar_date(reading),
            }
        )
    return pl.DataFrame(rows, schema=DATE_SCHEMA) if rows else pl.DataFrame(schema=DATE_SCHEMA)


def _direction(row: dict) -> int:
    return TENSE_DIRECTION.get(row["tense"], -1)


def _closer_before(previous: tuple[date, int, int], following: tuple[date, int], clock: dict) -> bool:
    """True when the day named before the clock, in its sentence, is nearer it than the day after it."""
    _, sentence, end = previous
    return sentence == clock["sentence_idx"] and clock["char_start"] - end < following[1] - clock["char_end"]


def _day_following(ordered: list[dict], resolved_at: dict[int, Resolved], i: int) -> tuple[date, int] | None:
    """The day named by the next expression when it follows the clock closely in the same sentence, and
    where that expression starts."""
    clock = ordered[i]
    for j in range(i + 1, len(ordered)):
        row = ordered[j]
        same_place = row["article_id"] == clock["article_id"] and row["sentence_idx"] == clock["sentence_idx"]
        if not same_place or row["char_start"] - clock["char_end"] > _CLOCK_REACH:
            return None
        if j in resolved_at:
            r = resolved_at[j]
            return (r.start, row["char_start"]) if r.start is not None and r.start == r.end else None
    return None


class _DatesByStart:
    """The dates of each article by start offset: those that start inside a claim's spans are found in log
    time (a scan of the article's dates per claim made a long article quadratic), in frame order."""

    def __init__(self, dates: pl.DataFrame) -> None:
        self.rows: dict[str, list[dict]] = {}
        for d in dates.iter_rows(named=True):
            self.rows.setdefault(d["article_id"], []).append(d)
        self.order: dict[str, list[int]] = {}
        self.starts: dict[str, list[int]] = {}
        for article_id, found in self.rows.items():
            order = sorted(range(len(found)), key=lambda i: found[i]["char_start"])
            self.order[article_id] = order
            self.starts[article_id] = [found[i]["char_start"] for i in order]

    def starting_in(self, article_id: str, windows: list[tuple[int, int]]) -> list[dict]:
        """The dates of `article_id` whose start lies in one of the closed `windows`, in frame order."""
        if article_id not in self.rows:
            return []
        starts, order = self.starts[article_id], self.order[article_id]
        picked: set[int] = set()
        for lo, hi in windows:
            picked.update(order[bisect.bisect_left(starts, lo) : bisect.bisect_right(starts, hi)])
        found = self.rows[article_id]
        return [found[i] for i in sorted(picked)]


def attach_dates(
    claims: pl.DataFrame, dates: pl.DataFrame, publications: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Dates inside a proposition give `event_start/event_end`; inside its attribution, `statement_date`
    (else the publication day). Returns (claims with dates and `period_start/period_end`,
    dates with `claim_id`)."""
    pub = {r["article_id"]: r for r in publications.iter_rows(named=True)}
    by_article = _DatesByStart(dates)
    date_claim: dict[str, str] = {}
    rows = []
    for c in claims.iter_rows(named=True):
        inside, stated = [], []
        subordinate = json.loads(c.get("subordinate_spans") or "[]")
        windows = [(c["char_start"], c["char_end"])]
        if c["attribution_start"] is not None:
            windows.append((c["attribution_start"], c["attribution_end"]))
        for d in by_article.starting_in(c["article_id"], windows):
            in_subordinate = any(a <= d["char_start"] and d["char_end"] <= b for a, b in subordinate)
            if c["char_start"] <= d["char_start"] and d["char_end"] <= c["char_end"] and not in_subordinate:
                inside.append(d)
                date_claim.setdefault(d["date_id"], c["claim_id"])
            elif (
                c["attribution_start"] is not None
                and c["attribution_start"] <= d["char_start"]
                and d["char_end"] <= c["attribution_end"]
            ):
                stated.append(d)
                date_claim.setdefault(d["date_id"], c["claim_id"])
        points = [d for d in inside if d["start_date"] is not None and d["timex_type"] in ("DATE", "TIME")]
        p = pub.get(c["article_id"], {})
        stated_day = next(
            (d["start_date"] for d in stated if d["start_date"] is not None and d["start_date"] == d["end_date"]), None
        )
        statement = stated_day or p.get("published_on")
        event_start = min(d["start_date"] for d in points) if points else None
        event_end = max(d["end_date"] for d in points) if points else None
        if event_start is None and _dated_by_announcement(c):
            event_start = event_end = stated_day
        period_start = event_start or statement or p.get("published_earliest")
        period_end = event_end or statement or p.get("published_latest")
        if event_start is None and c.get("timed_by_event"):
            # `n'a participé à aucune réunion durant sa période de suspension`: the time is that of another
            # event, whose dates the claim does not give; not the day it was said
            period_start = period_end = None
        elif event_start is None and c.get("anterior") and statement is not None:
            # `près de 1.000 personnes avaient été appréhendées`: a pluperfect speaks of before the
            # statement (the previous week's figure is not today's)
            period_start = statement - timedelta(days=_NARROWING_HORIZON)
            period_end = statement - timedelta(days=1)
        elif event_start is None and c.get("future") and statement is not None:
            # `ce chauffeur ne travaillera plus sur nos lignes`: what will (not) happen is after the
            # statement, not at it (a present claim of the same day is a different time)
            period_start, period_end = statement + timedelta(days=1), statement + timedelta(days=_FUTURE_DAYS)
        event_key = c.get("event_key")
        since = [d for d in points if d["timex_type"] == "DATE" and d["surface"].lower().startswith("depuis ")]
        theme = (event_key or "|").split("|", 1)[1]
        if since and c.get("polarity") == 1 and theme not in ("", "_") and not event_key.startswith("none|"):
            # `a fourni une formation depuis 2014`: what holds since T began at T, so two sources
            # giving different onsets (`depuis 2015`) disagree on a date
            event_key = f"commencer|{theme}"
            event_start, event_end = since[0]["start_date"], since[0]["end_date"]
        rows.append(
            c
            | {
                "event_key": event_key,
                "event_start": event_start,
                "event_end": event_end,
                "statement_date": statement,
                "period_start": period_start,
                "period_end": period_end,
            }
        )
    _inherit_clause_dates(rows)
    schema = dict(claims.schema) | {
        "event_start": pl.Date,
        "event_end": pl.Date,
        "statement_date": pl.Date,
        "period_start": pl.Date,
        "period_end": pl.Date,
    }
    claims_out = pl.DataFrame(rows, schema=schema) if rows else pl.DataFrame(schema=schema)
    dates_out = dates.with_columns(
        pl.col("date_id").replace_strict(date_claim, default=None, return_dtype=pl.String).alias("claim_id")
    )
    return claims_out, dates_out


_ANNOUNCING = frozenset({"annoncer", "confirmer"})
_FUTURE_DAYS = 365  # an undated future claim speaks of the year after its statement


def _dated_by_announcement(claim: dict) -> bool:
    """What is announced or confirmed as a noun (`a annoncé ce dimanche la suspension de ses opérations`)
    or as an action under way (`a annoncé le 5 janvier qu'elle gelait sa campagne`), with no date of
    its own, happens on the announcement's day."""
    return bool(claim.get("nominal_report") or claim.get("concurrent")) and claim.get("reporting_verb") in _ANNOUNCING


# a clause inside the cause or the antecedent of the dated event tells an earlier one (`a lancé des missiles
# dans la nuit du 7 au 8 janvier, en représailles à la mort du général Soleimani, tué dans une frappe
# américaine`: the killing is not of 8 January)
_EARLIER_CAUSE = re.compile(
    r"\b(?:en représailles?|en riposte|pour venger|suite à|à la suite d|après|depuis)\b(?=[^.;:!?]{0,120}$)", re.I
)


def _in_earlier_cause(parent: dict, clause: dict) -> bool:
    """Whether `clause` sits in a cause or antecedent inside `parent`; the parent's own subordinator
    (`après que les États-Unis ont lancé une frappe le 3 janvier, qui a tué le général`) relates the parent to
    its main clause, not the clause to the parent."""
    between = (parent.get("text") or "")[: clause["char_start"] - parent["char_start"]]
    return any(cue.start() > 0 for cue in _EARLIER_CAUSE.finditer(between))


class _SpanContainment:
    """Which owners have a span containing `[start, end]`, in their given order. Spans are sorted by start
    and none is longer than the longest, so only those starting within that length before `start` are read
    (a scan of every dated claim of the article per claim made a long article quadratic)."""

    def __init__(self, owners: list[tuple[dict, list]]) -> None:
        self.owners = [owner for owner, _ in owners]
        self.spans = sorted((a, b, i) for i, (_, spans) in enumerate(owners) for a, b in spans)
        self.starts = [a for a, _, _ in self.spans]
        self.longest = max((b - a for a, b, _ in self.spans), default=0)

    def owners_of(self, start: int, end: int) -> list[dict]:
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_right(self.starts, start)
        found = {i for a, b, i in self.spans[lo:hi] if a <= start and end <= b}
        return [self.owners[i] for i in sorted(found)]


def _inherit_clause_dates(rows: list[dict]) -> None:
    """An event stated in a relative or participial clause without a date of its own happened at the
    time of the clause it hangs on: `une frappe de drone … le 3 janvier, qui a tué le général` puts the
    killing on 3 January. Only a single day is inherited, from the smallest claim whose subordinate
    clauses contain this one. An event told by a noun (`nominal`) inherits nothing: it is a participant of
    its clause, not at its time (`les opérations, interrompues après la mort de X`)."""
    # the claims dated on one day, with their subordinate clauses parsed once, per article
    day_claims: dict[str, list[tuple[dict, list]]] = {}
    for row in rows:
        if row["event_start"] is not None and row["event_start"] == row["event_end"]:
            spans = json.loads(row.get("subordinate_spans") or "[]")
            if spans:
                day_claims.setdefault(row["article_id"], []).append((row, spans))
    containing = {article_id: _SpanContainment(found) for article_id, found in day_claims.items()}
    for row in rows:
        if row["event_start"] is not None or row["quote_kind"] != "narrative" or row["article_id"] not in containing:
            continue
        if row.get("nominal"):
            continue
        parents = [
            other
            for other in containing[row["article_id"]].owners_of(row["char_start"], row["char_end"])
            if not _in_earlier_cause(other, row)
        ]
        if parents:
            parent = min(parents, key=lambda other: other["char_end"] - other["char_start"])
            row["event_start"] = row["event_end"] = parent["event_start"]
            row["period_start"] = row["period_end"] = parent["event_start"]
    _inherit_coordinated_dates(rows)


_COORDINATED_SPAN_DAYS = 7  # a day or a week: `la semaine dernière` dates what follows in the sentence


def _inherit_coordinated_dates(rows: list[dict]) -> None:
    """A clause coordinated after a dated one in the same sentence, by the same voice, tells the same
    episode: `Des missiles ont frappé la base la semaine dernière …, mais des avertissements ont
    retenti et personne n'a été tué ni blessé` puts the (absence of) casualties in that week. Only a
    past or present clause inherits (a future one speaks of later), and only a day or a week; not an event
    told by a noun (`L'Iran a lancé des missiles le 8 janvier en représailles au meurtre de X`)."""
    by_sentence: dict[tuple[str, int], list[dict]] = {}
    for row in rows:
        by_sentence.setdefault((row["article_id"], row.get("sentence_idx")), []).append(row)
    for siblings in by_sentence.values():
        if len(siblings) < 2:
            continue
        for row in siblings:
            if row["event_start"] is not None or row.get("future") or row.get("nominal"):
                continue
            earlier = [
                other
                for other in siblings
                if other["event_start"] is not None
                and other["char_end"] <= row["char_start"]
                and other.get("quote_kind") == row.get("quote_kind")
                and other.get("speaker_text") == row.get("speaker_text")
                and not other.get("future")
                and (other["event_end"] - other["event_start"]).days < _COORDINATED_SPAN_DAYS
            ]
            if earlier:
                parent = max(earlier, key=lambda other: other["char_end"])
                row["event_start"], row["event_end"] = parent["event_start"], parent["event_end"]
                row["period_start"], row["period_end"] = parent["event_start"], parent["event_end"]


_RELATIVE_KINDS = ("weekday", "weekday_day", "rel_day", "rel_period", "ago")
_NARROWING_HORIZON = 60  # days: a relative expression reports an event at most about two months from it


def narrow_across_documents(
    publications: pl.DataFrame, timex: pl.DataFrame, claims: pl.DataFrame, links: pl.DataFrame, rounds: int = 4
) -> pl.DataFrame:
    """Cross-document narrowing of publication intervals.

    An article X linked to Y (`transforms.links`) dates an event E within `[a, b]` (one day, `le 8 janvier`,
    or more, `la semaine dernière` once X's week is known). When Y tells the same event (`_same_event`) and
    dates it with relative expressions R (`la semaine dernière`, `mercredi`, `hier`, `demain`), Y's
    publication day P is a day for which every R, resolved from P, meets `[a, b]`. Y's interval becomes the
    smallest one holding every day of it that satisfies the constraint (so never narrower than the
    evidence: days between two that satisfy it stay in), `published_basis` becomes
    `cross_document`; a constraint that no day of the interval satisfies (another occurrence, a wrong
    match) is ignored. Repeated to a fixed point: each narrowing can resolve more of Y's expressions, which
    date more events for other articles. The expressions themselves are resolved afterwards by
    `resolve_dates`, which gives a value only when both ends of the interval agree on it.

    Args: publications, timex (with `reading`, `tense`), claims (with `event_key`, `arguments`,
    `subordinate_spans`), links (`article_id_a`, `article_id_b`).
    Returns: publications, narrowed.
    """
    if links.is_empty() or claims.is_empty():
        return publications
    linked: dict[str, set[str]] = {}
    for a, b in links.select("article_id_a", "article_id_b").iter_rows():
        linked.setdefault(a, set()).add(b)
        linked.setdefault(b, set()).add(a)
    readings = {r["date_id"]: (json.loads(r["reading"]), r["tense"]) for r in timex.iter_rows(named=True)}
    pubs = {r["article_id"]: dict(r) for r in publications.iter_rows(named=True)}
    for _ in range(rounds):
        frame = pl.DataFrame(list(pubs.values()), schema=PUBLICATION_SCHEMA)
        dates = resolve_dates(timex, frame)
        dated, _ = attach_dates(claims, dates, frame)
        rows = list(dated.iter_rows(named=True))
        # events dated by each article (a day or an interval), and relative expressions still unresolved
        anchors: dict[str, list[dict]] = {}
        for c in rows:
            if c["event_start"] is not None and c["event_end"] is not None:
                anchors.setdefault(c["article_id"], []).append(c)
        unresolved = {c["claim_id"]: relatives for c, relatives in _unresolved_by_claim(dated, dates, readings)}
        changed = False
        for claim in rows:
            pub = pubs.get(claim["article_id"])
            relatives = unresolved.get(claim["claim_id"])
            if pub is None or pub.get("published_on") is not None or not relatives:
                continue
            for article in sorted(linked.get(claim["article_id"], ())):
                for other in anchors.get(article, ()):
                    if not _same_event(claim, other):
                        continue
                    window = _consistent_days(pub, relatives, other["event_start"], other["event_end"])
                    if window and (pub["published_earliest"], pub["published_latest"]) != window:
                        pub["published_earliest"], pub["published_latest"] = window
                        pub["published_on"] = window[0] if window[0] == window[1] else None
                        pub["published_basis"] = "cross_document"
                        changed = True
        if not changed:
            break
    return pl.DataFrame(list(pubs.values()), schema=PUBLICATION_SCHEMA)


def _same_event(a: dict, b: dict) -> bool:
    """Two claims of linked articles tell one event: the same class and the same theme, or the same class
    and a shared participant. A key without a theme (`tuer|_`, `none|_`: no event or no participant
    identified) is no identity: on January 2019 of OrangeSum given only the month, such keys made 6 of the
    8 narrowings that missed the true publication day (of 23)."""
    class_a, _, theme_a = a["event_key"].partition("|")
    class_b, _, theme_b = b["event_key"].partition("|")
    if class_a == "none" or class_a != class_b:
        return False
    if theme_a == theme_b and theme_a not in ("", "_"):
        return True
    return bool(set(a.get("arguments") or []) & set(b.get("arguments") or []))


def _unresolved_by_claim(claims: pl.DataFrame, dates: pl.DataFrame, readings: dict) -> list[tuple[dict, list]]:
    """(claim, [(reading, tense)]) for claims whose own span holds unresolved relative expressions."""
    by_article: dict[str, list[dict]] = {}
    for d in dates.filter(pl.col("start_date").is_null()).iter_rows(named=True):
        reading, tense = readings.get(d["date_id"], ({}, "past"))
        if reading.get("kind") in _RELATIVE_KINDS or (
            reading.get("kind") == "date" and reading.get("year") is None and reading.get("month")
        ):
            by_article.setdefault(d["article_id"], []).append(d | {"reading": reading, "tense": tense})
    result = []
    for c in claims.iter_rows(named=True):
        subordinate = json.loads(c.get("subordinate_spans") or "[]")
        inside = [
            (d["reading"], d["tense"])
            for d in by_article.get(c["article_id"], [])
            if c["char_start"] <= d["char_start"]
            and d["char_end"] <= c["char_end"]
            and not any(a <= d["char_start"] and d["char_end"] <= b for a, b in subordinate)
        ]
        if not inside and _dated_by_announcement(c):
            # the announcement's own date dates what it announces (see `attach_dates`)
            inside = [
                (d["reading"], d["tense"])
                for d in by_article.get(c["article_id"], [])
                if c["attribution_start"] is not None
                and c["attribution_start"] <= d["char_start"]
                and d["char_end"] <= c["attribution_end"]
            ]
        if inside:
            result.append((c, inside))
    return result


def _consistent_days(pub: dict, relatives: list[tuple[dict, str]], start: date, end: date) -> tuple[date, date] | None:
    """The smallest sub-interval of the publication interval holding every day P for which each relative
    expression, resolved from P, meets the event's days `[start, end]` (a future one, `demain`, lies after
    P; a past one before it). None when no day does."""
    horizon = timedelta(days=_NARROWING_HORIZON)
    lo, hi = start - horizon, end + horizon
    if pub.get("published_earliest") is not None:
        lo = max(lo, pub["published_earliest"])
    if pub.get("published_latest") is not None:
        hi = min(hi, pub["published_latest"])
    good = []
    candidate = lo
    while candidate <= hi:
        ok = True
        for reading, tense in relatives:
            resolved = resolve_timex(reading, candidate, TENSE_DIRECTION.get(tense, -1))
            if resolved.start is None or resolved.end is None or resolved.end < start or end < resolved.start:
                ok = False
                break
        if ok:
            good.append(candidate)
        candidate += timedelta(days=1)
    return (good[0], good[-1]) if good else None
