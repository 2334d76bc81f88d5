"""The macros the views share (`warehouse/macros/`)."""

from datetime import date

import pytest


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("qui a tué le général iranien Qassem Soleimani", "A tué le général iranien Qassem Soleimani"),
        (
            "Les tensions en Irak étaient en hausse depuis fin décembre, lorsqu'une attaque à la roquette a tué",
            "Les tensions en Irak étaient en hausse depuis fin décembre",
        ),
        (
            "qu'elles constituent une « violation de la souveraineté »",
            "Elles constituent une violation de la souveraineté",
        ),
        ("après que les États-Unis ont lancé une frappe", "Les États-Unis ont lancé une frappe"),
        (
            "Des frappes aériennes américaines ont visé des milices soutenues par l'Iran sur cinq sites en Irak et en "
            "Syrie, y compris des dépôts",
            "Des frappes aériennes américaines ont visé des milices soutenues par l'Iran sur cinq…",
        ),
        ("« ", None),
    ],
)
def test_clause_label(con, text, label):
    assert con.execute("select clause_label(?)", [text]).fetchall() == [(label,)]


@pytest.mark.parametrize(
    ("text", "subject", "label", "lacks_subject"),
    [
        # the subject the clause leaves out, put back: an event description, no dangling auxiliary
        (
            "qui a tué le général iranien Qassem Soleimani",
            "une attaque de drone américaine",
            "Une attaque de drone américaine a tué le général iranien Qassem Soleimani",
            False,
        ),
        ("et ont blessé onze soldats", "Des missiles iraniens", "Des missiles iraniens ont blessé onze soldats", False),
        # no subject found: the clause as before, marked as lacking one
        ("qui a tué le général iranien Qassem Soleimani", None, "A tué le général iranien Qassem Soleimani", True),
        ("s'est rendu à Bagdad mardi", None, "S'est rendu à Bagdad mardi", True),
        # `A` before a name is the preposition written without its accent
        ("A Paris, la police a interpellé deux hommes", None, "A Paris, la police a interpellé deux hommes", False),
    ],
)
def test_claim_label_puts_back_the_subject_a_clause_leaves_out(con, text, subject, label, lacks_subject):
    assert con.execute("select claim_label(?, ?)", [text, subject]).fetchall() == [(label,)]
    assert con.execute("select lacks_subject(claim_label(?, ?))", [text, subject]).fetchall() == [(lacks_subject,)]


@pytest.mark.parametrize(
    ("negation", "denies_every_instance"),
    [
        ("personne … n'… ni", True),  # `personne n'a été tué ni blessé`
        ("Aucune … n'", True),
        ("ne … nulle part", True),
        ("n'… pas", False),  # `il n'a pas été tué`: a pronoun's denial
        ("démentir (n'… pas)", False),
        (None, False),
    ],
)
def test_a_negative_quantifier_denies_every_instance(con, negation, denies_every_instance):
    assert con.execute("select is_quantifier_denial(?)", [negation]).fetchall() == [(denies_every_instance,)]


@pytest.mark.parametrize(
    ("op", "quantity", "upper", "unit", "label"),
    [
        (">", 2000000.0, None, "personne", "more than 2000000 personne"),
        ("~", 400000.0, None, "personne", "about 400000 personne"),
        ("range", 3000.0, 3500.0, "soldat", "3000–3500 soldat"),
        ("=", 1.5, None, None, "1.5"),
    ],
)
def test_count_label(con, op, quantity, upper, unit, label):
    assert con.execute("select count_label(?, ?, ?, ?)", [op, quantity, upper, unit]).fetchall() == [(label,)]


@pytest.mark.parametrize(
    ("first", "last", "label"),
    [
        (date(2014, 1, 1), date(2014, 12, 31), "2014"),
        (date(2020, 1, 1), date(2020, 1, 31), "2020-01"),
        (date(2020, 1, 5), date(2020, 1, 5), "2020-01-05"),
        (date(2020, 1, 13), date(2020, 1, 19), "2020-01-13 – 2020-01-19"),
    ],
)
def test_date_label(con, first, last, label):
    assert con.execute("select date_label(?::date, ?::date)", [first, last]).fetchall() == [(label,)]


def test_event_class_macros_read_the_event_classes_table(con):
    # `tuer` is a casualty, counted, tallied and told once (`transforms/lexicons/event_classes.csv`)
    flags = "is_casualty_event(k), is_counted_event(k), is_tallied_event(k), is_once_event(k)"
    assert con.execute(f"select {flags} from (select 'tuer|homme' as k)").fetchall() == [(True, True, True, True)]
    con.execute("delete from event_classes where event_class = 'tuer'")
    assert con.execute(f"select {flags} from (select 'tuer|homme' as k)").fetchall() == [(False, False, False, False)]
