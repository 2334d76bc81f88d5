"""Attribution: which construction attributes a sentence's proposition to whom (`transforms.claims.attribution`)."""

import pytest

from transforms.claims import Attribution
from transforms.claims.attribution import (
    VERB_RECOGNISERS,
    VerbSite,
    attribute,
    incise,
    narrative,
    nominal_object,
    quotation_then_verb,
    source_after,
)
from transforms.claims.reporting import reporting_verbs


def test_the_first_recogniser_that_reads_the_sentence_attributes_it(sentence_of):
    # a quotation without a verb also reads as the last speaker's words: the source named after it comes first
    sentence = sentence_of('"Le ministre veut la mobilisation de tous", selon son entourage.')
    assert quotation_then_verb(sentence, []).continues_speaker
    found = attribute(sentence)
    assert (found.kind, found.source_word, found.speaker_text) == ("direct", "selon", "son entourage")
    assert sentence.text[found.start : found.end] == "Le ministre veut la mobilisation de tous"
    assert source_after(sentence, []) == found


def test_the_first_verb_recogniser_that_matches_reads_the_verb(sentence_of):
    # an incise reads `Les négociations` as the subject of nothing; read as a nominal report, `le ministre` would
    # be what is reported: the incise comes first
    sentence = sentence_of("Les négociations, a précisé le ministre, ont repris.")
    (verb,) = reporting_verbs(sentence.tokens)
    site = VerbSite(sentence, [verb], verb)
    assert nominal_object(site) is not None
    assert VERB_RECOGNISERS.index(incise) < VERB_RECOGNISERS.index(nominal_object)
    found = attribute(sentence)
    assert (sentence.text[found.start : found.end], found.speaker_text, found.verb.lemma_) == (
        "ont repris.",
        "le ministre",
        "préciser",
    )


def test_the_articles_own_voice_is_the_whole_sentence_unless_it_asks(sentence_of):
    sentence = sentence_of("Les troupes ont quitté la ville.")
    assert narrative(sentence, []) == Attribution(sentence.start, sentence.end, "narrative")
    assert narrative(sentence_of("Les troupes ont-elles quitté la ville ?"), []) is None


def test_direct_quote_attribution_after_negated(claims_of):
    (claim,) = claims_of(
        "\"Les négociations n'ont pas repris\", a déclaré à l'AFP le porte-parole du gouvernement Jean Martin."
    )
    assert claim.quote_kind == "direct"
    assert claim.text == "Les négociations n'ont pas repris"
    assert claim.polarity == -1
    assert claim.predicate == "reprendre"
    assert "Jean Martin" in claim.speaker_text and "AFP" not in claim.speaker_text


def test_indirect_speech_with_que(claims_of):
    (claim,) = claims_of("Le ministre a indiqué que les discussions avaient repris mercredi.")
    assert (claim.quote_kind, claim.polarity, claim.speaker_text) == ("indirect", 1, "Le ministre")
    assert claim.text == "les discussions avaient repris mercredi"


def test_selon(claims_of):
    (claim,) = claims_of("Selon M. Dupont, le gouvernement n'a pas donné son accord.")
    assert claim.speaker_text == "M. Dupont"
    assert claim.polarity == -1


def test_a_verb_reporting_the_infinitive_after_it_closes_no_inverted_attribution(claims_of):
    (claim,) = claims_of(
        "Cette dernière, qui n'était pas présente à l'audience, avait nié avoir donné la mort à la truie."
    )
    assert claim.text == "avoir donné la mort à la truie" and claim.polarity == -1
    assert claim.speaker_text.startswith("Cette dernière")


def test_nominal_report_is_attributed_to_the_subject(claims_of):
    (claim,) = claims_of("Le syndicat a annoncé dimanche la suspension de la grève dans les transports.")
    assert claim.quote_kind == "indirect"
    assert claim.speaker_text == "Le syndicat"
    assert claim.text.startswith("la suspension de la grève")
    # a report inside a relative clause leaves the sentence in the article's voice
    claims = claims_of("Le texte a obtenu le soutien du maire, qui a dénoncé la fermeture de l'usine.")
    assert claims[0].quote_kind == "narrative"


def test_source_given_after_the_proposition(claims_of):
    (claim,) = claims_of("Le maire sortirait vainqueur du premier tour, selon un sondage publié dimanche.")
    assert (claim.quote_kind, claim.speaker_text, claim.reporting_verb) == (
        "indirect",
        "un sondage publié dimanche",
        "selon",
    )
    assert claim.text == "Le maire sortirait vainqueur du premier tour"
    (claim,) = claims_of('"Le ministre veut la mobilisation de tous", selon son entourage.')
    assert (claim.quote_kind, claim.speaker_text) == ("direct", "son entourage")


def test_pour_a_named_person_introduces_a_source(claims_of):
    (claim,) = claims_of("Pour le ministre Jean Dupont, la réforme est indispensable.")
    assert (claim.quote_kind, claim.speaker_text) == ("indirect", "le ministre Jean Dupont")
    (claim,) = claims_of("Pour la première fois, la ville a fermé ses écoles.")
    assert claim.quote_kind == "narrative"


def test_questions_and_quoted_titles(claims_of):
    assert claims_of("La pollution de l'air rend-elle bête ?") == []
    text = "“Le Divan”, l'émission culte, fait son grand retour sur France 3, affirmait Le Parisien dimanche 15 avril."
    (claim,) = claims_of(text)
    assert claim.quote_kind == "indirect" and claim.text.startswith("“Le Divan”")


def test_impersonal_reading_quotes_the_document(claims_of):
    (claim,) = claims_of("On peut lire dans le rapport de la Cour des comptes : les dépenses ont augmenté.")
    assert (claim.speaker_text, claim.predicate) == ("le rapport de la Cour des comptes", "augmenter")
    # `on peut y lire`: the document last cited speaks on
    letter, quoted = claims_of(
        "« Nous resterons », a écrit le général Jean Dupont. On peut y lire : la direction va fermer l'usine."
    )
    assert quoted.speaker_from is letter
    assert quoted.event_key == "fermer|usine"  # `va fermer`: the infinitive names the event
    # `lire` with a subject of its own reports nothing
    (narrative,) = claims_of("Il aime lire des romans policiers.")
    assert narrative.quote_kind == "narrative"


def test_what_a_denial_or_an_evaluation_does_not_assert(claims_of):
    (denial,) = claims_of(
        "Martine Henry nie toute complicité dans le meurtre, alors que les parties civiles ont demandé au "
        "juge de creuser cette piste.",
    )
    assert "alors que" not in denial.text  # the adverbial clause is the narrator's, not the denied report
    (shots,) = claims_of("La police a démenti les affirmations selon lesquelles des coups de feu ont été tirés.")
    assert shots.text.startswith("des coups de feu") and not shots.responds_to_previous
    (homage,) = claims_of('Emmanuel Macron avait jugé "légitime" de rendre hommage au maréchal samedi.')
    assert homage.event_key == "none|_"  # judged legitimate, not said to happen
    (denied,) = claims_of("Aucun hommage ne sera rendu à Pétain samedi.")
    (paid,) = claims_of("Le chef d'état-major rendra hommage aux quatre autres maréchaux.")
    # `rendre hommage à X`: a locution whose complement is the theme (whom the homage is paid to)
    assert denied.event_key.startswith("rendre hommage|") and paid.event_key.startswith("rendre hommage|")
    assert denied.event_key != paid.event_key


def test_a_gerund_before_que_reports_the_content_with_its_own_stance(claims_of):
    (claim,) = claims_of(
        "L'entreprise s'est défendue ce samedi en jugeant que les médias étrangers étaient trop susceptibles."
    )
    # `se défendre` denies, but P is what the company judges: an evaluation, not a denial of P
    assert (claim.reporting_verb, claim.stance, claim.polarity) == ("juger", "evaluate", 1)
    assert claim.speaker_text == "L'entreprise"


def test_a_participle_after_a_comma_reports_with_its_own_stance_a_participle_of_the_object_does_not(claims_of):
    def reported(text):
        (claim,) = claims_of(text)
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


def test_a_reporting_verb_in_an_adverbial_clause_is_not_the_attribution(claims_of):
    text = "S'il n'a pas démenti ces révélations, l'intéressé a assuré qu'il réglerait ses impayés avant jeudi."
    (claim,) = claims_of(text)
    assert (claim.text, claim.speaker_text, claim.reporting_verb) == (
        "il réglerait ses impayés avant jeudi",
        "l'intéressé",
        "assurer",
    )


def test_a_denied_report_ends_where_its_clause_does(claims_of):
    text = (
        "L'Élysée a formellement démenti ces informations, malgré l'annonce du président : \"Je vais faire "
        "comme les habitants. Il n'y a pas le choix.\""
    )
    claims = claims_of(text)
    assert [c.text for c in claims if c.reporting_verb == "démentir"] == ["ces informations"]


def test_a_comparison_que_opens_no_report(claims_of):
    (claim,) = claims_of("Il ne pouvait expliquer cette participation moindre qu'aux dernières années.")
    assert claim.quote_kind == "narrative" and claim.polarity == -1


def test_an_addressee_may_stand_between_the_verb_and_que(claims_of):
    (claim,) = claims_of("L'ancien président avait indiqué à l'antenne de CNN au Brésil qu'il rentrerait en janvier.")
    assert claim.quote_kind == "indirect" and claim.text == "il rentrerait en janvier"


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
def test_an_attribution_in_an_incise_reports_what_follows_it(claims_of, text, speaker, polarity):
    (claim,) = claims_of(text)
    assert (claim.quote_kind, claim.speaker_text, claim.polarity) == ("indirect", speaker, polarity)


def test_denying_a_thesis_denies_what_it_holds(claims_of, only):
    text = (
        "Le gouvernement a nié catégoriquement hier la thèse selon laquelle l'avion aurait été touché par un missile."
    )
    claim = only(claims_of(text), lambda c: c.speaker_text is not None)
    assert (claim.event_key, claim.polarity, claim.stance) == ("attaquer|avion", -1, "deny")
    assert claim.text.startswith("l'avion aurait été touché")


def test_a_denial_dated_between_its_verb_and_its_object_denies_what_the_report_holds(claims_of, only):
    text = (
        "Le ministère a démenti samedi 27 juin des informations du quotidien selon lesquelles "
        "l'armée a suspendu ses opérations."
    )
    claim = only(claims_of(text), lambda c: c.speaker_text is not None)
    assert (claim.event_key, claim.polarity) == ("suspendre|operation", -1)


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
def test_a_relative_clause_on_the_speaker_is_neither_the_speaker_nor_the_report(
    claims_of, only, text, speaker, content
):
    claim = only(claims_of(text), lambda c: c.speaker_text is not None)
    assert claim.speaker_text == speaker and claim.text.startswith(content)


def test_a_word_beginning_like_a_relative_pronoun_after_selon_is_the_report(claims_of, only):
    """`Selon l'AFP, quinze personnes …, dont trois enfants`: `quinze` is no `qui` clause on the source."""
    claim = only(
        claims_of("Selon l'AFP, quinze personnes ont été tuées, dont trois enfants."),
        lambda c: c.speaker_text is not None,
    )
    assert claim.speaker_text == "l'AFP" and claim.text.startswith("quinze personnes ont été tuées")
