"""The lake's datasets, the one place that names them: each a `Dataset` carrying its folder name, schema, and
which rows stand when it holds one key twice. Readers and writers (`flows/lake.py`) take these objects, never a
name: a misspelt dataset fails at import, not as an empty read.

A dataset is a folder of Parquet parts (`flows/lake.py`), named `part-<run id>-…`, so that part names sort in
the order runs wrote them. A key can appear twice when a run was killed after writing some parts of a batch
and the next run wrote the batch again (the same rows), or when an input was quarantined again: `keep` says
which copy stands (the first or the last written); `keys` None keeps every row (distinct rows for `roles_raw`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from flows.runs import RUN_SCHEMA
from transforms.actors import MENTION_SCHEMA
from transforms.dating import PUBLICATION_SCHEMA
from transforms.extract import CLAIM_SCHEMA, ERROR_SCHEMA, ROLE_SCHEMA, TIMEX_SCHEMA
from transforms.intake import DOCUMENT_SCHEMA, INPUT_SCHEMA, QUARANTINE_SCHEMA
from transforms.person_gender import ROLE_VOTE_SCHEMA, TITLE_VOTE_SCHEMA
from transforms.sentences import SENTENCE_SCHEMA
from transforms.speakers import CUE_SCHEMA

MENTION_RAW_SCHEMA = MENTION_SCHEMA
PROCESSING_ERROR_SCHEMA = {**ERROR_SCHEMA, "run_id": pl.String}
DQ_SCHEMA = {
    "run_id": pl.String,
    "suite": pl.String,
    "expectation": pl.String,
    "severity": pl.String,
    "success": pl.Boolean,
    "observed_value": pl.String,
    "unexpected_count": pl.Int64,
    "sample_ids": pl.List(pl.String),
    "evaluated_at": pl.Datetime("us"),
}


@dataclass(frozen=True, eq=False)
class Dataset:
    name: str  # the folder under the lake
    schema: dict
    keys: tuple[str, ...] | None = None  # None: every (distinct) row stands
    keep: str = "last"  # which copy of a key stands: the `first` or the `last` written
    distinct: bool = False

    def folder(self, lake_dir: Path) -> Path:
        return lake_dir / self.name

    def parts(self, lake_dir: Path) -> list[Path]:
        """The dataset's part files, in the order of their names."""
        folder = self.folder(lake_dir)
        return sorted(folder.glob("part-*.parquet")) if folder.exists() else []


INPUTS = Dataset("inputs", INPUT_SCHEMA)
QUARANTINE = Dataset("quarantine", QUARANTINE_SCHEMA, ("source_uri", "content_sha256"), "first")
DOCUMENTS = Dataset("documents", DOCUMENT_SCHEMA, ("article_id",), "first")
# the keys of extracted rows start with `article_id`, so that a read of some articles filters first
SENTENCES = Dataset("sentences", SENTENCE_SCHEMA, ("article_id", "sentence_idx"))
MENTIONS_RAW = Dataset("mentions_raw", MENTION_RAW_SCHEMA, ("article_id", "char_start", "char_end"))
CLAIMS_RAW = Dataset("claims_raw", CLAIM_SCHEMA, ("article_id", "claim_id"))
TIMEX = Dataset("timex", TIMEX_SCHEMA, ("article_id", "date_id"))
ROLES_RAW = Dataset("roles_raw", ROLE_SCHEMA, distinct=True)
PROCESSING_ERRORS = Dataset("processing_errors", PROCESSING_ERROR_SCHEMA, ("article_id", "stage"))
PIPELINE_RUNS = Dataset("pipeline_runs", RUN_SCHEMA)
DQ_RESULTS = Dataset("dq_results", DQ_SCHEMA)
# cues: what an article's own rows tell the corpus stage (`flows/corpus.py`), computed once per article;
# `cues_publications` is written last and marks the article's cues as complete
CUES_TITLES = Dataset("cues_titles", TITLE_VOTE_SCHEMA, ("article_id", "char_start", "char_end"))
CUES_ROLES = Dataset("cues_roles", ROLE_VOTE_SCHEMA, ("article_id", "char_start", "role"))
CUES_SPEAKERS = Dataset("cues_speakers", CUE_SCHEMA, ("article_id", "claim_id"))
CUES_PUBLICATIONS = Dataset("cues_publications", PUBLICATION_SCHEMA, ("article_id",))

# the datasets the warehouse content is derived from, in the order `flows.lake.lake_state` digests them
CONTENT = (DOCUMENTS, SENTENCES, MENTIONS_RAW, CLAIMS_RAW, TIMEX, ROLES_RAW, QUARANTINE, PROCESSING_ERRORS, INPUTS)
# run and quality history: every run appends to them, `--full-refresh` keeps them
HISTORY = (PIPELINE_RUNS, DQ_RESULTS)
CUES = (CUES_TITLES, CUES_ROLES, CUES_SPEAKERS, CUES_PUBLICATIONS)  # in write order

DATASETS: dict[str, Dataset] = {dataset.name: dataset for dataset in (*CONTENT, *HISTORY, *CUES)}
