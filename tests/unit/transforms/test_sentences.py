from hypothesis import given
from hypothesis import strategies as st

from transforms.sentences import split_paragraphs, split_sentences


def _texts(body):
    return [body[a:b] for a, b in split_sentences(body)]


def test_abbreviations_and_initials_do_not_end_sentences():
    body = "M. Esper a parlé. William H. Seely III a écrit une lettre."
    assert _texts(body) == ["M. Esper a parlé.", "William H. Seely III a écrit une lettre."]


def test_a_quote_stays_with_its_attribution():
    body = '"Nous continuons. Mais rien ne bouge", a-t-il indiqué. Le calme est revenu.'
    assert _texts(body) == ['"Nous continuons. Mais rien ne bouge", a-t-il indiqué.', "Le calme est revenu."]


def test_two_quotations_that_follow_each_other_are_two_sentences():
    body = 'Il raconte : "Des gens saignaient du nez""Il n\'y avait pas assez de lits", dit-il.'
    assert _texts(body) == ['Il raconte : "Des gens saignaient du nez"', '"Il n\'y avait pas assez de lits", dit-il.']


def test_a_french_quotation_mark_with_its_space_opens_a_sentence():
    assert _texts("Il a dit « non ». « Oui », a répondu Paul.") == ["Il a dit « non ».", "« Oui », a répondu Paul."]


def test_a_quotation_that_ends_with_its_sentence_ends_it():
    body = "\"Je dis ce que j'ai à dire. Sur l'homme.\" Des juges enquêtent."
    assert _texts(body) == ["\"Je dis ce que j'ai à dire. Sur l'homme.\"", "Des juges enquêtent."]


def test_paragraphs_always_break():
    body = "Premier paragraphe sans point\n\nSecond paragraphe."
    assert _texts(body) == ["Premier paragraphe sans point", "Second paragraphe."]
    assert len(split_paragraphs(body)) == 2


@given(st.text(max_size=2000))
def test_spans_are_ordered_and_inside(text):
    previous = 0
    for start, end in split_sentences(text):
        assert previous <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous = end
