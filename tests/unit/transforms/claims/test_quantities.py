"""The counted quantity of a claim (`transforms.claims.quantities`)."""

import pytest


def test_quantities_with_comparators(claims_of):
    (claim,) = claims_of("Les États-Unis ont déployé plus de 5000 soldats.")
    assert (claim.quantity, claim.quantity_unit, claim.quantity_op) == (5000, "soldat", ">")
    (claim,) = claims_of("Le gouvernement a annoncé le déploiement de 3000 à 3500 soldats.")
    assert (claim.quantity, claim.quantity_op, claim.quantity_max) == (3000, "range", 3500)


def test_counts_leave_out_articles_labels_and_read_scales(claims_of):
    (article,) = claims_of("Un séisme a été enregistré mercredi.")
    (label,) = claims_of("Un séisme de magnitude 4,9 a été enregistré mercredi.")
    assert article.quantity is None and label.quantity is None  # `un` is an article, `4,9` a measure
    (toll,) = claims_of("Un policier a été tué mercredi.")
    assert (toll.quantity, toll.quantity_unit) == (1, "policier")  # in a toll, one victim is a count
    (scaled,) = claims_of("Cela dégagerait 1,2 milliard d'euros par an, selon l'UFC.")
    assert (scaled.quantity, scaled.quantity_unit) == (1.2e9, "euro")


def test_an_age_is_not_a_count_of_the_event(claims_of):
    (hit,) = claims_of("La victime a été frappée par son compagnon, le père du bébé, âgé de 19 ans.")
    assert hit.quantity is None
    (apposition,) = claims_of("La victime, 20 ans, a été frappée par son compagnon.")
    assert apposition.quantity is None
    (sentence,) = claims_of("Le tribunal l'a condamné à 20 ans de prison.")
    assert (sentence.quantity, sentence.quantity_unit) == (20, "an")  # a sentence's length is counted


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Les 15 missiles tirés par l'Iran avaient fait 80 morts, selon la télévision d'Etat.", 80),
        ("Trois passants ont été blessés dans l'explosion.", 3),
        # the weapon or the strike around a casualty is no count of its victims
        ("Le général, tué dans une frappe américaine, a été enterré mardi.", None),
        ("Deux roquettes ont blessé le gardien.", None),
    ],
)
def test_a_toll_counts_its_victims_not_the_weapons_or_the_strike(claims_of, text, count):
    claims = [c for c in claims_of(text) if c.event_key.split("|")[0] in {"tuer", "blesser"}]
    assert claims and {c.quantity for c in claims} == {count}


@pytest.mark.parametrize(
    ("text", "count", "op", "upper"),
    [
        ("Le bilan est de 2 012 morts.", 2012, "=", None),
        ("Au moins 46 600 manifestants ont défilé.", 46600, ">", None),
        ("Entre 2 000 à 3 500 soldats seront déployés.", 2000, "range", 3500),
        ("En 2019 250 personnes ont été tuées.", 250, "=", None),  # (a year is no group of thousands)
    ],
)
def test_thousands_set_apart_by_a_space_are_one_number(claims_of, text, count, op, upper):
    (claim,) = [c for c in claims_of(text) if c.quantity is not None]
    assert (claim.quantity, claim.quantity_op, claim.quantity_max) == (count, op, upper)
