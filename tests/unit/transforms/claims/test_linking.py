"""Links between the claims of one article: denials of an earlier report, anaphoric event nouns
(`transforms.claims.linking`)."""


def test_denial_of_an_earlier_report_points_at_it(claims_of):
    text = (
        "Deux diplomates ont indiqué que les discussions avaient repris. "
        "Le porte-parole du ministère a démenti ces informations."
    )
    first, denial = claims_of(text)
    assert denial.responds_to_index == 0
    assert denial.polarity == -first.polarity == -1
    assert denial.event_key == first.event_key


def test_a_denied_report_is_one_just_said(claims_of):
    """`ces accusations` takes up a report of the last four sentences, and the nearest mention of its noun:
    not a quotation further back, nor one followed by the accusations themselves."""
    text = (
        "Le Premier ministre a affirmé que ses relations avec lui avaient toujours été respectueuses. "
        "Il n'a fait aucun autre commentaire. La procédure suit son cours. Le procès aura lieu en mai. "
        "Le tribunal siégera à Paris. L'ex-président a toujours rejeté ces accusations."
    )
    assert claims_of(text)[-1].responds_to_index is None
    text = (
        "Le quotidien a affirmé que de faux comptes se multipliaient sur les réseaux sociaux. "
        "Le journal estime qu'au moins 200 comptes sont gérés depuis l'étranger. "
        "Ces profils diffusent des photos sorties de leur contexte. "
        "Le gouvernement étranger a démenti ces informations."
    )
    claims = claims_of(text)
    # the nearest report: the journal's estimate (`estime` in the present is a reporting verb)
    assert claims[-1].responds_to_index == 1 and claims[-1].polarity == -1
    text = (
        "Deux diplomates ont indiqué que les discussions avaient repris. "
        "Des juges enquêtent sur des accusations de corruption. "
        "Le ministre a rejeté ces accusations."
    )
    assert claims_of(text)[-1].responds_to_index is None


def test_definite_event_noun_takes_the_theme_of_its_antecedent(claims_of):
    # `ce départ` is the departure just told: from the town
    told, anaphor = claims_of("Les soldats ont quitté la ville de Mossoul mardi. Le gouvernement a confirmé ce départ.")
    assert told.event_key == anaphor.event_key == "retirer|ville"
    # `un départ` is a new one
    _, other = claims_of("Les soldats ont quitté la ville de Mossoul mardi. Le gouvernement a annoncé un départ.")
    assert other.event_key == "retirer|_"


def test_a_denied_report_named_by_its_author_answers_that_author_only(claims_of):
    text = (
        "Selon Mediapart, l'acteur a fraudé le fisc. Yann Moix a déclaré : « On oublie la présomption "
        "d'innocence ». L'acteur réfute les allégations du documentaire."
    )
    *_, moix, denial = claims_of(text)
    assert denial.responds_to_index is None and denial.event_key != moix.event_key
    report, denial = claims_of(
        "Selon Mediapart, l'acteur a fraudé le fisc. L'acteur a démenti les accusations de Mediapart."
    )
    assert denial.responds_to_index == 0 and (denial.event_key, denial.polarity) == (report.event_key, -1)


def test_not_denying_a_report_answers_nothing(claims_of):
    claims = claims_of("Le journal a révélé que le ministre avait menti. Il n'a pas démenti ces révélations.")
    assert claims[1].responds_to_index is None and claims[1].event_key == "none|_"
    claims = claims_of("Le journal a révélé que le ministre avait menti. Il a démenti ces informations.")
    assert (claims[1].responds_to_index, claims[1].event_key, claims[1].polarity) == (0, "mentir|ministre", -1)
