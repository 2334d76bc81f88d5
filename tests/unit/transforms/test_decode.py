from hypothesis import given
from hypothesis import strategies as st

from transforms.decode import decode_bytes

TEXT = "Les autorités irakiennes ont démenti jeudi l’information."


def test_utf8_plain_and_with_bom():
    assert decode_bytes(TEXT.encode("utf-8")).text == TEXT
    assert decode_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8")).text == TEXT


def test_utf16_with_bom():
    decoded = decode_bytes(TEXT.encode("utf-16"))
    assert decoded.text == TEXT and decoded.reason is None


def test_windows_1252_is_detected():
    # é, è and the typographic apostrophe all exist in cp1252 and are invalid UTF-8
    decoded = decode_bytes(TEXT.encode("cp1252"))
    assert decoded.text == TEXT


def test_mojibake_is_repaired():
    broken = TEXT.encode("utf-8").decode("latin-1")  # "autoritÃ©s": UTF-8 read as Latin-1
    assert decode_bytes(broken.encode("utf-8")).text == TEXT


def test_quarantine_reasons():
    assert decode_bytes(b"").reason == "empty"
    assert decode_bytes(b"  \n\t ").reason == "empty"
    assert decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))).reason == "binary"
    assert decode_bytes(b"x" * 200, max_bytes=100).reason == "too_large"


@given(st.binary(max_size=2000))
def test_never_raises_on_arbitrary_bytes(raw):
    decoded = decode_bytes(raw)
    assert (decoded.text is None) == (decoded.reason is not None)
