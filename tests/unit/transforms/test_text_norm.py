import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from transforms.text_norm import fold_accents, match_key


def _reference_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def test_accents_fold_in_every_script():
    assert fold_accents("État islamique, Kataïb, Ελληνικά, مُحَمَّد") == "Etat islamique, Kataib, Ελληνικα, محمد"
    assert match_key("  L’État  Islamique ") == "l'etat islamique"


@given(st.text(max_size=200))
def test_fast_fold_equals_the_unicode_definition(text):
    assert fold_accents(text) == _reference_fold(text)
