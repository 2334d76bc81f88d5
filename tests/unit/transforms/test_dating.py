import json
from datetime import date

import polars as pl

from transforms.dating import infer_publication, resolve_dates
from transforms.extract import TIMEX_SCHEMA


def test_month_header_narrowed_by_past_absolute_dates():
    readings = [({"kind": "date", "year": None, "month": 1, "day": 5}, "past", 30)]
    pub = infer_publication("a", "2020-01", None, readings)
    assert (pub["published_earliest"], pub["published_latest"]) == (date(2020, 1, 5), date(2020, 1, 31))
    assert pub["published_on"] is None  # the evidence does not fix the day
    assert pub["published_basis"] == "header"


def test_lead_weekday_date_fixes_the_year_after_the_years_mentioned():
    # 30 January is a Thursday in 2014 and 2020; "depuis 2014" puts publication after 2014
    readings = [
        ({"kind": "date", "year": 2014, "since": True}, "past", 40),
        ({"kind": "date", "year": None, "month": 1, "day": 30, "weekday": 3}, "past", 0),
    ]
    pub = infer_publication("a", None, None, readings)
    assert pub["published_on"] == date(2020, 1, 30)
    assert pub["published_basis"] == "text"


def test_metadata_day_wins():
    pub = infer_publication("a", "2020-01", "2020-01-16", [])
    assert (pub["published_on"], pub["published_basis"]) == (date(2020, 1, 16), "file_metadata")


def test_relative_dates_resolve_only_when_the_interval_agrees():
    timex = pl.DataFrame(
        {
            "date_id": ["d1", "d2"],
            "article_id": ["a", "a"],
            "sentence_idx": [0, 0],
            "char_start": [0, 10],
            "char_end": [5, 22],
            "surface": ["jeudi", "le 3 janvier"],
            "timex_type": ["DATE", "DATE"],
            "reading": [
                '{"kind": "weekday", "weekday": 3, "direction": 0}',
                '{"kind": "date", "year": null, "month": 1, "day": 3}',
            ],
            "tense": ["past", "past"],
        }
    )
    publications = pl.DataFrame(
        {
            "article_id": ["a"],
            "published_on": [None],
            "published_earliest": [date(2020, 1, 5)],
            "published_latest": [date(2020, 1, 31)],
            "published_basis": ["header"],
        },
        schema_overrides={"published_on": pl.Date},
    )
    dates = resolve_dates(timex, publications).sort("date_id")
    assert dates["value"].to_list() == ["XXXX-WXX-4", "2020-01-03"]
    assert dates["anchor"].to_list() == ["none", "publication"]
    # `le 3 janvier` names its month; `jeudi` is deictic, whatever day it resolves to
    assert dates["calendar"].to_list() == [False, True]


def _resolved(text: str, published_on: date) -> dict[str, tuple[str | None, str]]:
    """`resolve_dates` over one sentence tagged by `tag_timex` (past tense): surface → (value, anchor)."""
    from transforms.timex import tag_timex

    tagged = tag_timex(text)
    timex = pl.DataFrame(
        {
            "date_id": [f"d{i}" for i in range(len(tagged))],
            "article_id": ["a"] * len(tagged),
            "sentence_idx": [0] * len(tagged),
            "char_start": [t.start for t in tagged],
            "char_end": [t.end for t in tagged],
            "surface": [t.surface for t in tagged],
            "timex_type": [t.timex_type for t in tagged],
            "reading": [json.dumps(t.reading) for t in tagged],
            "tense": ["past"] * len(tagged),
        }
    )
    publications = pl.DataFrame(
        {
            "article_id": ["a"],
            "published_on": [published_on],
            "published_earliest": [published_on],
            "published_latest": [published_on],
            "published_basis": ["file_metadata"],
        }
    )
    dates = resolve_dates(timex, publications)
    return {r["surface"]: (r["value"], r["anchor"]) for r in dates.iter_rows(named=True)}


def test_a_clock_time_takes_the_day_written_right_after_it():
    got = _resolved("Il a quitté le domicile vers 1 h 30 dans la nuit du 27 au 28 octobre.", date(2017, 10, 30))
    assert got["vers 1 h 30"] == ("2017-10-27T01:30", "previous")
    # the night named by its two days is one expression, the night of the first day
    assert got["la nuit du 27 au 28 octobre"][0] == "2017-10-27TNI"
    # no day after it in the sentence: the publication day, as before
    assert _resolved("Le drame s'est produit vers 1 h 30.", date(2017, 10, 30))["vers 1 h 30"][0] == "2017-10-30T01:30"


def test_seed_weekdays_resolve_once_the_publication_day_is_known(nlp):
    """Seed 000 only carries ` date 2020-01`: its `jeudi` and `mercredi` stay unresolved. Given the
    day (as a JSON or HTML date field would), the past-tense weekdays take the most recent such day."""
    from tests.conftest import SEEDS
    from transforms.clean import clean_articles
    from transforms.dating import infer_publications
    from transforms.extract import extract_batch
    from transforms.sentences import sentence_frame

    text = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    body = clean_articles(pl.DataFrame({"doc_key": ["000"], "text": [text]}))["body"][0]
    articles = pl.DataFrame({"article_id": ["a"], "body": [body]})
    sentences = sentence_frame(articles)
    timex = extract_batch(articles, sentences, nlp)["timex"]
    values = {}
    for metadata_date in (None, "2020-01-16"):
        meta = pl.DataFrame({"article_id": ["a"], "date_hint": ["2020-01"], "metadata_date": [metadata_date]})
        dates = resolve_dates(timex, infer_publications(meta, timex, sentences))
        values[metadata_date] = dict(zip(dates["surface"], dates["value"], strict=True))
    assert (values[None]["jeudi"], values[None]["mercredi"]) == ("XXXX-WXX-4", "XXXX-WXX-3")
    assert (values["2020-01-16"]["jeudi"], values["2020-01-16"]["mercredi"]) == ("2020-01-16", "2020-01-15")


def _claim_frame(**columns) -> pl.DataFrame:
    """Claims of article `a` for `attach_dates`: given columns, the rest defaulted (narrative, no
    attribution, no subordinate clause)."""
    n = len(columns["claim_id"])
    defaults = {
        "article_id": ["a"] * n,
        "sentence_idx": list(range(n)),
        "attribution_start": [None] * n,
        "attribution_end": [None] * n,
        "quote_kind": ["narrative"] * n,
        "speaker_text": [None] * n,
        "subordinate_spans": ["[]"] * n,
    }
    return pl.DataFrame(
        defaults | columns,
        schema_overrides={"attribution_start": pl.Int64, "attribution_end": pl.Int64, "speaker_text": pl.String},
    )


def _date_frame(spans, surface, start_date, end_date) -> pl.DataFrame:
    """One date per `(char_start, char_end)` of article `a`, all with the same surface and interval."""
    n = len(spans)
    return pl.DataFrame(
        {
            "date_id": [f"d{i + 1}" for i in range(n)],
            "article_id": ["a"] * n,
            "char_start": [a for a, _ in spans],
            "char_end": [b for _, b in spans],
            "surface": [surface] * n,
            "timex_type": ["DATE"] * n,
            "start_date": [start_date] * n,
            "end_date": [end_date] * n,
        },
        schema_overrides={"char_start": pl.Int64, "char_end": pl.Int64, "start_date": pl.Date, "end_date": pl.Date},
    )


def _publication(day):
    return pl.DataFrame(
        {
            "article_id": ["a"],
            "published_on": [day],
            "published_earliest": [day],
            "published_latest": [day],
            "published_basis": ["text"],
        }
    )


def test_what_holds_since_a_date_is_keyed_as_its_start():
    from transforms.dating import attach_dates

    claims = _claim_frame(
        claim_id=["c1", "c2"],
        char_start=[0, 100],
        char_end=[60, 160],
        polarity=[1, -1],
        event_key=["fournir|formation", "fournir|formation"],
    )
    dates = _date_frame([(40, 51), (140, 151)], "depuis 2014", date(2014, 1, 1), date(2014, 12, 31))
    dated, _ = attach_dates(claims, dates, _publication(date(2020, 1, 30)))
    assert dated["event_key"].to_list() == ["commencer|formation", "fournir|formation"]  # not for a negation
    assert dated["event_start"].to_list() == [date(2014, 1, 1)] * 2


def test_a_clause_coordinated_after_a_dated_one_tells_the_same_week():
    from transforms.dating import attach_dates

    # `Des missiles ont frappé la base la semaine dernière, mais personne n'a été blessé. Ils tireront
    # encore.` — the second clause inherits the week; a later sentence does not
    claims = _claim_frame(
        claim_id=["c1", "c2", "c3"],
        sentence_idx=[0, 0, 1],
        char_start=[0, 70, 100],
        char_end=[60, 98, 120],
        polarity=[1, -1, 1],
        future=[False, False, False],
        event_key=["attaquer|base", "blesser|_", "attaquer|base"],
    )
    dates = _date_frame([(37, 59)], "la semaine dernière", date(2020, 1, 6), date(2020, 1, 12))
    dated, _ = attach_dates(claims, dates, _publication(date(2020, 1, 16)))
    assert dated["event_start"].to_list() == [date(2020, 1, 6), date(2020, 1, 6), None]
    assert dated["period_end"].to_list() == [date(2020, 1, 12), date(2020, 1, 12), date(2020, 1, 16)]


def test_an_action_announced_as_under_way_happens_on_the_announcement_day():
    from transforms.dating import attach_dates

    # `Le 5 janvier, la coalition a annoncé qu'elle gelait sa campagne` (c1) / `… qu'elle avait gelé …` (c2)
    claims = _claim_frame(
        claim_id=["c1", "c2"],
        char_start=[50, 150],
        char_end=[80, 180],
        attribution_start=[0, 100],
        attribution_end=[49, 149],
        quote_kind=["indirect", "indirect"],
        reporting_verb=["annoncer", "annoncer"],
        concurrent=[True, False],
        polarity=[1, 1],
        event_key=["suspendre|operation"] * 2,
    )
    dates = _date_frame([(0, 12), (100, 112)], "Le 5 janvier", date(2020, 1, 5), date(2020, 1, 5))
    dated, _ = attach_dates(claims, dates, _publication(date(2020, 1, 30)))
    assert dated["event_start"].to_list() == [date(2020, 1, 5), None]
    assert dated["statement_date"].to_list() == [date(2020, 1, 5)] * 2


def _two_undated_claims(published: date, event_key: str, quote_kind: str, polarity: list[int], **flags) -> pl.DataFrame:
    """`attach_dates` on two claims of one event with no date in them, in an article published on
    `published`; `flags`: the claims' extraction flags (`future`, `timed_by_event`…)."""
    from transforms.dating import attach_dates

    claims = _claim_frame(
        claim_id=["c1", "c2"],
        char_start=[0, 50],
        char_end=[40, 90],
        quote_kind=[quote_kind] * 2,
        polarity=polarity,
        event_key=[event_key] * 2,
        **flags,
    )
    dated, _ = attach_dates(claims, _date_frame([], "", None, None), _publication(published))
    return dated


def test_an_undated_future_claim_speaks_of_after_its_statement():
    # `des chauffeurs travaillent pour nous` / `ne travaillera plus`
    dated = _two_undated_claims(date(2019, 7, 10), "travailler|chauffeur", "indirect", [1, -1], future=[False, True])
    assert dated["period_start"].to_list() == [date(2019, 7, 10), date(2019, 7, 11)]
    assert dated["period_end"].to_list()[1] > date(2019, 7, 11)


def test_a_claim_timed_by_another_event_has_an_unknown_period():
    # `n'a participé à aucune réunion durant sa période de suspension` / `n'a participé à aucune réunion`
    dated = _two_undated_claims(
        date(2018, 7, 24), "participer|reunion", "direct", [-1, -1], timed_by_event=[True, False]
    )
    assert dated["period_start"].to_list() == [None, date(2018, 7, 24)]
    assert dated["statement_date"].to_list() == [date(2018, 7, 24)] * 2  # (said that day all the same)


def test_a_clause_inherits_the_day_of_its_clause_but_not_through_a_cause():
    from transforms.dating import attach_dates

    # (the parent's own subordinator, `après que`, relates it to its main clause, not to the relative clause)
    first = "Après que les États-Unis ont lancé une frappe le 3 janvier, qui a tué le général."
    second = "Des missiles ont été lancés le 8 janvier, en représailles à la mort du général, tué dans une frappe."
    body = first + " " + second
    at = len(first) + 1
    claims = _claim_frame(
        claim_id=["c1", "c2", "c3", "c4"],
        sentence_idx=[0, 0, 1, 1],
        char_start=[0, first.index("qui"), at, at + second.index("tué")],
        char_end=[len(first) - 1, len(first) - 1, len(body) - 1, len(body) - 1],
        polarity=[1, 1, 1, 1],
        future=[False] * 4,
        event_key=["attaquer|frappe", "tuer|general", "attaquer|missile", "tuer|general"],
        text=[first[:-1], first[first.index("qui") : -1], second[:-1], second[second.index("tué") : -1]],
        subordinate_spans=[
            f"[[{first.index('qui')}, {len(first) - 1}]]",
            "[]",
            f"[[{at + second.index('tué')}, {len(body) - 1}]]",
            "[]",
        ],
    )
    dates = pl.concat(
        [
            _date_frame(
                [(first.index("le 3"), first.index("le 3") + 11)], "le 3 janvier", date(2020, 1, 3), date(2020, 1, 3)
            ),
            _date_frame(
                [(at + second.index("le 8"), at + second.index("le 8") + 11)],
                "le 8 janvier",
                date(2020, 1, 8),
                date(2020, 1, 8),
            ).with_columns(pl.lit("d2").alias("date_id")),
        ]
    )
    dated, _ = attach_dates(claims, dates, _publication(date(2020, 1, 16)))
    # the strike's victim died that day; the general killed before the reprisal did not die on the 8th
    assert dated["event_start"].to_list() == [date(2020, 1, 3), date(2020, 1, 3), date(2020, 1, 8), None]


def test_a_day_counted_from_another_counts_from_the_last_day_named():
    got = _resolved("Il a été arrêté le 3 mai et relâché le lendemain.", date(2002, 5, 23))
    assert got["le lendemain"] == ("2002-05-04", "previous")
    got = _resolved("Le vol a eu lieu le 10 mai ; la veille, des voisins avaient vu un homme.", date(2002, 5, 23))
    assert got["la veille"] == ("2002-05-09", "previous")
    # no day named before it: counted from the publication day
    assert _resolved("Il était arrivé la veille.", date(2002, 5, 23))["la veille"] == ("2002-05-22", "publication")


def test_a_clock_time_takes_the_nearer_of_the_days_around_it():
    got = _resolved(
        "Messes : samedi 4 janvier, à 18 h 30 : messe à Lure ; dimanche 5 janvier, à 9 h 15.", date(2003, 1, 4)
    )
    assert got["à 18 h 30"][0] == "2003-01-04T18:30"  # the day just before, not the one after
    assert got["à 9 h 15"][0] == "2003-01-05T09:15"


# --- cross-document narrowing, on a small built corpus where the right intervals are known -----------------
# March 2023: Monday 13 to Sunday 19 is ISO week 11, Monday 20 to Sunday 26 week 12.

_WEEKDAY = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}


def _reading(surface: str) -> dict:
    if surface in _WEEKDAY:
        return {"kind": "weekday", "weekday": _WEEKDAY[surface], "direction": 0}
    if surface == "la semaine dernière":
        return {"kind": "rel_period", "unit": "W", "offset": -1}
    if surface in ("hier", "demain"):
        return {"kind": "rel_day", "offset": -1 if surface == "hier" else 1}
    day, month = surface.removeprefix("le ").split()
    return {"kind": "date", "year": None, "month": {"mars": 3}[month], "day": int(day)}


def _corpus(publications: dict, sentences: list[tuple], links: list[tuple[str, str]]):
    """Frames for `narrow_across_documents` and `resolve_dates`. `publications`: article → (earliest,
    latest, basis); `sentences`: (article, text, event key, tense, claim columns) where the text holds at
    most one temporal expression between brackets (`La ville a été secouée [hier].`)."""
    pubs = pl.DataFrame(
        [
            {
                "article_id": a,
                "published_on": lo if lo == hi else None,
                "published_earliest": lo,
                "published_latest": hi,
                "published_basis": basis,
            }
            for a, (lo, hi, basis) in publications.items()
        ],
        schema={
            "article_id": pl.String,
            "published_on": pl.Date,
            "published_earliest": pl.Date,
            "published_latest": pl.Date,
            "published_basis": pl.String,
        },
    )
    timex, claims = [], []
    for k, (article, text, event_key, tense, *extra) in enumerate(sentences):
        start = 1000 * k  # one sentence (and one claim) per thousand characters
        plain = text.replace("[", "").replace("]", "")
        if "[" in text:
            surface = text[text.index("[") + 1 : text.index("]")]
            timex.append(
                {
                    "date_id": f"t{k}",
                    "article_id": article,
                    "sentence_idx": k,
                    "char_start": start + text.index("["),
                    "char_end": start + text.index("[") + len(surface),
                    "surface": surface,
                    "timex_type": "DATE",
                    "reading": json.dumps(_reading(surface)),
                    "tense": tense,
                }
            )
        claims.append(
            {
                "claim_id": f"c{k}",
                "article_id": article,
                "sentence_idx": k,
                "char_start": start,
                "char_end": start + len(plain),
                "text": plain,
                "event_key": event_key,
                "arguments": [event_key.split("|")[1]],
                "subordinate_spans": "[]",
                "attribution_start": None,
                "attribution_end": None,
                "quote_kind": "narrative",
                "speaker_text": None,
                "polarity": 1,
                "hedged": False,
                "future": tense == "future",
                "quantity": None,
            }
            | (extra[0] if extra else {})
        )
    timex_frame = pl.DataFrame(timex, schema=TIMEX_SCHEMA)
    claim_frame = pl.DataFrame(
        claims,
        schema_overrides={
            "attribution_start": pl.Int32,
            "attribution_end": pl.Int32,
            "speaker_text": pl.String,
            "quantity": pl.Float64,
        },
    )
    link_frame = pl.DataFrame(
        {"article_id_a": [min(a, b) for a, b in links], "article_id_b": [max(a, b) for a, b in links]},
        schema={"article_id_a": pl.String, "article_id_b": pl.String},
    )
    return pubs, timex_frame, claim_frame, link_frame


MARCH = (date(2023, 3, 1), date(2023, 3, 31), "header")  # a ` date 2023-03` header: a month, not a day


def _narrowed(publications: dict, sentences: list[tuple], links: list[tuple[str, str]]):
    from transforms.dating import narrow_across_documents

    pubs, timex, claims, link_frame = _corpus(publications, sentences, links)
    narrowed = narrow_across_documents(pubs, timex, claims, link_frame)
    dates = resolve_dates(timex, narrowed)
    intervals = {
        r["article_id"]: (r["published_earliest"], r["published_latest"], r["published_basis"])
        for r in narrowed.iter_rows(named=True)
    }
    values = {(r["article_id"], r["surface"]): r["value"] for r in dates.iter_rows(named=True)}
    return intervals, values


def test_an_event_another_article_dates_fixes_the_week_but_not_a_weekday_it_leaves_open():
    # x dates the quake on Tuesday 14 March; y, under a month header, says it shook the town
    # `la semaine dernière`: y was written in week 12, whatever its day, so its `mercredi` (15 or 22 March)
    # stays unresolved, as the evidence leaves it
    intervals, values = _narrowed(
        {"x": (date(2023, 3, 20), date(2023, 3, 20), "file_metadata"), "y": MARCH},
        [
            ("x", "La ville a été secouée [le 14 mars].", "secouer|ville", "past"),
            ("y", "La ville a été secouée [la semaine dernière].", "secouer|ville", "past"),
            ("y", "Le maire s'est exprimé [mercredi].", "exprimer|maire", "past"),
        ],
        [("x", "y")],
    )
    assert intervals["y"] == (date(2023, 3, 20), date(2023, 3, 26), "cross_document")
    assert values[("y", "la semaine dernière")] == "2023-W11"
    assert values[("y", "mercredi")] == "XXXX-WXX-3"
    assert intervals["x"][2] == "file_metadata"


def test_hier_fixes_the_publication_day_and_so_every_weekday():
    intervals, values = _narrowed(
        {"x": (date(2023, 3, 20), date(2023, 3, 20), "file_metadata"), "z": MARCH},
        [
            ("x", "La ville a été secouée [le 14 mars].", "secouer|ville", "past"),
            ("z", "La ville a été secouée [hier].", "secouer|ville", "past"),
            ("z", "Le maire s'est exprimé [lundi].", "exprimer|maire", "past"),
        ],
        [("x", "z")],
    )
    assert intervals["z"] == (date(2023, 3, 15), date(2023, 3, 15), "cross_document")
    assert values[("z", "lundi")] == "2023-03-13"


def test_an_interval_dated_by_one_article_narrows_another_in_turn():
    # y's `la semaine dernière` is week 11 once x narrows y; w, linked to y only, says the quake was on
    # `mardi`: w was written between Tuesday 14 and Monday 20 March, so its `mardi` is the 14th and its
    # `jeudi` (9 or 16 March) stays open
    intervals, values = _narrowed(
        {"x": (date(2023, 3, 20), date(2023, 3, 20), "file_metadata"), "y": MARCH, "w": MARCH},
        [
            ("x", "La ville a été secouée [le 14 mars].", "secouer|ville", "past"),
            ("y", "La ville a été secouée [la semaine dernière].", "secouer|ville", "past"),
            ("w", "La ville a été secouée [mardi].", "secouer|ville", "past"),
            ("w", "Les secours sont arrivés [jeudi].", "arriver|secours", "past"),
        ],
        [("x", "y"), ("y", "w")],
    )
    assert intervals["w"] == (date(2023, 3, 14), date(2023, 3, 20), "cross_document")
    assert values[("w", "mardi")] == "2023-03-14"
    assert values[("w", "jeudi")] == "XXXX-WXX-4"


def test_a_future_relative_day_puts_publication_before_the_event():
    # x: the summit opens on 22 March; v: `Le sommet s'ouvrira demain`: v was written on the 21st
    intervals, values = _narrowed(
        {"x": (date(2023, 3, 20), date(2023, 3, 20), "file_metadata"), "v": MARCH},
        [
            ("x", "Le sommet s'ouvrira [le 22 mars].", "ouvrir|sommet", "future"),
            ("v", "Le sommet s'ouvrira [demain].", "ouvrir|sommet", "future"),
            ("v", "Les délégations sont arrivées [dimanche].", "arriver|delegation", "past"),
        ],
        [("x", "v")],
    )
    assert intervals["v"] == (date(2023, 3, 21), date(2023, 3, 21), "cross_document")
    assert values[("v", "dimanche")] == "2023-03-19"


def test_evidence_that_fits_no_day_of_the_interval_is_ignored():
    # x dates the quake on 14 March, but y, published in February, says `hier`: another quake, or a
    # wrong match; y keeps its interval and its weekday stays unresolved
    february = (date(2023, 2, 1), date(2023, 2, 28), "header")
    intervals, values = _narrowed(
        {"x": (date(2023, 3, 20), date(2023, 3, 20), "file_metadata"), "y": february},
        [
            ("x", "La ville a été secouée [le 14 mars].", "secouer|ville", "past"),
            ("y", "La ville a été secouée [hier].", "secouer|ville", "past"),
            ("y", "Le maire s'est exprimé [mercredi].", "exprimer|maire", "past"),
        ],
        [("x", "y")],
    )
    assert intervals["y"] == february
    assert values[("y", "mercredi")] == "XXXX-WXX-3"


def test_a_key_without_a_theme_identifies_no_event():
    # `des violences ont éclaté le 14 mars` / `ont éclaté hier`: keys with no participant (`eclater|_`), or
    # no event class (`none|_`), are no identity; a shared participant is (`secouer|_` and the town)
    for key, arguments, narrowed in (
        ("eclater|_", [], False),
        ("none|_", ["ville"], False),
        ("secouer|_", ["ville"], True),
    ):
        intervals, _ = _narrowed(
            {"x": (date(2023, 3, 20), date(2023, 3, 20), "file_metadata"), "y": MARCH},
            [
                ("x", "Les violences ont éclaté [le 14 mars].", key, "past", {"arguments": arguments}),
                ("y", "Les violences ont éclaté [hier].", key, "past", {"arguments": arguments}),
            ],
            [("x", "y")],
        )
        assert (intervals["y"] != MARCH) is narrowed, key
        if narrowed:
            assert intervals["y"] == (date(2023, 3, 15), date(2023, 3, 15), "cross_document")


def test_after_a_night_named_by_its_two_days_the_next_day_is_the_one_named_last():
    got = _resolved(
        "Dans la nuit de samedi à dimanche, un incendie s'est déclaré ; les pompiers sont arrivés vers 3 h 10.",
        date(2019, 8, 19),  # a Monday
    )
    assert got["la nuit de samedi à dimanche"][0] == "2019-08-17TNI"  # the night of Saturday
    assert got["vers 3 h 10"][0] == "2019-08-18T03:10"  # told after it: Sunday


def _pipeline_dates(nlp, text: str, published_on: date) -> dict[str, str | None]:
    """surface → value, as the pipeline extracts and resolves the dates of `text` published on that day."""
    from transforms.extract import extract_batch
    from transforms.sentences import sentence_frame

    articles = pl.DataFrame({"article_id": ["a"], "body": [text]})
    timex = extract_batch(articles, sentence_frame(articles), nlp)["timex"]
    dates = resolve_dates(timex, _publication(published_on))
    return dict(zip(dates["surface"], dates["value"], strict=True))


def test_a_date_without_its_year_is_the_one_its_clause_and_cue_point_to(nlp):
    # told on 15 December in the past tense, a Christmas a few days off is the coming one
    got = _pipeline_dates(nlp, "Le magasin a fermé ses portes à quelques jours de Noël.", date(2019, 12, 15))
    assert got["Noël"] == "2019-12-25"
    # a month complementing a noun is the visit's, not the future verb's: the February before the March article
    text = "L'engagement pris lors de sa visite dans l'île début février se fera par un article spécifique."
    assert _pipeline_dates(nlp, text, date(2018, 3, 14))["début février"] == "2018-02"
    # a January article: a Christmas in the past tense is the last one, in the future tense the next one
    got = _pipeline_dates(nlp, "Les magasins ont été pris d'assaut à Noël.", date(2020, 1, 8))
    assert got["à Noël"] == "2019-12-25"
    assert _pipeline_dates(nlp, "Il passera Noël en famille.", date(2020, 1, 8))["Noël"] == "2020-12-25"
