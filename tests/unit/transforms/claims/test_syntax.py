"""Token helpers (`transforms.claims.syntax`)."""


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
