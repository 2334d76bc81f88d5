from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.timex import resolve_timex, tag_timex

THURSDAY = date(2020, 1, 16)  # a Thursday


def _one(text, anchor=THURSDAY, direction=-1):
    tagged = tag_timex(text)
    assert len(tagged) == 1, tagged
    t = tagged[0]
    return t, resolve_timex(t.reading, anchor, direction)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Il a démenti jeudi.", "jeudi", "2020-01-16"),  # same day: the most recent Thursday
        ("Ils avaient repris mercredi.", "mercredi", "2020-01-15"),
        ("Il viendra dimanche prochain.", "dimanche prochain", "2020-01-19"),
        ("Le vote a eu lieu samedi dernier.", "samedi dernier", "2020-01-11"),
        ("tué le 3 janvier dans une frappe", "le 3 janvier", "2020-01-03"),
        ("bombardé le 27 décembre", "le 27 décembre", "2019-12-27"),  # past tense: the previous December
        ("signé le 3 janvier 2020 à Paris", "le 3 janvier 2020", "2020-01-03"),
        ("publié le 03/01/2020", "03/01/2020", "2020-01-03"),
        ("en janvier 2020", "en janvier 2020", "2020-01"),
        ("la semaine dernière", "la semaine dernière", "2020-W02"),
        ("le mois dernier", "le mois dernier", "2019-12"),
        ("hier", "hier", "2020-01-15"),
        ("avant-hier", "avant-hier", "2020-01-14"),
        ("aujourd'hui", "aujourd'hui", "2020-01-16"),
        ("demain", "demain", "2020-01-17"),
    ],
)
def test_dates_against_the_publication_day(text, surface, value):
    tagged, resolved = _one(text)
    assert tagged.surface == surface
    assert resolved.value == value


def test_part_of_month():
    tagged, resolved = _one("Depuis fin octobre, des roquettes ont été tirées.")
    assert (resolved.value, resolved.modifier) == ("2019-10", "END")
    assert resolved.start == date(2019, 10, 22) and resolved.end == date(2019, 10, 31)


def test_evening_of_a_weekday():
    _, resolved = _one("jusqu'à dimanche soir", anchor=date(2020, 1, 5))
    assert resolved.value == "2020-01-05TEV"


def test_durations_with_comparators_and_number_words():
    tagged, resolved = _one("depuis plus de deux mois")
    assert (tagged.timex_type, resolved.value, resolved.modifier) == ("DURATION", "P2M", "MORE_THAN")
    _, resolved = _one("une pause de trois semaines")
    assert resolved.value == "P3W"


def test_year_after_depuis_and_holiday():
    _, resolved = _one("qui intervient depuis 2014 en Irak")
    assert resolved.value == "2014" and resolved.anchor == "absolute"
    _, resolved = _one("Au cours du Nouvel An, des miliciens ont attaqué")
    assert resolved.value == "2020-01-01"


def test_vague_references_and_sets():
    assert _one("Il a récemment annoncé")[1].value == "PAST_REF"
    assert _one("Elle est désormais dédiée")[1].value == "PRESENT_REF"
    assert _one("Il partira bientôt")[1].value == "FUTURE_REF"
    tagged, resolved = _one("Il manifeste chaque jeudi")
    assert (tagged.timex_type, resolved.value) == ("SET", "XXXX-WXX-4")


def test_counts_are_not_years():
    assert tag_timex("le déploiement de 2000 soldats") == []
    assert tag_timex("5000 soldats et 13 attaques à 1000 mètres") == []


def test_unresolved_without_anchor():
    _, resolved = _one("jeudi", anchor=None)
    assert (resolved.value, resolved.start, resolved.anchor) == ("XXXX-WXX-4", None, "none")


@given(st.text(max_size=500))
def test_never_raises_and_spans_inside(text):
    for t in tag_timex(text):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.surface
        resolve_timex(t.reading, THURSDAY)
        resolve_timex(t.reading, None)


@given(
    st.integers(min_value=0, max_value=10**12),
    st.sampled_from(["il y a {} ans", "il y a {} mois", "il y a {} jours", "dans {} ans", "en l'an {}"]),
    st.dates(),
    st.sampled_from([-1, 0, 1]),
)
def test_times_outside_the_calendar_do_not_raise(n, pattern, anchor, direction):
    for t in tag_timex(pattern.format(f"{n:,}".replace(",", "."))):
        resolve_timex(t.reading, anchor, direction)


def test_a_time_before_the_calendar_is_a_vague_past():
    _, resolved = _one("Il y a 55.000 ans, l'homme de Néandertal vivait ici.")
    assert (resolved.value, resolved.start) == ("PAST_REF", None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Les faits se sont produits hier vers 21 h 45.", "2020-01-15T21:45"),  # a clock time after `hier`
        ("L'accident a eu lieu à midi.", "2020-01-16T12:00"),
        ("105 personnes avaient été interpellées à 16 heures.", "2020-01-16T16:00"),  # not a duration
    ],
)
def test_clock_times_take_the_day_in_context(text, value):
    import json

    import polars as pl

    from transforms.dating import resolve_dates

    tagged = tag_timex(text)
    timex = pl.DataFrame(
        [
            {
                "date_id": str(i),
                "article_id": "a",
                "sentence_idx": 0,
                "char_start": t.start,
                "char_end": t.end,
                "surface": t.surface,
                "timex_type": t.timex_type,
                "reading": json.dumps(t.reading),
                "tense": "past",
            }
            for i, t in enumerate(tagged)
        ]
    )
    publications = pl.DataFrame(
        {
            "article_id": ["a"],
            "published_on": [THURSDAY],
            "published_earliest": [THURSDAY],
            "published_latest": [THURSDAY],
            "published_basis": ["header"],
        }
    )
    assert resolve_dates(timex, publications)["value"].to_list()[-1] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("en octobre 98", "1998-10"),
        ("le 10 novembre 93", "1993-11-10"),
        ("en juin prochain", "2020-06"),
        ("septembre dernier", "2019-09"),
        ("ces derniers jours", "PXD"),
        ("une course de 30,4 secondes", "PT30.4S"),
        ("cet été", "2020-SU"),
    ],
)
def test_more_families(text, value):
    assert _one(text)[1].value == value


def test_ages_are_not_durations():
    assert tag_timex("un homme de 38 ans a été interpellé") == []
    assert tag_timex("Jean Dupont (54 ans) a démissionné") == []


def test_a_date_takes_the_tense_of_its_own_clause(nlp):
    from transforms.extract import timex_tense

    text = "Macron se rendra vendredi à Strasbourg pour saluer les policiers qui ont abattu jeudi soir le tireur."
    doc = nlp(text)
    at = text.index("jeudi soir")
    assert timex_tense(doc, at, at + len("jeudi soir"), (0, len(text))) == "past"
    at = text.index("vendredi")
    assert timex_tense(doc, at, at + len("vendredi"), (0, len(text))) == "future"


def test_aller_with_an_infinitive_is_a_future(nlp):
    from transforms.extract import sentence_tense

    assert sentence_tense(nlp("Le ministre va se rendre lundi à Paris.")) == "future"
    assert sentence_tense(nlp("Le ministre va à Paris lundi.")) == "present"  # a journey, not a tense


def _tense_of(nlp, text: str, surface: str) -> str:
    from transforms.extract import timex_tense

    doc = nlp(text)
    t = next(t for t in tag_timex(text) if t.surface == surface)
    return timex_tense(doc, t.start, t.end, (0, len(text)), names_day=True)


@pytest.mark.parametrize(
    ("text", "surface", "tense"),
    [
        ("Le président est attendu le 4 avril en Corse.", "le 4 avril", "present"),  # passive present
        ("Les audiences sont prévues le 26 mars.", "le 26 mars", "present"),
        ("Il sera jugé le 2 mars.", "le 2 mars", "future"),
        ("Il a été condamné le 2 mars.", "le 2 mars", "past"),
        ("Elle est décédée le 2 mars.", "le 2 mars", "past"),  # `être` is the auxiliary of décéder's past
        ("Elle s'est rendue le 2 mars à Lyon.", "le 2 mars", "past"),
    ],
)
def test_a_present_passive_is_no_past(nlp, text, surface, tense):
    assert _tense_of(nlp, text, surface) == tense


def test_a_day_complementing_a_noun_takes_no_tense_from_the_verb(nlp):
    text = "Le parti a dévoilé sa liste pour les élections européennes du 26 mai."
    assert _tense_of(nlp, text, "du 26 mai") == "present"
    assert _tense_of(nlp, "Il a été interpellé le 2 mai à Paris.", "le 2 mai") == "past"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Le pont est fermé depuis le 2 mars.", "2019-03-02"),  # a state begun in the past
        ("Ils sont en grève depuis mars.", "2019-03"),
        ("Un nom sera choisi d'ici au 4 avril.", "2020-04-04"),  # ahead, whatever the tense
        ("D'ici le 4 avril, tout aura changé.", "2020-04-04"),
    ],
)
def test_depuis_and_d_ici_say_which_side_of_the_reference_a_date_lies(text, value):
    assert _one(text, anchor=date(2020, 1, 10), direction=0)[1].value == value


def test_a_month_named_with_le_mois_de_keeps_its_year():
    t, r = _one("une baisse continue depuis le mois d'avril 2018.", anchor=date(2019, 1, 20), direction=0)
    assert (t.surface, r.value) == ("le mois d'avril 2018", "2018-04")


@pytest.mark.parametrize(
    ("text", "surface", "year"),
    [
        ("Météo France a placé jeudi 1er mars 24 départements en alerte.", "jeudi 1er mars", None),
        ("Il a été inauguré en mars 12 000 emplois plus tard.", "en mars", None),
        ("Il a été élu le 10 novembre 93 à Paris.", "le 10 novembre 93", 1993),
        ("C'était en octobre 98, il pleuvait.", "en octobre 98", 1998),
    ],
)
def test_two_digits_after_a_month_are_a_year_unless_they_count_something(text, surface, year):
    (t,) = [t for t in tag_timex(text) if "mars" in t.surface or "novembre" in t.surface or "octobre" in t.surface]
    assert (t.surface, t.reading.get("year")) == (surface, year)
