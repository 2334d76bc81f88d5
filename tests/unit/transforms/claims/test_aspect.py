"""Tense and aspect of a claim's event (`transforms.claims.aspect`)."""


def test_an_announced_action_under_way_is_concurrent_with_its_report(claims_of):
    (now,) = claims_of("La coalition a annoncé qu'elle gelait sa campagne.")
    (before,) = claims_of("La coalition a annoncé qu'elle avait gelé sa campagne.")
    (later,) = claims_of("La coalition a annoncé qu'elle gèlerait sa campagne.")
    assert (now.concurrent, before.concurrent, later.concurrent) == (True, False, False)


def test_a_date_of_a_noun_does_not_date_the_event(claims_of):
    (shot,) = claims_of("L'auteur présumé de l'attentat de mardi a été abattu par les forces de l'ordre.")
    text = "L'auteur présumé de l'attentat de mardi a été abattu par les forces de l'ordre."
    at = text.index("mardi")
    assert any(a <= at < b for a, b in shot.subordinate)  # `de mardi` dates the attack
    (launched,) = claims_of("L'Iran a lancé 11 missiles le 8 janvier.")
    assert launched.subordinate == []


def test_the_simple_imperfect_is_a_past_state_outside_reported_speech(claims_of):
    (state,) = claims_of('"Aucun bateau ne venait chez nous", raconte un touriste.')
    assert state.imperfect is True and state.polarity == -1
    (event,) = claims_of('"Un bateau est venu mardi", raconte un touriste.')
    assert event.imperfect is False
    (earlier,) = claims_of("Le ministre avait quitté la réunion.")
    assert earlier.imperfect is False  # a pluperfect: a completed event
    (reported,) = claims_of("Le ministre a affirmé que les négociations avançaient.")
    assert reported.imperfect is False  # the present of the report


def test_a_time_named_by_another_event_is_no_date(claims_of):
    (suspension,) = claims_of("Alexandre Benalla n'a participé à aucune réunion durant sa période de suspension.")
    (attack,) = claims_of("Le soldat a été blessé lors de l'attaque du camp.")
    (visit,) = claims_of("Il a travaillé au cours de la visite du ministre.")
    assert suspension.timed_by_event and attack.timed_by_event and visit.timed_by_event
    (days,) = claims_of("Il a travaillé pendant trois jours.")  # a duration: a date, not an event
    (meanwhile,) = claims_of("Pendant ce temps-là, les policiers ne patrouillent pas sur leur secteur.")
    (night,) = claims_of("Le soldat a été blessé durant la nuit.")
    assert not meanwhile.timed_by_event and not night.timed_by_event  # a time, not an event
    (plain,) = claims_of("Les opérations communes n'ont pas repris.")
    assert not days.timed_by_event and not plain.timed_by_event
