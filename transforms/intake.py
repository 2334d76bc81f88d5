"""Intake: what a run makes of its input files before extraction. Pure: bytes and records in, rows out (the flow
reads the files and writes the rows, `flows/pipeline.py`).

- `intake_files`: the records of a batch of files (one per dispatch), and the account of the inputs that give
  none: unreadable files and inputs the readers quarantine, and files read before with the same content, whose
  earlier inputs are replayed as `unchanged` (every run accounts for every input);
- `clean_records`: cleaned records as article rows (content-derived id, language, fingerprint; the metadata an
  input gives wins over what its text suggests);
- `admit_articles`: which cleaned records are quarantined (`clean_error`, `too_long`, `not_a_dispatch`), which
  are new articles and which duplicate an article already known, with the input and quarantine rows saying so;
- `count_inputs`: a run's counts of inputs, quarantined inputs, new articles and duplicates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import polars as pl

from transforms.clean import CLEAN_SCHEMA, clean_articles
from transforms.decode import sha256_hex
from transforms.identity import article_id_for, detect_language, not_prose_reason
from transforms.readers import RawRecord, read_input
from transforms.text_norm import content_key

INPUT_SCHEMA = {
    "source_uri": pl.String,
    "content_sha256": pl.String,
    "container_uri": pl.String,
    "container_sha256": pl.String,
    "article_id": pl.String,
    "status": pl.String,  # article | duplicate | quarantined | unchanged | unchanged-quarantined
    "run_id": pl.String,
    "seen_at": pl.Datetime("us"),
}
QUARANTINE_SCHEMA = {
    "source_uri": pl.String,
    "content_sha256": pl.String,
    "reason": pl.String,
    "detail": pl.String,
    "run_id": pl.String,
    "quarantined_at": pl.Datetime("us"),
}
DOCUMENT_SCHEMA = {
    "article_id": pl.String,
    "source_uri": pl.String,
    "content_sha256": pl.String,
    "encoding": pl.String,
    "language": pl.String,
    "ingested_at": pl.Datetime("us"),
    "run_id": pl.String,
    # what the cleaner gives (body, title, outlet, section, dateline, byline, agencies, captions, …)
    **{name: dtype for name, dtype in CLEAN_SCHEMA.items() if name != "doc_key"},
    "metadata_date": pl.String,
    "url": pl.String,
    "external_id": pl.String,
    "minhash": pl.List(pl.UInt64),
}
CLEANED_SCHEMA = {**DOCUMENT_SCHEMA, "container_uri": pl.String, "container_sha256": pl.String}

# the earlier inputs of a file, by (container_uri, container_sha256): rows of INPUT_SCHEMA
Seen = dict[tuple[str, str], list[dict]]


@dataclass(frozen=True)
class Intake:
    """What a batch of files gives: `records` to clean (dicts: `doc_key`, `source_uri`, `content_sha256`,
    `container_uri`, `container_sha256`, `text`, `encoding`, `meta_title`, `meta_date`, `meta_outlet`, `url`,
    `external_id`), and the input and quarantine rows of the inputs that give no record."""

    records: list[dict]
    inputs: pl.DataFrame
    quarantined: pl.DataFrame


@dataclass(frozen=True)
class Admission:
    """What a chunk of cleaned records gives: the new `articles` (DOCUMENT_SCHEMA, one per new article id), and
    the input and quarantine rows of every record of the chunk."""

    articles: pl.DataFrame
    inputs: pl.DataFrame
    quarantined: pl.DataFrame


@dataclass(frozen=True)
class InputCounts:
    n_inputs: int
    n_quarantined: int
    n_articles_new: int
    n_duplicates: int


def input_row(
    source_uri: str,
    content_sha256: str | None,
    container_uri: str,
    container_sha256: str | None,
    status: str,
    article_id: str | None,
    run_id: str,
    seen_at: datetime,
) -> dict:
    """One row of INPUT_SCHEMA."""
    return {
        "source_uri": source_uri,
        "content_sha256": content_sha256,
        "container_uri": container_uri,
        "container_sha256": container_sha256,
        "article_id": article_id,
        "status": status,
        "run_id": run_id,
        "seen_at": seen_at,
    }


def quarantine_row(
    source_uri: str, content_sha256: str | None, reason: str, detail: str | None, run_id: str, at: datetime
) -> dict:
    """One row of QUARANTINE_SCHEMA."""
    return {
        "source_uri": source_uri,
        "content_sha256": content_sha256,
        "reason": reason,
        "detail": detail,
        "run_id": run_id,
        "quarantined_at": at,
    }


def previous_inputs(inputs: pl.DataFrame) -> Seen:
    """Args: the lake's input rows. Returns: the inputs each file gave when it was last read, by the file's
    (`container_uri`, `container_sha256`): what `intake_files` replays for a file read before with the same
    content, in the order the lake holds them (a replay writes them in the same order every run). Inputs written
    before files were recorded (no `container_sha256`) are left out."""
    seen: Seen = {}
    replayed = inputs.unique(["source_uri", "container_sha256"], keep="first", maintain_order=True)
    for row in replayed.iter_rows(named=True):
        if row["container_sha256"]:
            seen.setdefault((row["container_uri"], row["container_sha256"]), []).append(row)
    return seen


def _record_row(record: RawRecord, container_uri: str, container_sha256: str) -> dict:
    return {
        "doc_key": f"{record.source_uri}#{record.content_sha256}",
        "source_uri": record.source_uri,
        "content_sha256": record.content_sha256,
        "container_uri": container_uri,
        "container_sha256": container_sha256,
        "text": record.text,
        "encoding": record.encoding,
        "meta_title": record.meta.get("title"),
        "meta_date": record.meta.get("date"),
        "meta_outlet": record.meta.get("outlet"),
        "url": record.meta.get("url"),
        "external_id": record.meta.get("external_id"),
    }


def intake_files(
    files: Iterable[tuple[str, bytes | OSError]], seen: Seen, max_bytes: int, run_id: str, now: datetime
) -> Intake:
    """Args: (`uri`, the file's bytes or the error that made it unreadable) per file, in the order read; the
    earlier inputs of the files read before (`previous_inputs`). Returns: the records to clean, one per dispatch
    (`read_input`), and the input and quarantine rows of the inputs that give none, in the order found.

    A file read before with the same content is not read again: its earlier inputs are replayed as `unchanged`
    (`unchanged-quarantined` for those that gave no article)."""
    records: list[dict] = []
    inputs: list[dict] = []
    quarantined: list[dict] = []
    for uri, raw in files:
        if isinstance(raw, OSError):
            quarantined.append(quarantine_row(uri, None, "unreadable", str(raw), run_id, now))
            inputs.append(input_row(uri, None, uri, None, "quarantined", None, run_id, now))
            continue
        digest = sha256_hex(raw)
        if (uri, digest) in seen:
            for previous in seen[(uri, digest)]:
                status = "unchanged-quarantined" if previous["article_id"] is None else "unchanged"
                source, sha, article = previous["source_uri"], previous["content_sha256"], previous["article_id"]
                inputs.append(input_row(source, sha, uri, digest, status, article, run_id, now))
            continue
        for record in read_input(uri, raw, max_bytes):
            if record.reason:
                source, sha = record.source_uri, record.content_sha256
                quarantined.append(quarantine_row(source, sha, record.reason, record.detail, run_id, now))
                inputs.append(input_row(source, sha, uri, digest, "quarantined", None, run_id, now))
            else:
                records.append(_record_row(record, uri, digest))
    return Intake(
        records, pl.DataFrame(inputs, schema=INPUT_SCHEMA), pl.DataFrame(quarantined, schema=QUARANTINE_SCHEMA)
    )


def clean_records(records: list[dict], run_id: str, now: datetime) -> pl.DataFrame:
    """Args: records of `intake_files`. Returns: one row per record, ids not deduplicated (the columns of
    CLEANED_SCHEMA; one no record fills, such as `url`, may be of type Null): the cleaned text, its content-derived
    `article_id`, `language` and `minhash`. Metadata given by the input (JSON fields, HTML meta) wins over what
    the text suggests."""
    # imported here: the lake's catalog imports this module's schemas, and a run with nothing to do should not
    # pay for datasketch
    from transforms.near_duplicates import minhash_signatures

    if not records:
        return pl.DataFrame(schema=CLEANED_SCHEMA)
    raw = pl.DataFrame(records, infer_schema_length=None)
    cleaned = clean_articles(raw.select("doc_key", "text"))
    frame = raw.drop("text").join(cleaned, on="doc_key", how="left")
    bodies = frame["body"].to_list()
    keys = [content_key(body) for body in bodies]
    frame = frame.with_columns(
        pl.Series("article_id", [article_id_for(b, k) for b, k in zip(bodies, keys, strict=True)], pl.String),
        pl.Series("language", [detect_language(b) for b in bodies], pl.String),
        pl.Series("minhash", minhash_signatures(keys), pl.List(pl.UInt64)),
        pl.lit(now).cast(pl.Datetime("us")).alias("ingested_at"),
        pl.lit(run_id).alias("run_id"),
        pl.coalesce("meta_title", "title").alias("title"),
        pl.coalesce("meta_outlet", "outlet").alias("outlet"),
        pl.col("meta_date").alias("metadata_date"),
    )
    return frame.select(list(CLEANED_SCHEMA))


def rejection(body: str | None, max_body_chars: int) -> tuple[str, str] | None:
    """Why a cleaned body is no article to extract: (`too_long`, detail) over `max_body_chars` characters,
    (`not_a_dispatch`, detail) when it is not prose (`not_prose_reason`); None for an article."""
    body = body or ""
    if len(body) > max_body_chars:
        return "too_long", f"{len(body):,} characters of text, over max_body_chars ({max_body_chars:,})"
    detail = not_prose_reason(body)
    return ("not_a_dispatch", detail) if detail else None


def admit_articles(
    records: list[dict],
    cleaned: pl.DataFrame,
    failures: list[tuple[dict, str]],
    known: set[str],
    max_body_chars: int,
    run_id: str,
    now: datetime,
) -> Admission:
    """Args: a chunk of records, their rows cleaned (`clean_records`), the records whose cleaning raised (with
    the error), the article ids the lake already holds. Returns: the chunk's new articles (the first record of
    each article id not known), and its input rows (a record quarantined, then the first of an article
    `article`, the others `duplicate`) and quarantine rows (`clean_error`, `too_long`, `not_a_dispatch`)."""
    rejected: dict[str, str] = {}
    quarantined: list[dict] = []
    for record, error in failures:
        rejected[record["source_uri"]] = "clean_error"
        quarantined.append(
            quarantine_row(record["source_uri"], record["content_sha256"], "clean_error", error, run_id, now)
        )
    for row in cleaned.iter_rows(named=True):
        reason = rejection(row["body"], max_body_chars)
        if reason is not None:
            rejected[row["source_uri"]] = reason[0]
            quarantined.append(quarantine_row(row["source_uri"], row["content_sha256"], *reason, run_id, now))
    cleaned = cleaned.filter(~pl.col("source_uri").is_in(list(rejected)))
    new_articles = cleaned.filter(~pl.col("article_id").is_in(list(known))).unique(
        "article_id", keep="first", maintain_order=True
    )
    first_uri = dict(zip(new_articles["article_id"].to_list(), new_articles["source_uri"].to_list(), strict=True))
    inputs = []
    for uri in rejected:
        row = next(r for r in records if r["source_uri"] == uri)
        sha, container, container_sha = row["content_sha256"], row["container_uri"], row["container_sha256"]
        inputs.append(input_row(uri, sha, container, container_sha, "quarantined", None, run_id, now))
    for row in cleaned.iter_rows(named=True):
        status = "article" if first_uri.get(row["article_id"]) == row["source_uri"] else "duplicate"
        source, sha, article = row["source_uri"], row["content_sha256"], row["article_id"]
        inputs.append(
            input_row(source, sha, row["container_uri"], row["container_sha256"], status, article, run_id, now)
        )
    return Admission(
        new_articles.select(list(DOCUMENT_SCHEMA)),
        pl.DataFrame(inputs, schema=INPUT_SCHEMA),
        pl.DataFrame(quarantined, schema=QUARANTINE_SCHEMA),
    )


def count_inputs(inputs: pl.DataFrame, unchanged: pl.DataFrame) -> InputCounts:
    """Args: the input rows a run wrote; the files it did not read, with the inputs and quarantined inputs each
    stands for (`n_inputs`, `n_quarantined`). Returns: the run's counts; an input that is neither quarantined nor
    a new article is a duplicate (of an article known, or unchanged since it was read)."""
    statuses = inputs["status"].to_list()
    n_inputs = len(statuses) + int(unchanged["n_inputs"].sum())
    n_quarantined = sum(s in ("quarantined", "unchanged-quarantined") for s in statuses) + int(
        unchanged["n_quarantined"].sum()
    )
    n_articles_new = statuses.count("article")
    return InputCounts(n_inputs, n_quarantined, n_articles_new, n_inputs - n_quarantined - n_articles_new)
