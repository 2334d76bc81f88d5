"""Raw bytes → Unicode text, or a quarantine reason.

Detects BOMs (UTF-8, UTF-16, UTF-32), tries strict UTF-8, then a statistical detector
(charset-normalizer) restricted to encodings news feeds really use, repairs mojibake (ftfy) and
normalises to NFC. Typographic quotes and apostrophes are kept.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass

import ftfy
from charset_normalizer import from_bytes
from ftfy.badness import is_bad

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


_C0_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _looks_binary(raw: bytes) -> bool:
    """NUL bytes outside a UTF-16/32 text, or many C0 control characters, mean: not text."""
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _C0_CONTROLS))
    return controls > max(4, len(sample) // 100)


# UTF-8 read as Latin-1/cp1252 leaves these pairs (`Ã©`, `â€™`, `Â `); only then is ftfy's test worth it
_MOJIBAKE_HINT = re.compile("[ÃÂ][\x80-\xbf\u0152-\u2122]|â€|Ã©|Ã¨")


def _has_mojibake_hint(text: str) -> bool:
    # substring tests run at C speed; the regex runs only on the rare text holding `Ã`, `Â` or `â€`
    return ("Ã" in text or "Â" in text or "â€" in text) and bool(_MOJIBAKE_HINT.search(text))


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffe\uffff]")


def _control_ratio(text: str) -> float:
    """Share of control and private-use characters in the first 20,000 characters."""
    sample = text[:20000]
    return len(_CONTROL.findall(sample)) / len(sample) if sample else 0.0


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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # ftfy is costly; run it only where mojibake is plausible (its own quick badness test)
    text = (
        ftfy.fix_text(text, config=_FTFY_CONFIG)
        if _has_mojibake_hint(text) and is_bad(text)
        else unicodedata.normalize("NFC", text)
    )
    text = text.lstrip("\ufeff")
    if _control_ratio(text) > 0.01:
        return Decoded(None, encoding, "binary", "more than 1% control or unassigned characters once decoded")
    if not text.strip():
        return Decoded(None, encoding, "empty", "only whitespace once decoded")
    return Decoded(text, encoding)
