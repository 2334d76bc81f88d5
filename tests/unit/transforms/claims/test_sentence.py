"""Claims of one sentence (`transforms.claims.sentence.extract_sentence_claims`)."""

from transforms.claims import extract_sentence_claims
from transforms.timex import tag_timex


def test_a_sentence_without_a_verb_or_a_question_in_the_articles_voice_has_no_claim(nlp):
    for text in ["Dîners fastueux, travaux, voyages.", "La pollution de l'air rend-elle bête ?"]:
        assert extract_sentence_claims(nlp(text), "a", 0, 0, len(text)) == [], text


def test_the_dates_of_the_document_given_or_tagged_here_give_the_same_claims(nlp):
    # what the sentence tags itself must be what extract passes from the whole document
    text = "Le ministre a annoncé mardi que les opérations avaient repris le 3 janvier."
    doc = nlp(text)
    spans = [(t.start, t.end) for t in tag_timex(text)]
    assert extract_sentence_claims(doc, "a", 0, 0, len(text), text, spans) == extract_sentence_claims(
        doc, "a", 0, 0, len(text)
    )


def test_the_clauses_come_first_then_the_events_of_their_relative_clauses(claims_of):
    claims = claims_of("Des roquettes ont frappé la base, mais personne n'a été blessé, selon l'armée.")
    assert [(c.text, c.polarity) for c in claims] == [
        ("Des roquettes ont frappé la base", 1),
        ("personne n'a été blessé", -1),
    ]
    reported, relative = claims_of("Selon l'armée, les rebelles, qui ont été tués mardi, avaient attaqué la base.")
    assert reported.event_key == "attaquer|base" and relative.text == "qui ont été tués mardi"
