"""Reporting verbs and speakers: which verbs report speech, and the words that are the speaker
(`transforms.claims.reporting`)."""

import pytest


def test_an_inverted_speaker_ends_before_where_it_spoke(claims_of):
    (claim,) = claims_of(
        '"On a attaqué un hôpital", écrivait ainsi le ministre de l\'Intérieur sur son compte Twitter.'
    )
    assert claim.speaker_text == "le ministre de l'Intérieur"
    (before,) = claims_of('"Aucun bateau ne venait chez nous", raconte par téléphone ce touriste originaire de Paris.')
    assert before.speaker_text == "ce touriste originaire de Paris"


def test_inverted_present_that_looks_like_a_participle_attributes_the_quote(claims_of):
    (claim,) = claims_of("« La grève continuera », écrit dans un communiqué le syndicat Force ouvrière.")
    assert (claim.quote_kind, claim.speaker_text) == ("direct", "le syndicat Force ouvrière")
    (said,) = claims_of("« Nous ne partirons pas », dit le délégué syndical.")
    assert (said.speaker_text, said.polarity, said.event_key) == ("le délégué syndical", -1, "retirer|_")


def test_continuation_verbs_report_only_after_the_words(claims_of):
    (quote,) = claims_of("« Nous resterons », poursuit le ministre.")
    assert (quote.quote_kind, quote.speaker_text) == ("direct", "le ministre")
    (aspect,) = claims_of("Il a continué à travailler.")
    assert (aspect.quote_kind, aspect.speaker_text) == ("narrative", None)


def test_inverted_speaker_stops_before_addressee_and_occasion(claims_of, only):
    claim = only(
        claims_of(
            "« Je ne soutiens pas ce projet », aurait dit le président à l'un de ses conseillers durant un déjeuner.",
        ),
        lambda c: c.quote_kind == "direct",
    )
    assert claim.speaker_text == "le président"
    (titled,) = claims_of(
        "« Les négociations ont repris », a confié le ministre délégué aux Transports aux journalistes."
    )
    assert titled.speaker_text == "le ministre délégué aux Transports"  # a title's capitalised complement stays
    (meeting,) = claims_of("« Nous ne céderons pas », a déclaré le Premier ministre lors d'un meeting à Lyon.")
    assert meeting.speaker_text == "le Premier ministre"
    (sunday,) = claims_of("« Le tir venait d'un policier », a déclaré l'avocat de la famille dimanche.")
    assert sunday.speaker_text == "l'avocat de la famille"


def test_words_before_the_verb_that_name_nobody_are_no_speaker(claims_of):
    (after,) = claims_of("Après avoir affirmé que Paul avait participé à des réunions, le préfet s'est rétracté.")
    assert after.speaker_text is None
    (paper,) = claims_of("Le Divan fait son grand retour sur France 3, affirmait Le Parisien dimanche.")
    assert paper.speaker_text == "Le Parisien"  # (`Parisien` tagged as an adjective still names it)


def test_the_speaker_of_a_relative_clause_is_its_antecedent(claims_of, only):
    denial = only(claims_of('Une femme de 64 ans décrite comme "instable" qui nie les accusations.'), lambda c: True)
    assert denial.speaker_text == "Une femme de 64 ans"  # (without its participial modifier)
    (cleft,) = claims_of("C'est le ministre qui a démenti ces informations.")
    assert cleft.speaker_text == "le ministre"


def test_the_antecedent_of_qui_is_the_noun_phrase_before_it(claims_of, only):
    claim = only(
        claims_of(
            "Nous courons un grand danger à provoquer les Russes, qui ont toujours dit qu'ils ne céderaient pas."
        ),
        lambda c: c.quote_kind == "indirect",
    )
    assert claim.speaker_text == "les Russes"


def test_a_name_in_apposition_stays_with_the_antecedent(claims_of, only):
    claim = only(
        claims_of("Jean Dupont, le maire de la commune, qui a affirmé que les travaux reprendraient, était absent."),
        lambda c: c.quote_kind == "indirect",
    )
    assert claim.speaker_text.startswith("Jean Dupont")


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
def test_verbs_that_report_only_after_the_words_or_with_a_clause(claims_of, text, kind):
    (claim,) = claims_of(text)
    assert claim.quote_kind == kind


def test_what_nothing_allows_to_affirm_is_hedged_and_said_by_nobody(claims_of):
    (claim,) = claims_of("Rien ne permet d'affirmer à ce stade que l'auteur des faits se trouve parmi eux.")
    assert claim.hedged and claim.speaker_text is None


def test_an_infinitive_reporting_verb_has_its_governors_subject(claims_of):
    (claim,) = claims_of("La police de Gatineau insiste également pour dire que les policiers ont des ressources.")
    assert claim.speaker_text == "La police de Gatineau"


def test_an_inverted_speaker_after_a_channel_and_a_comma(claims_of):
    (claim,) = claims_of(
        "« Nous avons été déposés dans le nord », a expliqué dans les colonnes de HLN, Cindy, une touriste."
    )
    assert claim.speaker_text == "Cindy"


def test_making_sure_is_no_report(claims_of):
    (claim,) = claims_of("Les gouvernements doivent s'assurer que les entreprises paient leur part d'impôts.")
    assert claim.quote_kind == "narrative"
