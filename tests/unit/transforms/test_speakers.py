"""Speakers resolved from the article's mentions when the speaker phrase holds none."""

from transforms.speakers import _from_context, _head_end

TYPES = {"mark-esper": "PER", "coalition": "ORG", "qassem-soleimani": "PER", "latifa": "PER"}


def _m(actor_id, surface, start):
    return {"actor_id": actor_id, "surface": surface, "char_start": start, "char_end": start + len(surface)}


def test_surname_and_title_find_the_person_named_before():
    mentions = [_m("mark-esper", "Mark Esper", 10)]
    assert _from_context("Esper", mentions, 200, TYPES, "") == "mark-esper"
    assert _from_context("M. Esper", mentions, 200, TYPES, "") == "mark-esper"
    assert _from_context("Milley", mentions, 200, TYPES, "") is None


def test_description_finds_the_organisation_with_that_noun():
    mentions = [_m("coalition", "coalition internationale anti-Daesh", 300)]
    # named only after the speaker phrase: the first mention after is taken
    assert _from_context("La coalition", mentions, 0, TYPES, "") == "coalition"
    assert _from_context("Le ministère", mentions, 0, TYPES, "") is None


def test_pronoun_prefers_a_person_who_is_not_a_modifier():
    body = "Latifa a reçu des menaces après la mort de Qassem Soleimani, a-t-elle dit."
    mentions = [_m("latifa", "Latifa", 0), _m("qassem-soleimani", "Qassem Soleimani", body.index("Qassem"))]
    assert _from_context("elle", mentions, len(body) - 5, TYPES, body) == "latifa"
    assert _from_context("ils", mentions, len(body) - 5, TYPES, body) is None


def test_speaker_phrase_stops_before_a_time_or_place_adjunct():
    body = "a annoncé le Premier ministre lors de la convention du parti (REM) à Paris"
    start = body.index("le Premier")
    assert body[start : _head_end(body, start, len(body))] == "le Premier ministre"
