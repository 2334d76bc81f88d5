"""The claim a clause makes under its attribution: a denial verb's reversal, what asks or promises
(`transforms.claims.describe`)."""

import pytest


def test_denying_a_negative_is_an_affirmation(claims_of):
    (claim,) = claims_of("Le ministre a démenti ne pas avoir signé le décret.")
    assert claim.polarity == 1


def test_not_denied_is_not_a_denial(claims_of):
    (claim,) = claims_of("Le ministre n'a pas démenti que les discussions avaient repris.")
    assert claim.polarity == 1 and claim.hedged


def test_a_denial_verb_reverses_what_it_reports_not_the_words_it_quotes(claims_of):
    (quoted,) = claims_of('"Je n\'ai jamais frappé cette femme", a démenti le chanteur.')
    (reported,) = claims_of("Le chanteur a démenti avoir frappé cette femme.")
    assert (quoted.polarity, reported.polarity) == (-1, -1)
    # `ne … personne`: the object `personne` is nobody, as the subject of `ne` is
    (defended,) = claims_of("\"On n'écrase personne\", s'était-il alors défendu.")
    (nobody,) = claims_of("Selon la police, personne n'a été blessé.")
    (someone,) = claims_of("Selon la police, une personne a été blessée.")
    assert (defended.polarity, nobody.polarity, someone.polarity) == (-1, -1, 1)


def test_an_infinitive_heading_the_sentence_states_no_event(claims_of):
    (topic,) = claims_of("Ne pas ouvrir le marché de Noël serait céder à l'obscurantisme.")
    assert topic.event_key == "none|_"
    (denied,) = claims_of("Le suspect a démenti avoir frappé la victime.")
    assert denied.event_key != "none|_" and denied.polarity == -1


def test_what_a_source_asks_for_has_not_happened(claims_of):
    (claim,) = claims_of("Marine Le Pen a demandé à Florian Philippot de quitter la présidence de son association.")
    assert (claim.reporting_verb, claim.stance, claim.event_key) == ("demander", "request", "none|_")
    (claim,) = claims_of("Le ministre a affirmé que Florian Philippot avait quitté la présidence de son association.")
    assert claim.event_key != "none|_"


@pytest.mark.parametrize(
    "text",
    [
        "L'ambassadeur a publiquement menacé « d'enterrer » le diplomate.",
        "Le gouvernement a promis de baisser les impôts des classes moyennes.",
    ],
)
def test_a_threat_or_a_promise_of_an_action_is_no_event(claims_of, text):
    (claim,) = claims_of(text)
    assert claim.event_key == "none|_"


def test_a_promise_about_the_past_keeps_its_event(claims_of):
    (claim,) = claims_of("Il a promis avoir remboursé toutes ses dettes.")
    assert claim.event_key == "rembourser|dette"


def test_a_presupposed_clause_is_the_articles_own_and_keeps_the_source_word(claims_of):
    # `qui ont été tués mardi`: stated by the article, not by the army (as `selon` has no verb, it stays)
    reported, relative = claims_of("Selon l'armée, les rebelles, qui ont été tués mardi, avaient attaqué la base.")
    assert (reported.quote_kind, reported.speaker_text, reported.reporting_verb) == ("indirect", "l'armée", "selon")
    assert (relative.quote_kind, relative.speaker_text, relative.attribution_start) == ("narrative", None, None)
    assert (relative.reporting_verb, relative.event_key) == ("selon", "tuer|rebelle")


def test_a_clause_without_its_subject_records_the_words_of_the_subject_it_leaves_out(claims_of, only):
    # a relative `qui`: its antecedent, with its determiner, adjectives and `de` complements only
    text = "L'escalade a atteint un niveau inédit, avec une attaque de drone américaine, qui a tué le général Hamid."
    killed = only(claims_of(text), lambda c: c.text.startswith("qui"))
    assert killed.subject_text == "une attaque de drone américaine"
    # a relative hung on the verb: the verb's object, not the place and the date between them
    text = "Les États-Unis ont lancé une frappe de drone près de l'aéroport le 3 janvier, qui a tué le général Hamid."
    assert only(claims_of(text), lambda c: c.text.startswith("qui")).subject_text == "une frappe de drone"
    # a verb coordinated with another shares its subject
    text = "Le ministre a démissionné mardi et a quitté Paris."
    assert only(claims_of(text), lambda c: "quitté" in c.text and "démissionné" not in c.text).subject_text == (
        "Le ministre"
    )
    (retired,) = [
        c
        for c in claims_of("Le ministre a démissionné mardi et s'est retiré de la vie politique.")
        if "retiré" in c.text
    ]
    assert retired.subject_text == "Le ministre"  # (`s'` is the verb's clitic, no subject)
    # a participle has no subject of its own to put back (`Tuant un sous-traitant`, not `La base tuant…`)
    text = "Des roquettes ont été tirées sur la base, tuant un sous-traitant américain."
    assert only(claims_of(text), lambda c: c.text.startswith("tuant")).subject_text is None
    # a clause that names its subject records none
    (claim,) = claims_of("Une frappe américaine a tué le général Soleimani.")
    assert claim.subject_text is None


def test_the_antecedent_of_qui_agrees_in_number_with_its_verb(nlp):
    from transforms.claims.describe import _antecedent

    # `ont empiré` is plural: the complications, not the operation (the nearest noun would be `opération` if
    # the parser hung the clause elsewhere; the noun it hangs on must agree too)
    for text, verb, expected in [
        ("Il a subi une opération et des complications, qui ont empiré avec le temps.", "empiré", "complications"),
        ("Il a subi des complications et une opération, qui a duré six heures.", "duré", "opération"),
        # no comma: the noun right before `qui` (here tagged as an adjective used as a noun), not the name the
        # parser hangs the clause on
        ("Selon Le Parisien, le quinquagénaire qui a attaqué une soldate était suivi.", "attaqué", "quinquagénaire"),
    ]:
        doc = nlp(text)
        main = next(t for t in doc if t.text == verb)
        relative = next(t for t in doc if t.lower_ == "qui")
        assert _antecedent(main, relative).text == expected
