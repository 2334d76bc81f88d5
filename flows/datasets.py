"""The lake's datasets: their schemas, and which rows stand when a dataset holds one key twice.

A dataset is a folder of Parquet parts (`flows/lake.py`), named `part-<run id>-…`, so that part names sort in
the order runs wrote them. A key can appear twice when a run was killed after writing some parts of a batch
and the next run wrote the batch again (the same rows), or when an input was quarantined again: `keep` says
which copy stands (the first or the last written); `keys` None keeps every row (distinct rows for `roles_raw`).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from flows.runs import RUN_SCHEMA
from transforms.actors import MENTION_SCHEMA
from transforms.clean import CLEAN_SCHEMA
from transforms.dating import PUBLICATION_SCHEMA
from transforms.extract import CLAIM_SCHEMA, ERROR_SCHEMA, ROLE_SCHEMA, TIMEX_SCHEMA
from transforms.person_gender import ROLE_VOTE_SCHEMA, TITLE_VOTE_SCHEMA
from transforms.sentences import SENTENCE_SCHEMA
from transforms.speakers import CUE_SCHEMA

INPUT_SCHEMA = {
    "source_uri": pl.String,
    "content_sha256": pl.String,
    "container_uri": pl.String,
    "container_sha256": pl.String,
    "article_id": pl.String,
    "status": pl.String,  # article | duplicate | quarantined | unchanged
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
MENTION_RAW_SCHEMA = MENTION_SCHEMA
PROCESSING_ERROR_SCHEMA = {**ERROR_SCHEMA, "run_id": pl.String}


@dataclass(frozen=True)
class Dataset:
    schema: dict
    keys: tuple[str, ...] | None = None  # None: every (distinct) row stands
    keep: str = "last"  # which copy of a key stands: the `first` or the `last` written
    distinct: bool = False


DATASETS = {
    "inputs": Dataset(INPUT_SCHEMA),
    "quarantine": Dataset(QUARANTINE_SCHEMA, ("source_uri", "content_sha256"), "first"),
    "documents": Dataset(DOCUMENT_SCHEMA, ("article_id",), "first"),
    # the keys of extracted rows start with `article_id`, so that a read of some articles filters first
    "sentences": Dataset(SENTENCE_SCHEMA, ("article_id", "sentence_idx")),
    "mentions_raw": Dataset(MENTION_RAW_SCHEMA, ("article_id", "char_start", "char_end")),
    "claims_raw": Dataset(CLAIM_SCHEMA, ("article_id", "claim_id")),
    "timex": Dataset(TIMEX_SCHEMA, ("article_id", "date_id")),
    "roles_raw": Dataset(ROLE_SCHEMA, distinct=True),
    "processing_errors": Dataset(PROCESSING_ERROR_SCHEMA, ("article_id", "stage")),
    "pipeline_runs": Dataset(RUN_SCHEMA),
    # cues: what an article's own rows tell the corpus stage (`flows/corpus.py`), computed once per article;
    # `cues_publications` is written last and marks the article's cues as complete
    "cues_titles": Dataset(TITLE_VOTE_SCHEMA, ("article_id", "char_start", "char_end")),
    "cues_roles": Dataset(ROLE_VOTE_SCHEMA, ("article_id", "char_start", "role")),
    "cues_speakers": Dataset(CUE_SCHEMA, ("article_id", "claim_id")),
    "cues_publications": Dataset(PUBLICATION_SCHEMA, ("article_id",)),
}
