"""The pipeline's repair of verb lemmas the model leaves inflected."""


def test_a_present_tense_verb_gets_its_infinitive(nlp):
    lemmas = {
        t.text: t.lemma_
        for t in nlp(
            "La RATP indique que les agents estiment la mesure juste. Le maire ouvre la séance et emploie Paul."
        )
        if t.pos_ == "VERB"
    }
    assert lemmas == {"indique": "indiquer", "estiment": "estimer", "ouvre": "ouvrir", "emploie": "employer"}
    # a participle keeps its lemma (`tuée` is no present form of `tuéer`)
    assert [t.lemma_ for t in nlp("La femme a été tuée.") if t.text == "tuée"] == ["tuer"]


def test_a_present_tense_reporting_verb_attributes_its_claim(claims_of):
    (claim,) = claims_of("Le ministre estime que la réforme est juste.")
    assert (claim.quote_kind, claim.reporting_verb, claim.speaker_text) == ("indirect", "estimer", "Le ministre")
