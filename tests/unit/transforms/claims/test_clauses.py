"""Clauses: a proposition cut into the clauses that each state something (`transforms.claims.clauses`)."""


def test_narrative_negation_and_clause_split(claims_of):
    claims = claims_of("Des roquettes ont frappé la base, mais personne n'a été blessé.")
    assert [c.quote_kind for c in claims] == ["narrative", "narrative"]
    assert [c.polarity for c in claims] == [1, -1]


def test_event_in_a_participial_clause_is_its_own_narrative_claim(claims_of):
    claims = claims_of(
        "Le ministre a démenti la reprise des combats, interrompus après la mort du chef "
        "rebelle Jean Kaba, tué le 3 mars dans une embuscade.",
    )
    killed = [c for c in claims if c.predicate == "tuer"]
    assert len(killed) == 1
    # a presupposed fact: stated by the article, not denied by the minister
    assert (killed[0].quote_kind, killed[0].polarity, killed[0].speaker_text) == ("narrative", 1, None)
    assert "3 mars" in killed[0].text


def test_purpose_infinitive_is_not_an_event(claims_of):
    claims = claims_of("Le gouvernement n'a pas donné son accord pour reprendre les combats.")
    assert [c.predicate for c in claims if c.predicate == "reprendre"] == []


def test_two_finite_verbs_joined_by_et_are_two_claims(claims_of):
    claims = claims_of("Les ministres ont rejeté cette demande et n'ont pas décidé de fermer la frontière.")
    assert [(c.text.split()[0], c.polarity) for c in claims][:2] == [("Les", 1), ("n'ont", -1)]


def test_casualty_clauses_are_split_and_both_participles_are_events(claims_of):
    claims = claims_of(
        "Des missiles ont frappé la base, mais des avertissements ont retenti et personne n'a été tué ni blessé."
    )
    keyed = {c.event_key: (c.polarity, c.text) for c in claims}
    assert keyed["retentir|avertissement"][0] == 1  # the warnings did sound: the negation is not theirs
    assert keyed["tuer|_"] == (-1, "personne n'a été tué")
    assert keyed["blesser|_"] == (-1, "personne n'a été tué ni blessé")


def test_juxtaposed_clauses_have_their_own_polarity(claims_of):
    refuses, sweats = claims_of("Il n'accepte pas la contradiction, il transpire la haine de l'autre.")
    assert (refuses.polarity, sweats.polarity) == (-1, 1)
    assert sweats.text == "il transpire la haine de l'autre"


def test_what_a_verb_reports_ends_with_its_sentence(claims_of, only):
    # a stray quotation mark joined the two sentences: the second is the company's words, not what it refutes
    text = (
        "La société réfute l'existence d'une politique d'incitation parmi ses salariés. Il n'y a pas de "
        'directive interne donnée aux forces de vente", affirme le groupe.'
    )
    claims = claims_of(text)
    refuted = only(claims, lambda c: c.reporting_verb == "réfuter")
    assert refuted.text == "l'existence d'une politique d'incitation parmi ses salariés"
    assert not any(c.reporting_verb == "réfuter" and c.polarity == 1 for c in claims)
    # a quotation the verb opens goes on across its sentences
    claims = claims_of('Le ministre a affirmé que "nous n\'avons rien fait. Nous sommes innocents".')
    assert len([c for c in claims if c.reporting_verb == "affirmer"]) == 2


def test_a_clause_coordinated_with_the_reporting_verb_is_not_reported(claims_of):
    reported, own = claims_of("On m'a dit qu'il y avait une femme enceinte sur le bateau mais je ne l'ai pas vue.")
    assert reported.quote_kind == "indirect" and "bateau" in reported.text and "vue" not in reported.text
    assert (own.quote_kind, own.speaker_text, own.polarity) == ("narrative", None, -1)


def test_a_condition_clause_states_no_event(claims_of):
    claims = claims_of(
        "La Hongrie a indiqué que tant que la banque ne sera pas retirée de la liste, elle ne débloquera pas l'aide.",
    )
    assert not any(c.event_key.startswith("retirer|") for c in claims)


def test_a_concession_still_states_its_event(claims_of):
    claims = claims_of("Bien que la police ait arrêté trois suspects, le calme n'est pas revenu.")
    assert any(c.event_key == "interpeller|suspect" and c.polarity == 1 for c in claims)
