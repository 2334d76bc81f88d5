"""The gender of the people named, from titles, functions in apposition and first names."""

import polars as pl

from transforms.person_gender import person_genders, role_gender, word_gender


def test_a_word_for_a_person_tells_a_gender_by_its_ending_or_the_lexicon():
    assert [word_gender(w) for w in ("actrice", "chanteuse", "députée", "ancienne", "mère")] == ["f"] * 5
    assert [word_gender(w) for w in ("acteur", "député", "ancien", "ex-président", "mari")] == ["m"] * 5
    # either sex, or a gender that is only grammatical
    assert [word_gender(w) for w in ("ministre", "journaliste", "porte-parole", "société")] == [None] * 4
    assert word_gender("victime") == word_gender("témoin") == "-"


def test_a_function_in_apposition_tells_its_holders_gender_by_its_determiner():
    assert role_gender("ministre de la Santé", "Agnès Buzyn, la ") == "f"
    assert role_gender("porte-parole du gouvernement", "X, le ") == "m"
    assert role_gender("ministre de la Santé", "Agnès Buzyn, ") is None  # no determiner, epicene noun
    assert role_gender("ancienne ministre", "X, ") == "f"
    assert role_gender("victime du séisme", "X, la ") is None  # `la victime` may be a man
    assert role_gender("guerre des chefs", "X, la ") is None  # not a noun for a person


def _genders(body: str, people: dict[str, str], roles: list[tuple[str, str]] = ()) -> dict[str, str]:
    """person_genders on one article: people id → name as written (a mention at each occurrence); roles
    (id, role as written, found in the body)."""
    mentions = [
        ("a", actor_id, start)
        for actor_id, name in people.items()
        for start in [i for i in range(len(body)) if body.startswith(name, i)]
    ]
    actors = pl.DataFrame(
        {"actor_id": list(people), "canonical_name": list(people.values()), "actor_type": ["PER"] * len(people)}
    )
    return person_genders(
        pl.DataFrame(mentions, schema=["article_id", "actor_id", "char_start"], orient="row"),
        actors,
        pl.DataFrame({"article_id": ["a"], "body": [body]}),
        pl.DataFrame(
            [("a", actor_id, role, body.index(role)) for actor_id, role in roles],
            schema=["article_id", "actor_id", "role", "char_start"],
            orient="row",
        ),
    )


def test_titles_functions_and_first_names_give_the_gender():
    body = (
        "Mme Camille Roux a répondu à M. Claude Morel. Dominique Petit, la présidente du club, "
        "a salué Patrick Cohen et Zinedine Amrani. M. Zinedine Haddad était absent. Sacha Blanc aussi."
    )
    people = {
        "roux": "Camille Roux",
        "morel": "Claude Morel",
        "petit": "Dominique Petit",
        "cohen": "Patrick Cohen",
        "amrani": "Zinedine Amrani",
        "haddad": "Zinedine Haddad",
        "blanc": "Sacha Blanc",
    }
    genders = _genders(body, people, [("petit", "présidente du club")])
    # titles and functions for first names given to both sexes; the lexicon for Patrick; a first name
    # the lexicon misses takes its titled bearer's gender; nothing is said of Sacha Blanc
    assert genders == {"roux": "f", "morel": "m", "petit": "f", "cohen": "m", "haddad": "m", "amrani": "m"}


def test_what_the_article_says_outweighs_the_first_name_and_split_evidence_is_none():
    body = "Mme Jean Martin et Marie Durand, le directeur, puis Mme Marie Durand."
    genders = _genders(body, {"martin": "Jean Martin", "durand": "Marie Durand"}, [("durand", "directeur")])
    assert genders["martin"] == "f"  # the title, not the first name
    assert genders["durand"] == "f"  # title counted twice against one function


def test_role_votes_keep_the_order_the_functions_first_appear_in():
    """The lake part of the votes (`cues_roles`) must be the same from run to run: the votes come in the order of
    the functions (a hash-based deduplication returns 600 rows in an order that changes between runs)."""
    from transforms.person_gender import role_votes

    body = "Agnès Buzyn, la ministre de la Santé, a parlé. " * 3
    start = body.index("ministre")
    roles = pl.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(600)] * 2,  # each function twice: one vote each
            "role": ["ministre de la Santé"] * 1200,
            "char_start": [start] * 1200,
        }
    )
    articles = pl.DataFrame({"article_id": [f"a{i}" for i in range(600)], "body": [body] * 600})
    votes = role_votes(roles, articles)
    assert votes["article_id"].to_list() == [f"a{i}" for i in range(600)]
    assert set(votes["gender"]) == {"f"}
