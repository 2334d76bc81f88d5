import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from transforms.text_norm import fold_accents, fold_quotes, match_key


def _reference_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def test_accents_fold_in_every_script():
    assert fold_accents("État islamique, Kataïb, Ελληνικά, مُحَمَّد") == "Etat islamique, Kataib, Ελληνικα, محمد"
    assert match_key("  L’État  Islamique ") == "l'etat islamique"


@given(st.text(max_size=200))
def test_fast_fold_equals_the_unicode_definition(text):
    assert fold_accents(text) == _reference_fold(text)


def test_no_combining_character_beyond_the_scanned_planes():
    # fold_accents builds its character class from U+0300–U+1FFFF only
    assert not any(unicodedata.combining(chr(code)) for code in range(0x20000, 0x110000))


@given(st.text(alphabet=st.sampled_from("aé’‘«» “”–—\u00a0\u202f`´x"), max_size=60))
def test_quote_folding_keeps_length_and_leaves_no_typographic_mark(text):
    folded = fold_quotes(text)
    assert len(folded) == len(text)
    assert not set(folded) & set("’‘«»“”–—\u00a0\u202f`´")
