"""Hedging and restriction: conditionals, modals, hedge words; focus particles, exceptions, comparisons
(`transforms.claims.hedging`)."""


def test_conditional_is_hedged(claims_of):
    (claim,) = claims_of("Les troupes auraient quitté la ville.")
    assert claim.hedged


def test_conditional_inside_a_relative_clause_does_not_hedge_the_sentence(claims_of):
    (claim,) = claims_of("Un homme a été interpellé mercredi pour une fraude qui lui aurait rapporté un million.")
    assert claim.hedged is False
    (claim,) = claims_of("Selon une étude, la pollution réduirait fortement les capacités cognitives.")
    assert claim.hedged is True  # `réduirait`: a conditional, even when the tagger reads an indicative


def test_devoir_says_the_event_expected_or_planned_not_done(claims_of):
    for text in [
        "Selon ses proches, il ne devrait pas porter plainte.",
        "Le président doit se rendre à Lyon mardi, a annoncé l'Élysée.",
    ]:
        (claim,) = claims_of(text)
        assert claim.modal == "devoir", text
    (done,) = claims_of("Le président s'est rendu à Lyon mardi, a annoncé l'Élysée.")
    assert done.modal is None


def test_a_comparison_of_degree_neither_affirms_nor_denies_the_event(claims_of):
    for text in [
        "Selon le rapport, les agents ne travaillent pas autant qu'ils le devraient.",
        "Selon l'Insee, le chômage a moins baissé que prévu.",
        "Selon le préfet, l'incendie n'est pas aussi grave qu'on le craignait.",
    ]:
        (claim,) = claims_of(text)
        assert claim.restricted, text
    # `d'autant que` is causal, `aussi` before a verb means `also`
    for text in [
        "Selon le maire, l'usine a fermé, d'autant que les commandes avaient chuté.",
        "Le ministre a aussi déclaré que la réforme serait votée.",
    ]:
        assert not any(c.restricted for c in claims_of(text)), text


def test_restricted_claims_are_flagged(claims_of):
    (only,) = claims_of("Les échanges seront retransmis seulement par quelques journalistes, selon l'Élysée.")
    (que,) = claims_of("Le ministère ne communique que sur le nombre de blessés.")
    (plain,) = claims_of("Les échanges seront retransmis par les chaînes d'information.")
    assert (only.restricted, que.restricted, plain.restricted) == (True, True, False)
    assert que.polarity == 1


def test_a_modal_is_keyed_by_its_infinitive_and_hedged(claims_of):
    (claim,) = claims_of("Une patrouille doit rester devant son domicile, explique Julien Le Cam.")
    assert (claim.predicate, claim.hedged) == ("rester", True)


def test_a_possibility_and_the_complement_of_an_adjective_predicate(claims_of):
    (could,) = claims_of("La chaleur pourrait à nouveau battre des records samedi.")
    assert could.modal == "pouvoir" and could.event_key.startswith("battre|")
    (did,) = claims_of("La chaleur a battu des records samedi.")
    assert did.modal is None
    (plot,) = claims_of("François Hollande a estimé jeudi que Jean-Luc Mélenchon n'était \"pas victime d'un complot\".")
    assert plot.event_key.endswith("|complot")  # victim of what: the complement, not the subject


def test_reporting_verb_in_the_conditional_hedges_the_report(claims_of, only):
    alleged = only(
        claims_of("« Je ne soutiens pas ce projet », aurait dit le président à l'un de ses conseillers."),
        lambda c: c.quote_kind == "direct",
    )
    assert (alleged.polarity, alleged.hedged) == (-1, True)
    (indirect,) = claims_of("Le ministre aurait affirmé que les négociations avaient repris.")
    assert indirect.hedged
    # a conditional in the reported clause after a past report is the future in the past, not a hedge
    (plain,) = claims_of("Le ministre a dit que la réforme serait adoptée.")
    assert not plain.hedged


def test_not_x_but_y_neither_affirms_nor_denies_the_whole(claims_of):
    text = "Le port d'arme n'était pas lié à la sécurité du président mais à sa sécurité personnelle."
    (claim,) = claims_of(text)
    assert claim.restricted is True
    claims = claims_of("Il n'est pas venu, mais il a téléphoné.")  # two clauses, each whole
    assert [c.restricted for c in claims] == [False, False]


def test_what_seems_is_the_infinitives_event_hedged(claims_of):
    (claim,) = claims_of("Il semble avoir vite obtenu gain de cause.")
    assert (claim.event_key, claim.hedged) == ("obtenir|gain", True)
