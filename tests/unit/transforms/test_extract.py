import polars as pl

from transforms.extract import _name_beside_dates, _overlapping, extract_batch
from transforms.sentences import sentence_frame


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_overlapping_finds_every_span_that_overlaps_and_no_other():
    spans = [(0, 5), (10, 20), (12, 14), (30, 40)]  # sorted by start; (12, 14) lies inside (10, 20)
    overlapping = _overlapping(spans)
    assert overlapping(15, 16) == [1]
    assert overlapping(13, 31) == [1, 2, 3]
    assert overlapping(5, 10) == []  # touching ends do not overlap
    assert overlapping(0, 100) == [0, 1, 2, 3]


def test_a_name_covered_by_a_date_is_no_actor():
    # `Nouvel An` tagged as an organisation lies inside the date `le Nouvel An`
    text = "Le Nouvel An a été fêté dans le calme."
    assert _name_beside_dates(text, *_span(text, "Nouvel An"), "ORG", [_span(text, "Le Nouvel An")]) is None


def test_a_year_after_a_name_is_a_word_of_the_name_not_a_date():
    # `Miss Univers 2016` names an edition (crowned in January 2017): the name is kept whole, its year is no date
    text = "Iris Mittenaere, Miss Univers 2016, a défilé à Paris."
    name = _span(text, "Miss Univers 2016")
    assert _name_beside_dates(text, *name, "ORG", [_span(text, "2016")]) == (*name, [0])


def test_a_capitalised_date_word_inside_a_person_name_is_the_name():
    # a first name (`Noël Mamère`) or a surname (`Olivier Toussaint`) that is also a feast
    for text, name, feast in [
        ("Noël Mamère a dénoncé la réforme.", "Noël Mamère", "Noël"),
        ("Olivier Toussaint, habitant de l'île, a témoigné.", "Olivier Toussaint", "Toussaint"),
    ]:
        assert _name_beside_dates(text, *_span(text, name), "PER", [_span(text, feast)]) == (*_span(text, name), [0])


def test_a_name_the_recogniser_ran_into_a_date_stops_before_the_date():
    # French writes weekdays and months in lower case: `mardi 21 mars` is a date after the newspaper's name
    text = "L'homme a été interpellé, rapporte Le Progrès mardi 21 mars."
    date = _span(text, "mardi 21 mars")
    assert _name_beside_dates(text, *_span(text, "Le Progrès mardi 21 mars"), "MISC", [date]) == (
        *_span(text, "Progrès"),
        [],
    )
    # what is left must end in a name word: `Santé pour` names nothing
    text = "Le budget Santé pour 2020 a été voté."
    assert _name_beside_dates(text, *_span(text, "Santé pour 2020"), "MISC", [_span(text, "2020")]) is None


def test_a_date_the_name_governs_or_a_headline_in_capitals_is_no_name_word():
    # `les Jeux de 2024`: a date complementing the name; `L'Oeil du 20h`: a title; both stay dropped, as before
    for text, name, date in [
        ("Le comité d'organisation des Jeux de 2024 s'est réuni.", "Jeux de 2024", "de 2024"),
        ("Les journalistes de L'Oeil du 20h ont enquêté.", "Oeil du 20h", "du 20h"),
        # an intertitle in capitals glued to the next sentence: its case says nothing of a name
        ("INSULTES RACISTES ET MENACES DE MORT Samedi soir, deux adolescents", "MENACES DE MORT Samedi", "Samedi soir"),
        ("DIMANCHE VERT À PARIS", "DIMANCHE VERT", "DIMANCHE"),
    ]:
        assert _name_beside_dates(text, *_span(text, name), "MISC", [_span(text, date)]) is None, text


def test_extraction_keeps_names_holding_a_date_word_and_drops_their_dates(nlp):
    text = (
        "Iris Mittenaere, Miss Univers 2016, a défilé jeudi à Paris. "
        "Le Nouvel An a été fêté dans le calme. "
        "L'homme a été interpellé, rapporte Le Progrès mardi 21 mars."
    )
    articles = pl.DataFrame({"article_id": ["a"], "body": [text]})
    out = extract_batch(articles, sentence_frame(articles), nlp)
    mentions = out["mentions"]["surface"].to_list()
    dates = out["timex"]["surface"].to_list()
    assert "Miss Univers 2016" in mentions and "2016" not in dates
    assert "Nouvel An" not in mentions and "Le Nouvel An" in dates
    assert "Progrès" in mentions and "mardi 21 mars" in dates
    assert "jeudi" in dates  # the sentence's own date stays
