"""Input files → raw dispatch records, or quarantine records. Pure: bytes and a name in, records out.

Formats, chosen by the file name (after removing `.gz`):
- `.txt`, `.text`, `.md`: one dispatch per file;
- `.html`, `.htm`: main text extracted with trafilatura, with the page's title and date metadata;
- `.json`: one object (one dispatch) or a list of objects (one each);
- `.jsonl`, `.ndjson`: one object per line; a line that is not valid JSON is quarantined on its own
  and its neighbours still load (`source_uri` is `feed.jsonl#42`, 1-based line numbers);
- any of these compressed with gzip (`.gz`, or gzip magic bytes).

JSON field mapping (the first present, case-insensitive): text ← `text`, `article`, `body`, `content`,
`story`; lead ← `heading`, `lead`, `chapo`, `standfirst`, `summary`, `description` (prepended to the
text); title ← `title`, `headline`; date ← `date`, `published`, `published_at`, `publication_date`,
`datePublished`, `pubDate`; outlet ← `source`, `outlet`, `publisher`, `site_name`, `media`;
id ← `id`, `guid`; url ← `url`, `link`.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import zlib
from dataclasses import dataclass, field

from transforms.decode import decode_bytes, sha256_hex

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
FIELDS = {
    "text": ("text", "article", "body", "content", "story"),
    "lead": ("heading", "lead", "chapo", "standfirst", "summary", "description"),
    "title": ("title", "headline"),
    "date": ("date", "published", "published_at", "publication_date", "datepublished", "pubdate"),
    "outlet": ("source", "outlet", "publisher", "site_name", "media"),
    "id": ("id", "guid"),
    "url": ("url", "link"),
}
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass
class RawRecord:
    """One dispatch to clean, or (with `reason`) one input to quarantine."""

    source_uri: str
    content_sha256: str | None
    text: str | None = None
    encoding: str | None = None
    reason: str | None = None
    detail: str | None = None
    meta: dict[str, str | None] = field(default_factory=dict)


def _quarantine(uri: str, raw: bytes | None, reason: str, detail: str) -> RawRecord:
    return RawRecord(uri, sha256_hex(raw) if raw is not None else None, reason=reason, detail=detail)


def _gunzip(raw: bytes, limit: int) -> bytes:
    """Decompress at most `limit + 1` bytes (a zip bomb stops there and is reported as too large)."""
    with gzip.GzipFile(fileobj=io.BytesIO(raw)) as handle:
        return handle.read(limit + 1)


def _pick(obj: dict, names: tuple[str, ...]) -> str | None:
    lowered = {str(k).lower(): v for k, v in obj.items()}
    for name in names:
        value = lowered.get(name)
        if isinstance(value, dict):  # {"source": {"name": "AFP"}}
            value = value.get("name") or value.get("title")
        if value not in (None, "") and not isinstance(value, (list, dict)):
            return str(value)
    return None


def _iso_day(value: str | None) -> str | None:
    """`2020-01-16T10:00:00Z`, `2020-01-16` → `2020-01-16`; anything else → None."""
    if not value:
        return None
    match = _ISO_DAY.search(value)
    return "-".join(match.groups()) if match else None


def record_from_object(uri: str, raw: bytes, obj: object) -> RawRecord:
    """A JSON object → a dispatch (or quarantine when it has no text field)."""
    if not isinstance(obj, dict):
        return _quarantine(uri, raw, "not_a_dispatch", f"JSON {type(obj).__name__}, not an object")
    text = _pick(obj, FIELDS["text"])
    if not text or not text.strip():
        return _quarantine(uri, raw, "not_a_dispatch", f"no text field (looked for {', '.join(FIELDS['text'])})")
    lead = _pick(obj, FIELDS["lead"])
    title = _pick(obj, FIELDS["title"])
    parts = [p for p in (title, lead, text) if p and p.strip()]
    meta = {
        "title": title,
        "date": _iso_day(_pick(obj, FIELDS["date"])),
        "outlet": _pick(obj, FIELDS["outlet"]),
        "external_id": _pick(obj, FIELDS["id"]),
        "url": _pick(obj, FIELDS["url"]),
    }
    decoded = decode_bytes("\n\n".join(parts).encode("utf-8"))  # same repairs as files (mojibake, NFC)
    if decoded.reason:
        return _quarantine(uri, raw, decoded.reason, decoded.detail or "")
    return RawRecord(uri, sha256_hex(raw), decoded.text, "utf-8", meta=meta)


def _html_record(uri: str, raw: bytes, max_bytes: int) -> RawRecord:
    decoded = decode_bytes(raw, max_bytes)
    if decoded.reason:
        return _quarantine(uri, raw, decoded.reason, decoded.detail or "")
    import trafilatura  # imported here: heavy, and only HTML inputs need it

    try:
        document = trafilatura.bare_extraction(
            decoded.text,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # noqa: BLE001 - a broken page must not stop the run
        return _quarantine(uri, raw, "not_a_dispatch", f"HTML extraction failed: {error}")
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        return _quarantine(uri, raw, "not_a_dispatch", "no main text found in the HTML page")
    title = getattr(document, "title", None)
    lines = text.split("\n")
    if title and lines and lines[0].strip() == title.strip():
        text = "\n".join(lines[1:])  # trafilatura repeats the headline as the first line
    meta = {
        "title": title,
        "date": _iso_day(getattr(document, "date", None)),
        "outlet": getattr(document, "sitename", None),
        "url": getattr(document, "url", None),
    }
    body = "\n\n".join(line for line in text.split("\n") if line.strip())
    return RawRecord(uri, sha256_hex(raw), body, decoded.encoding, meta=meta)


_TOO_DEEP = "JSON nested deeper than the decoder's recursion limit"


def _list_item(uri: str, item: object) -> RawRecord:
    """One element of a JSON list, identified by its own canonical bytes."""
    try:
        raw = json.dumps(item, sort_keys=True).encode()
    except RecursionError:
        return _quarantine(uri, None, "undecodable", _TOO_DEEP)
    return record_from_object(uri, raw, item)


def read_input(uri: str, raw: bytes, max_bytes: int = 5_000_000) -> list[RawRecord]:
    """Every record of one input file. Never raises."""
    name = uri.lower()
    if name.endswith(".gz") or raw[:2] == b"\x1f\x8b":
        try:
            inner = _gunzip(raw, max_bytes)
        except (OSError, EOFError, zlib.error) as error:
            return [_quarantine(uri, raw, "unreadable", f"gzip: {error}")]
        if len(inner) > max_bytes:
            return [_quarantine(uri, raw, "too_large", f"more than {max_bytes} bytes once decompressed")]
        inner_uri = uri[:-3] if name.endswith(".gz") else uri
        records = read_input(inner_uri, inner, max_bytes)
        digest = sha256_hex(raw)
        for record in records:  # identify records by the file as it is on disk
            record.source_uri = uri + record.source_uri[len(inner_uri) :]
            if "#" not in record.source_uri:
                record.content_sha256 = digest
        return records
    if name.endswith(TEXT_SUFFIXES):
        decoded = decode_bytes(raw, max_bytes)
        if decoded.reason:
            return [_quarantine(uri, raw, decoded.reason, decoded.detail or "")]
        return [RawRecord(uri, sha256_hex(raw), decoded.text, decoded.encoding)]
    if name.endswith(HTML_SUFFIXES):
        return [_html_record(uri, raw, max_bytes)]
    if name.endswith(JSON_SUFFIXES + JSONL_SUFFIXES):
        if len(raw) > max_bytes * 20:
            return [_quarantine(uri, raw, "too_large", f"{len(raw)} bytes > {max_bytes * 20}")]
        decoded = decode_bytes(raw, max_bytes * 20)
        if decoded.reason:
            return [_quarantine(uri, raw, decoded.reason, decoded.detail or "")]
        if name.endswith(JSON_SUFFIXES):
            try:
                obj = json.loads(decoded.text)
            except json.JSONDecodeError as error:
                return [_quarantine(uri, raw, "undecodable", f"invalid JSON: {error}")]
            except RecursionError:
                return [_quarantine(uri, raw, "undecodable", _TOO_DEEP)]
            items = obj if isinstance(obj, list) else [obj]
            if len(items) == 1:
                return [record_from_object(uri, raw, items[0])]
            return [_list_item(f"{uri}#{i + 1}", item) for i, item in enumerate(items)]
        records = []
        for number, line in enumerate(decoded.text.split("\n"), start=1):
            if not line.strip():
                continue
            line_uri, line_bytes = f"{uri}#{number}", line.encode("utf-8")
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as error:
                records.append(_quarantine(line_uri, line_bytes, "undecodable", f"invalid JSON line: {error}"))
                continue
            except RecursionError:
                records.append(_quarantine(line_uri, line_bytes, "undecodable", _TOO_DEEP))
                continue
            records.append(record_from_object(line_uri, line_bytes, obj))
        return records or [_quarantine(uri, raw, "empty", "no JSON line")]
    return [_quarantine(uri, raw, "not_a_dispatch", f"unsupported file type: {uri.rsplit('/', 1)[-1]}")]
