import polars as pl
import pytest

from transforms.actors import MENTION_SCHEMA, parse_dictionary, resolve_actors, translit_key

DICTIONARY = """canonical_name,actor_type,category,aliases
# comment lines are ignored
État islamique,ORG,armed_group,EI|Daesh|Etat islamique
"""


def _mentions(rows):
    return pl.DataFrame(
        [
            dict(zip(["article_id", "sentence_idx", "char_start", "char_end", "surface", "label"], r, strict=True))
            | {"dict_canonical": None, "alias_of": None}
            for r in rows
        ],
        schema=MENTION_SCHEMA,
    )


def test_transliteration_key_joins_spellings():
    assert translit_key("Qassem Soleimani") == translit_key("Qassem Souleimani")
    assert translit_key("Abou Mehdi al-Mouhandis") == translit_key("Abu Mahdi al-Muhandis")
    assert translit_key("Adel Abdul-Mahdi") == translit_key("Adel Abdel Mahdi")


def test_transliteration_key_keeps_different_people_apart():
    assert translit_key("Marie Dupont") != translit_key("Mario Dupont")
    assert translit_key("Mark Esper") != translit_key("Mark Milley")


def test_surname_joins_full_name_in_the_same_article_only():
    mentions, actors = resolve_actors(
        _mentions(
            [("a1", 0, 0, 10, "Mark Esper", "PER"), ("a1", 1, 20, 25, "Esper", "PER"), ("a2", 0, 0, 5, "Esper", "PER")]
        ),
        [],
    )
    ids = dict(zip(zip(mentions["article_id"], mentions["char_start"], strict=True), mentions["actor_id"], strict=True))
    assert ids[("a1", 0)] == ids[("a1", 20)] == "mark-esper"
    assert ids[("a2", 0)] == "esper"  # no full name in a2: not merged on a surname alone


def _ids(mentions):
    return dict(
        zip(zip(mentions["article_id"], mentions["char_start"], strict=True), mentions["actor_id"], strict=True)
    )


def test_title_and_surname_surname_and_full_name_are_one_actor():
    # « M. Esper a expliqué … », « le chef du Pentagone Mark Esper », « Esper a déclaré »: the title was
    # trimmed by clean_surface, and the short form comes before the full name
    text = "M. Esper a expliqué ne rien savoir. Le chef du Pentagone Mark Esper a démenti. Esper a déclaré."
    from transforms.actors import clean_surface

    spans = [(0, 8), (text.index("Mark"), text.index(" a démenti")), (text.index("Esper a d"), text.index(" a d"))]
    rows = []
    for sentence, (start, end) in enumerate(spans):
        start, end = clean_surface(text, start, end, "PER")
        rows.append(("a1", sentence, start, end, text[start:end], "PER"))
    assert [r[4] for r in rows] == ["Esper", "Mark Esper", "Esper"]
    mentions, actors = resolve_actors(_mentions(rows), [])
    assert set(mentions["actor_id"]) == {"mark-esper"}
    assert actors["aliases"].to_list() == [["Esper", "Mark Esper"]]


@pytest.mark.parametrize(
    ("first", "second", "short"),
    [("Marine Le Pen", "Jean-Marie Le Pen", "Le Pen"), ("John Kennedy", "Robert Kennedy", "Kennedy")],
)
def test_a_surname_two_people_of_the_article_bear_stays_apart(first, second, short):
    rows = [
        ("a1", 0, 0, len(first), first, "PER"),
        ("a1", 1, 40, 40 + len(second), second, "PER"),
        ("a1", 2, 80, 80 + len(short), short, "PER"),
    ]
    ids = _ids(resolve_actors(_mentions(rows), [])[0])
    assert len({ids[("a1", 0)], ids[("a1", 40)], ids[("a1", 80)]}) == 3


def _story(a_names, b_names, c_names=()):
    """Articles a (and c) linked to b by three shared organisations and places."""
    shared = [("Pentagone", "ORG"), ("Bagdad", "LOC"), ("Irak", "LOC")]
    rows = []
    for article, names in (("a", a_names), ("b", b_names), ("c", c_names)):
        if not names:
            continue
        entries = [*[(n, "PER") for n in names], *shared]
        rows += [(article, k, 100 * k, 100 * k + len(n), n, label) for k, (n, label) in enumerate(entries)]
    rows.append(("z", 0, 0, 5, "Esper", "PER"))  # an unrelated article: no story, no full name
    return rows


def test_a_surname_alone_joins_the_full_name_of_a_linked_article():
    ids = _ids(resolve_actors(_mentions(_story(["Mark Esper"], ["Esper"])), [])[0])
    assert ids[("a", 0)] == ids[("b", 0)] == "mark-esper"
    assert ids[("z", 0)] == "esper"


def test_a_surname_two_people_of_the_story_bear_stays_apart():
    ids = _ids(resolve_actors(_mentions(_story(["Mark Esper"], ["Esper"], ["Jane Esper"])), [])[0])
    assert ids[("a", 0)] == "mark-esper" and ids[("c", 0)] == "jane-esper"
    assert ids[("b", 0)] == "esper"


def test_the_full_name_of_the_article_wins_over_the_story():
    # b names Jane Esper itself: its `Esper` is her, whoever the linked article names
    ids = _ids(resolve_actors(_mentions(_story(["Mark Esper"], ["Jane Esper", "Esper"])), [])[0])
    assert ids[("b", 100)] == ids[("b", 0)] == "jane-esper"


def test_a_place_joins_no_person_of_another_article():
    rows = [
        (a, k, 100 * k, 100 * k + len(n), n, lab)
        for a, k, n, lab in [
            ("a", 0, "Denzel Washington", "PER"),
            ("a", 1, "Pentagone", "ORG"),
            ("a", 2, "Irak", "LOC"),
            ("b", 0, "Washington", "LOC"),
            ("b", 1, "Pentagone", "ORG"),
            ("b", 2, "Irak", "LOC"),
        ]
    ]
    ids = _ids(resolve_actors(_mentions(rows), [])[0])
    assert ids[("b", 0)] == "washington"


def test_a_surname_joins_the_dictionary_actor_its_full_name_is():
    dictionary = parse_dictionary("canonical_name,actor_type,category,aliases\nQassem Soleimani,PER,military,\n")
    rows = [("a1", 0, 0, 16, "Qassem Soleimani", "PER"), ("a1", 1, 40, 49, "Soleimani", "PER")]
    mentions, actors = resolve_actors(_mentions(rows), dictionary)
    assert set(mentions["actor_id"]) == {"qassem-soleimani"} and actors.height == 1


def test_dictionary_aliases_and_editing_the_dictionary_changes_the_result():
    rows = [("a1", 0, 0, 5, "Daesh", "ORG"), ("a2", 0, 0, 2, "EI", "ORG")]
    _, without = resolve_actors(_mentions(rows), [])
    assert without.height == 2
    _, with_dictionary = resolve_actors(_mentions(rows), parse_dictionary(DICTIONARY))
    assert with_dictionary["actor_id"].to_list() == ["etat-islamique"]
    assert with_dictionary["n_mentions"].to_list() == [2]


def test_names_extend_over_initials_and_suffixes():
    from transforms.actors import extend_name

    text = "La lettre de William H. Seely III, commandant"
    start = text.index("William")
    assert text[start : extend_name(text, start, start + len("William H"))] == "William H. Seely III"
    text = "Martin Luther King Jr. est cité"
    assert text[: extend_name(text, 0, len("Martin Luther King"))] == "Martin Luther King Jr."


def test_acronym_defined_in_parentheses():
    from transforms.actors import acronym_after

    text = "les Forces démocratiques syriennes (FDS) ont annoncé"
    end = text.index(" (FDS)")
    assert acronym_after(text, end, "Forces démocratiques syriennes")[2] == "FDS"
    assert acronym_after("la ville de Paris (AFP)", len("la ville de Paris"), "Paris") is None


def test_acronym_joins_its_full_form_within_the_article():
    rows = [("a1", 0, 0, 30, "Forces démocratiques syriennes", "ORG"), ("a1", 2, 80, 83, "FDS", "ORG")]
    frame = _mentions(rows).with_columns(
        pl.when(pl.col("surface") == "FDS")
        .then(pl.lit("Forces démocratiques syriennes"))
        .otherwise(None)
        .alias("alias_of")
    )
    mentions, actors = resolve_actors(frame, [])
    assert mentions["actor_id"].n_unique() == 1
    assert sorted(actors["aliases"][0]) == ["FDS", "Forces démocratiques syriennes"]


def test_expansion_in_parentheses_after_an_acronym():
    from transforms.actors import expansion_pairs

    text = "Nicolas Sarkozy venait de reprendre l'UMP (Union pour un mouvement populaire) et"
    acronym = (text.index("UMP"), text.index("UMP") + 3)
    name = "Union pour un mouvement populaire"
    expansion = (text.index(name), text.index(name) + len(name))
    assert expansion_pairs(text, [acronym, expansion]) == [(0, 1)]
    text = "le PS (Paris) a voté"
    assert expansion_pairs(text, [(3, 5), (7, 12)]) == []  # a place in parentheses is not an expansion


def test_trailing_function_words_are_trimmed_from_a_span():
    from transforms.actors import clean_surface

    text = "le député du XIXe arrondissement de Paris"
    start = text.index("XIXe")
    end = text.index(" Paris")
    assert text[slice(*clean_surface(text, start, end))] == "XIXe arrondissement"


def test_title_without_its_article_finds_the_dictionary_entry():
    dictionary = parse_dictionary("canonical_name,actor_type,category,aliases\nLe Monde,ORG,media,\n")
    mentions, _ = resolve_actors(_mentions([("a1", 0, 0, 5, "Monde", "ORG")]), dictionary)
    assert mentions["actor_id"].to_list() == ["le-monde"]
    # a multi-word place is not looked up with an article
    mentions, _ = resolve_actors(_mentions([("a1", 0, 0, 11, "Monde Arabe", "LOC")]), dictionary)
    assert mentions["actor_id"].to_list() == ["monde-arabe"]


def test_misspelt_person_joins_only_with_the_same_first_name():
    rows = [
        ("a1", 0, 0, 15, "Nicolas Sarkozy", "PER"),
        ("a1", 2, 50, 64, "Nicolas Sarozy", "PER"),  # a typo, in the same article
        ("a1", 3, 90, 97, "Sarkozy", "PER"),
        ("a2", 0, 0, 12, "Carlos Ghosn", "PER"),
        ("a2", 1, 30, 42, "Carole Ghosn", "PER"),  # his wife
        ("a3", 0, 0, 12, "Jean Martins", "PER"),
        ("a4", 0, 0, 11, "Jean Martin", "PER"),  # one edit apart, never together, as frequent: namesakes
    ]
    mentions, _ = resolve_actors(_mentions(rows), [])
    ids = dict(zip(mentions["surface"], mentions["actor_id"], strict=True))
    assert ids["Sarkozy"] == ids["Nicolas Sarozy"] == ids["Nicolas Sarkozy"] == "nicolas-sarkozy"
    assert ids["Carlos Ghosn"] != ids["Carole Ghosn"]
    assert ids["Jean Martins"] != ids["Jean Martin"]


def test_dictionary_capitalised_names_do_not_match_ordinary_words(nlp):
    doc = nlp("Dans le monde entier, la libération des otages est saluée, selon Le Monde et l'Otan.")
    found = {(e.text, e.ent_id_) for e in doc.ents if e.ent_id_}
    assert ("le monde", "Le Monde") not in found and ("libération", "Libération") not in found
    assert ("Le Monde", "Le Monde") in found
    assert ("Otan", "Organisation du traité de l'Atlantique nord") in found


def test_a_function_in_apposition_belongs_to_its_holder_not_to_its_complement(nlp):
    from transforms.actors import apposition_roles

    text = (
        "Julie Gayet, la compagne de François Hollande, a démenti. "
        "Le porte-parole de la coalition Myles Caggins a parlé. L'avocat de Paul Martin s'est tu."
    )
    starts = {text.index(n): n for n in ("Julie Gayet", "François Hollande", "Myles Caggins", "Paul Martin")}
    persons = [(start, start + len(name)) for start, name in starts.items()]
    roles = {starts[p]: text[a:b] for p, a, b in apposition_roles(nlp(text), persons)}
    # `compagne` is not François Hollande's function, nor `avocat` Paul Martin's: they are its complement
    assert "François Hollande" not in roles and "Paul Martin" not in roles
    assert roles["Myles Caggins"] == "porte-parole de la coalition"


@pytest.mark.parametrize(
    ("surface", "label", "cleaned"),
    [
        ("Laurent Fabius", "PER", "Laurent Fabius"),  # `La`, `Du`, `Au` inside a name are no determiners
        ("Latifa Ibn Ziaten", "PER", "Latifa Ibn Ziaten"),
        ("Dupont-Aignan", "PER", "Dupont-Aignan"),
        ("Audrey Azoulay", "PER", "Audrey Azoulay"),
        ("Lecornu", "PER", "Lecornu"),
        ("la coalition", "ORG", "coalition"),
        ("Le Pentagone", "ORG", "Pentagone"),
        ("Le Pen", "PER", "Le Pen"),
        ("de l'Élysée", "ORG", "Élysée"),
        ("Les Républicains", "ORG", "Républicains"),
        ("M. Esper", "PER", "Esper"),  # a title before a surname
        ("Mme Le Pen", "PER", "Le Pen"),
        ("le président Le Pen", "PER", "Le Pen"),
        ("le sénateur Bernie Sanders", "PER", "Bernie Sanders"),
        ("la juge Dupont", "PER", "Dupont"),
        ("Dr. Fauci", "PER", "Fauci"),
        ("Monsieur Macron", "PER", "Macron"),
        ("Madame Figaro", "ORG", "Madame Figaro"),
        ("le pape François", "PER", "pape François"),  # a regnal name is no surname: its title stays
        ("maire adjoint", "PER", "maire adjoint"),  # a title only before a capitalised name
        ("Maire de Paris", "LOC", "Maire de Paris"),  # and only in a person's name
    ],
)
def test_clean_surface_trims_only_whole_determiners(surface, label, cleaned):
    from transforms.actors import clean_surface

    start, end = clean_surface(surface, 0, len(surface), label)
    assert surface[start:end] == cleaned
