"""Raw bytes → Unicode text, or a quarantine reason.

Detects BOMs (UTF-8, UTF-16, UTF-32), tries strict UTF-8, then a statistical detector
(charset-normalizer) restricted to encodings news feeds really use, repairs mojibake (ftfy) and
normalises to NFC. Typographic quotes and apostrophes are kept.
"""

from __future__ import annotations

import codecs
import hashlib
import unicodedata
from dataclasses import dataclass

import ftfy
from charset_normalizer import from_bytes

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings a French news feed plausibly uses; the detector may only choose among these.
_CANDIDATES = ("utf_8", "cp1252", "latin_1", "iso8859_15", "utf_16", "mac_roman")
_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False, normalization="NFC"
)


@dataclass(frozen=True)
class Decoded:
    """The outcome of decoding one input: `text` and `encoding`, or a quarantine `reason`."""

    text: str | None
    encoding: str | None
    reason: str | None = None
    detail: str | None = None


def sha256_hex(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _looks_binary(raw: bytes) -> bool:
    """NUL bytes outside a UTF-16/32 text, or many C0 control characters, mean: not text."""
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > max(4, len(sample) // 100)


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text[:20000] if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\t\n\r\f")
    return bad / min(len(text), 20000)


def decode_bytes(raw: bytes, max_bytes: int = 5_000_000) -> Decoded:
    """Decode one file's bytes. Never raises: undecodable input comes back with a reason."""
    if len(raw) > max_bytes:
        return Decoded(None, None, "too_large", f"{len(raw)} bytes > limit {max_bytes}")
    if not raw.strip():
        return Decoded(None, None, "empty", f"{len(raw)} bytes of whitespace" if raw else "0 bytes")
    text: str | None = None
    encoding: str | None = None
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                text, encoding = raw.decode(codec), codec
            except UnicodeDecodeError as error:
                return Decoded(None, None, "undecodable", f"{codec} BOM but invalid data: {error.reason}")
            break
    if text is None:
        if _looks_binary(raw):
            return Decoded(None, None, "binary", "NUL or control bytes in the first 8 KiB")
        try:
            text, encoding = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            best = from_bytes(raw, cp_isolation=list(_CANDIDATES)).best()
            if best is None:
                return Decoded(None, None, "undecodable", "no candidate encoding fits the bytes")
            text, encoding = str(best), best.encoding
    text = ftfy.fix_text(text.replace("\r\n", "\n").replace("\r", "\n"), config=_FTFY_CONFIG)
    text = text.lstrip("\ufeff")
    if _control_ratio(text) > 0.01:
        return Decoded(None, encoding, "binary", "more than 1% control or unassigned characters once decoded")
    if not text.strip():
        return Decoded(None, encoding, "empty", "only whitespace once decoded")
    return Decoded(text, encoding)
