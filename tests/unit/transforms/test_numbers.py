import pytest

from transforms.numbers_fr import parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5200", 5200),
        ("5 200", 5200),
        ("3,5", 3.5),
        ("onze", 11),
        ("vingt-cinq", 25),
        ("vingt et un", 21),
        ("deux mille", 2000),
        ("quatre-vingt", 80),
        ("cent", 100),
        ("trois cents", 300),
    ],
)
def test_numbers(text, value):
    assert parse_number(text) == value


def test_not_a_number():
    assert parse_number("soldats") is None
    assert parse_number("") is None
