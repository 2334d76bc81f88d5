"""A run's record: the summary the command line prints and its `pipeline_runs` row. No Prefect import here:
a run with nothing to do is recorded without starting Prefect (`flows/unchanged.py`)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import polars as pl

RUN_SCHEMA = {
    "run_id": pl.String,
    "started_at": pl.Datetime("us"),
    "finished_at": pl.Datetime("us"),
    "status": pl.String,
    "n_inputs": pl.Int32,
    "n_articles_new": pl.Int32,
    "n_duplicates": pl.Int32,
    "n_quarantined": pl.Int32,
    "n_claims": pl.Int32,
    "n_contradictions": pl.Int32,
    "message": pl.String,
}


def new_run_id() -> str:
    import uuid

    return datetime.now().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


@dataclass
class RunSummary:
    run_id: str
    status: str
    n_inputs: int = 0
    n_articles_new: int = 0
    n_duplicates: int = 0
    n_quarantined: int = 0
    n_claims: int = 0
    n_contradictions: int = 0
    n_errors: int = 0  # documents of this run whose extraction raised (in processing_errors)
    n_resolved: int = 0  # articles the corpus stage resolved (new ones, and those whose context changed)
    failed: list[str] = field(default_factory=list)
    db_path: Path | None = None
    notes: list[str] = field(default_factory=list)  # what the run did not need to do (`nothing changed`)
    seconds: dict[str, float] = field(default_factory=dict)  # wall seconds of each stage, in order
    # the rows of the reports' views as the gate computed them on the published content (None: not computed)
    views: dict[str, pl.DataFrame] | None = None

    def time(self, stage: str, since: float) -> float:
        """Record the seconds `stage` took since `since` (a `time.perf_counter()`); returns now."""
        now = time.perf_counter()
        self.seconds[stage] = round(self.seconds.get(stage, 0.0) + now - since, 2)
        return now


def run_message(summary: RunSummary) -> str | None:
    """`pipeline_runs.message`: the failed critical expectations, how many documents failed extraction, and
    what the run skipped."""
    notes = list(summary.failed)
    if summary.n_errors:
        plural = "s" if summary.n_errors > 1 else ""
        notes.append(f"{summary.n_errors} document{plural} failed extraction (see processing_errors)")
    notes += summary.notes
    return "; ".join(notes)[:2000] or None


def run_row(summary: RunSummary, started: datetime) -> pl.DataFrame:
    """The run's `pipeline_runs` row, finished now."""
    return pl.DataFrame(
        [
            {
                "run_id": summary.run_id,
                "started_at": started,
                "finished_at": datetime.now(),
                "status": summary.status,
                "n_inputs": summary.n_inputs,
                "n_articles_new": summary.n_articles_new,
                "n_duplicates": summary.n_duplicates,
                "n_quarantined": summary.n_quarantined,
                "n_claims": summary.n_claims,
                "n_contradictions": summary.n_contradictions,
                "message": run_message(summary),
            }
        ],
        schema=RUN_SCHEMA,
    )
