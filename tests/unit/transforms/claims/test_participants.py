"""The participants of a claim's event: its agent, theme and occurrence (`transforms.claims.participants`)."""

import pytest


def test_a_passive_agent_scopes_the_event_and_a_conjunct_with_its_own_auxiliary_its_negation(claims_of):
    (by_projectile,) = claims_of("Selon la police, personne n'a été blessé par un projectile.")
    assert (by_projectile.event_key, by_projectile.agent) == ("blesser|_", "projectile")
    claims = claims_of("Les vacances ont débuté vendredi et certains automobilistes n'ont pas attendu.")
    began = next(c for c in claims if c.event_key.startswith("commencer|"))
    assert began.polarity == 1  # the drivers' `n'ont pas attendu` does not negate the holidays


def test_a_participle_adjunct_takes_its_clause_subject_as_agent(claims_of):
    claims = claims_of("Un homme a lancé sa voiture contre la foule, tuant deux personnes.")
    killed = next(c for c in claims if c.event_key == "tuer|personne")
    assert killed.agent == "homme"  # not the same killing as one naming no agent, by count


def test_an_anaphoric_subject_is_an_unresolved_agent(claims_of):
    (claim,) = claims_of("Aucun n'a porté plainte.")
    assert claim.agent == "?"


def test_another_occurrence_is_flagged_and_increments_are_no_totals(claims_of):
    (campaign,) = claims_of("La nouvelle campagne du ministère de la Santé débutera dimanche.")
    assert campaign.new_instance is True
    (more,) = claims_of("Quelques heures plus tard, deux nouvelles explosions sont survenues.")
    assert more.quantity is None  # an increment, not how many explosions there were
    (total,) = claims_of("Six explosions sont survenues dimanche.")
    assert (total.quantity, total.new_instance) == (6, False)


def test_the_agent_of_a_relative_clause_is_its_antecedent(claims_of, only):
    claims = claims_of("Les insultes visaient Alain Finkielkraut, qui a décidé de ne pas porter plainte.")
    decided = only(claims, lambda c: c.event_key == "porter|plainte")
    assert (decided.polarity, decided.agent) == (-1, "fnklkrt")
    text = "Ni aucun de ceux qui ont insulté le philosophe, qui a décidé de ne pas porter plainte, n'a été interpellé."
    decided = only(claims_of(text), lambda c: c.event_key == "porter|plainte")
    assert decided.agent == "philosophe"  # (the parser hangs the clause on `aucun`)
    claims = claims_of("Une frappe de drone, qui a tué le général, a été ordonnée.")
    assert only(claims, lambda c: c.event_key == "tuer|general").agent == "frappe"


@pytest.mark.parametrize(
    ("text", "event", "agent"),
    [
        # the date is an adjunct of the verb: the relative is about the verb's object, not the date
        ("L'armée a mené un raid dans la nuit de mardi, qui a tué deux combattants.", "tuer|", "raid"),
        ("Les rebelles ont lancé une attaque le 2 mai, qui a blessé trois soldats.", "blesser|", "attaque"),
        ("Le gouvernement a présenté une réforme en septembre, qui a suspendu les retraites.", "suspendre|", "réforme"),
        # the date complements a noun: that noun
        ("La frappe du 12 mars, qui a tué trois civils, a été condamnée.", "tuer|", "frappe"),
        # nothing but the date before it: no agent rather than the date
        ("C'était le 14 juillet, qui a tué trois personnes.", "tuer|", None),
    ],
)
def test_a_date_is_not_the_antecedent_of_a_relative_subject(claims_of, only, text, event, agent):
    claim = only(claims_of(text), lambda c: c.event_key.startswith(event))
    assert claim.agent == agent


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Le ministère a annoncé une grève le 3 mars, qui a été suspendue.", "suspendre|greve"),
        ("L'armée a lancé une opération lundi, qui a repris mardi.", "reprendre|operation"),
    ],
)
def test_a_date_is_not_the_theme_of_a_relative_subject(claims_of, only, text, key):
    assert only(claims_of(text), lambda c: c.text.startswith(("qui", "une"))).event_key == key


def test_a_bare_day_is_no_participant(claims_of):
    (claim,) = claims_of("Le ministre a promis que les écoles rouvriraient lundi.")
    assert claim.event_key == "rouvrir|ecole"
