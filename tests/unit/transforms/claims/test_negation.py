"""Negation: whether a clause's own predicate is denied, and what a denial is restricted to
(`transforms.claims.negation`)."""

import pytest


def test_a_negation_in_a_juxtaposed_clause_with_its_own_subject_stays_there(claims_of, only):
    text = (
        "\"Nous voulons cette vérité. Des questions se posent, le déni et la banalisation qu'a entretenus le "
        "ministre de l'Intérieur ne sont pas supportables et acceptables\", a dénoncé le député."
    )
    posed = only(claims_of(text), lambda c: c.text.startswith("Des questions se posent"))
    assert posed.polarity == 1


def test_ni_negates_no_verb_of_its_own(claims_of):
    text = (
        "\"Je termine cette campagne comme je l'ai commencée en homme libre qui n'aura transigé ni avec ce "
        "qu'il est, ni avec ce qu'il pense\", a-t-il dit."
    )
    (first, *_) = claims_of(text)
    assert first.text.startswith("Je termine cette campagne") and first.polarity == 1
    (cards,) = claims_of("Elle ne devrait pas abattre ses cartes tout de suite.")
    assert not cards.event_key.startswith("tuer")  # `abattre ses cartes`: an idiom, not a killing


def test_restrictive_ne_que_is_not_a_negation(claims_of):
    (claim,) = claims_of("La grève n'a duré que deux jours.")
    assert claim.polarity == 1


def test_colloquial_negation_without_ne(claims_of):
    (claim,) = claims_of("\"J'ai pas reçu d'invitation\", a déclaré le maire.")
    assert claim.polarity == -1


def test_restricted_denials_and_possessed_themes(claims_of):
    (denial,) = claims_of("Aucune enquête pour tentative de meurtre n'a été ouverte.")
    assert (denial.polarity, denial.denial_scope) == (-1, "tentative")
    (plain,) = claims_of("Aucun soldat américain n'a été tué.")
    assert plain.denial_scope is None  # a nationality names the story's side, not a kind
    (own,) = claims_of("Emmanuel Macron a entamé ses vacances mercredi.")
    (anyone,) = claims_of("Les vacances ont débuté samedi.")
    assert (own.theme_owned, anyone.theme_owned) == (True, False)


def test_negation_scopes_that_do_not_deny_the_whole_event(claims_of):
    # `aucun des joueurs`: only the players were unhurt
    (players,) = claims_of("Aucun des joueurs n'a été blessé, selon un porte-parole.")
    assert (players.polarity, players.denial_scope) == (-1, "joueur")
    # the negation bears on the purpose
    (purpose,) = claims_of("« Je n'ai pas supprimé l'ISF pour faire des cadeaux », a déclaré Emmanuel Macron.")
    assert (purpose.polarity, purpose.denial_scope) == (-1, "cadeau")
    # `sans X, ni Y` negates the phrase, not the verb
    (found,) = claims_of(
        "Le véhicule a été retrouvé à quelques rues de là, sans les sacs qu'il contenait, ni le convoyeur."
    )
    assert found.polarity == 1


def test_held_out_false_reports_rules(claims_of):
    # `ne pas` before a quoted infinitive negates it
    (date,) = claims_of('Le secrétaire général a déploré ce vendredi ne pas "avoir de date de rendez-vous".')
    assert date.polarity == -1
    # a share of a population (subject or speaker) is part of it only
    (third,) = claims_of("Selon un sondage Ifop, seul un tiers des Français fait confiance à Emmanuel Macron.")
    (share,) = claims_of("Dans un sondage Ifop, 66% des Français disent ne pas faire confiance au gouvernement.")
    assert third.restricted and share.restricted
    # a negation in parentheses negates the aside
    (lines,) = claims_of(
        "La ligne sera touchée, tout comme la ligne D (deux trains sur cinq et aucune circulation à Châtelet)."
    )
    assert lines.polarity == 1
    # a surface is a measure, not a participant
    (burnt,) = claims_of("Plus de 300 hectares ont brûlé vendredi.")
    assert burnt.event_key.endswith("|_")
    # `accepter` decides an infinitive only (`il n'accepte pas la contradiction, il transpire…`)
    refuses, _ = claims_of("M. Ruffin, il n'accepte pas la contradiction, il transpire la haine.")
    assert refuses.event_key == "accepter|contradiction"


def test_a_negated_participial_clause_does_not_negate_the_main_verb(claims_of, only):
    text = (
        "Début août, le trésorier avait prévenu que le RN, sans rentrée d'argent, devrait déposer le bilan fin "
        "septembre, n'étant pas en mesure de payer les salaires de ses employés."
    )
    claim = only(claims_of(text), lambda c: c.event_key.startswith("deposer"))
    assert claim.polarity == 1
    (negated,) = claims_of("Le parti ne pourra pas payer les salaires, selon son trésorier.")
    assert negated.polarity == -1


def test_negations_that_do_not_deny_the_clause(claims_of):
    (anticipated,) = claims_of(
        "\"L'événement météorologique avait été anticipé, pas son intensité, pas le déroulement chronologique "
        'de sa manifestation", a déclaré le chef du gouvernement.',
    )
    assert anticipated.polarity == 1  # `pas son intensité`: the phrase is negated, the verb elided
    (nobody,) = claims_of("Le ministre a rappelé que personne, y compris les élus, ne sera exempté des contrôles.")
    assert nobody.polarity == -1  # `personne, y compris…, ne`: the negative pronoun, across an aside
    (flame,) = claims_of("\"Je n'ai jamais perdu cette flamme, si ce n'est sur ces deux années\", dit-elle.")
    assert flame.restricted is True  # `si ce n'est`: an exception carved out of the denial


def test_a_verbless_pas_de_and_a_contrast_deny_no_whole_event(claims_of):
    (traffic,) = claims_of("Pas de miracle, la circulation s'annonce difficile pour le premier week-end des vacances.")
    assert traffic.polarity == 1  # `Pas de miracle`: a verbless negation of a noun
    (link,) = claims_of("Le rapport de l'IGPN n'établit \"pas de lien\" entre l'intervention et sa mort.")
    assert link.polarity == -1  # inside the clause, `pas de` negates its verb
    (inside,) = claims_of(
        "La mesure ne s'appliquera en revanche pas à l'intérieur de la capitale, a précisé Elisabeth Borne.",
    )
    assert inside.polarity == -1 and inside.restricted is True  # it applies, but not there


def test_ne_pas_before_an_infinitive_negates_the_infinitive_not_the_main_verb(claims_of):
    (order,) = claims_of(
        "Selon Le Parisien, la consigne avait été donnée à la police aux frontières de ne pas l'interpeller."
    )
    assert (order.event_key, order.polarity) == ("donner|consigne", 1)
    (troops,) = claims_of("Les troupes ne vont pas quitter l'Irak.")
    assert troops.polarity == -1


@pytest.mark.parametrize(
    ("text", "key", "polarity"),
    [
        ("Certains conducteurs ont décidé de ne plus marquer l'arrêt dans ces stations.", "marquer|arret", -1),
        ("Le syndicat a décidé de ne pas faire grève.", "faire|greve", -1),
        ("Le gouvernement a décidé de suspendre les opérations.", "suspendre|operation", 1),
        ("Le gouvernement n'a pas décidé de suspendre les opérations.", "suspendre|operation", -1),
    ],
)
def test_a_decision_not_to_act_is_a_negated_event(claims_of, text, key, polarity):
    (claim,) = claims_of(text)
    assert (claim.event_key, claim.polarity) == (key, polarity)


def test_pas_moins_de_bounds_a_count_and_negates_nothing(claims_of):
    (claim,) = claims_of("Météo France a placé pas moins de 15 départements en vigilance orange.")
    assert (claim.polarity, claim.quantity, claim.quantity_op) == (1, 15.0, ">")
    (claim,) = claims_of("On ne compte pas moins de 15 victimes.")
    assert (claim.polarity, claim.quantity_op) == (1, ">")
    (claim,) = claims_of("Météo France n'a pas placé les départements en vigilance orange.")
    assert claim.polarity == -1


def test_a_compound_infinitive_keeps_its_own_negation(claims_of):
    # quoted words reporting a third party: the negation is that of the infinitive, not of `affirmer`
    (claim,) = claims_of('Il a dit : "M. Takieddine a toujours affirmé ne m\'avoir jamais remis de liquide".')
    assert (claim.event_key, claim.polarity) == ("affirmer|tkdne", 1)


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Il n'existe pas de seuil réglementaire applicable.", "reglementaire"),  # partitive `de`, adjective
        ("Il n'y a pas eu d'affaire de Rugy.", "rugy"),
        ("Aucun blessé grave n'est à déplorer.", "grave"),
        ("Aucun soldat n'a été tué.", None),
    ],
)
def test_what_a_denial_is_restricted_to(claims_of, text, scope):
    (claim,) = claims_of(text)
    assert (claim.polarity, claim.denial_scope) == (-1, scope)


def test_a_superlative_plus_negates_nothing(claims_of):
    text = 'Il a dit : "Le ministre a toujours affirmé ne m\'avoir jamais menti sur le plus important dossier".'
    (claim,) = claims_of(text)
    assert (claim.event_key, claim.polarity) == ("affirmer|ministre", 1)
    claims = claims_of("Il n'a jamais participé au débat. Ce fut le plus important de la campagne.")
    assert [c.polarity for c in claims] == [-1, 1]
    (claim,) = claims_of("Ce n'est plus le plus important.")
    assert claim.polarity == -1


def test_mais_pas_negates_the_phrase_after_it_even_in_quotation_marks(claims_of):
    text = "Édouard Philippe s'y est déclaré favorable sur le principe mais \"pas dans n'importe quelles conditions\"."
    (claim,) = claims_of(text)
    assert claim.polarity == 1


@pytest.mark.parametrize(
    ("text", "key", "polarity"),
    [
        # a lone `ne` negates `pouvoir`, `savoir` and `oser` in written French
        ("Les appels à la paix ne peuvent se traduire par des actions concrètes.", "traduire|_", -1),
        ("Le gouvernement ne saurait accepter cette proposition.", "accepter|proposition", -1),
        ("Le ministre n'ose affronter les syndicats.", "affronter|syndicat", -1),
        # restrictive `ne … que`, expletive `ne`, `je ne sais quel`: nothing denied
        ("Il ne peut voir sa fille que le week-end.", "voir|fille", 1),
        ("On ne peut que constater les dégâts.", "constater|degat", 1),
    ],
)
def test_a_lone_ne_negates_pouvoir_savoir_and_oser(claims_of, only, text, key, polarity):
    claim = only(claims_of(text), lambda c: c.event_key == key)
    assert claim.polarity == polarity


def test_an_expletive_ne_negates_nothing(claims_of):
    claims = claims_of("Il est parti avant qu'on ne puisse l'arrêter.")
    assert all(c.polarity == 1 for c in claims)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Les ventes ne cessent de progresser.", "progresser|_"),
        ("La pluie n'a pas arrêté de tomber toute la nuit.", "tomber|_"),
    ],
)
def test_an_action_that_does_not_stop_goes_on(claims_of, text, key):
    (claim,) = claims_of(text)
    assert (claim.event_key, claim.polarity) == (key, 1)


def test_a_stopped_action_is_still_a_stop(claims_of):
    (claim,) = claims_of("L'usine a cessé de produire des moteurs en mars.")
    assert claim.event_key.startswith("suspendre|") and claim.polarity == 1


@pytest.mark.parametrize(
    "text",
    [
        "Mais nous ne pouvons le faire que si nous arrivons à changer de modèle.",
        "Les crédits d'impôts ne peuvent être remboursés qu'en septembre.",
        "Il ne peut se servir d'un ordinateur que dans les bureaux de ses avocats.",
    ],
)
def test_ne_que_before_an_adverbial_restricts(claims_of, text):
    assert all(c.polarity == 1 for c in claims_of(text))
