"""The Parquet lake: one folder per dataset, one part file per run and batch, written atomically."""

from __future__ import annotations

import hashlib
import os
import tempfile
from importlib import resources
from pathlib import Path

import polars as pl


def write_part(frame: pl.DataFrame, lake_dir: Path, dataset: str, part: str) -> Path:
    """Write `frame` as `<lake>/<dataset>/part-<part>.parquet` (zstd, statistics): temp file, then rename."""
    folder = lake_dir / dataset
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"part-{part}.parquet"
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".parquet")
    os.close(fd)
    try:
        frame.write_parquet(tmp, compression="zstd", statistics=True)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def read_dataset(lake_dir: Path, dataset: str, schema: dict | None = None) -> pl.DataFrame:
    """All parts of a dataset in write order (empty frame with `schema` when there are none)."""
    folder = lake_dir / dataset
    parts = (
        sorted(folder.glob("part-*.parquet"), key=lambda p: (p.stat().st_mtime_ns, p.name)) if folder.exists() else []
    )
    if not parts:
        return pl.DataFrame(schema=schema or {})
    return pl.concat([pl.read_parquet(p) for p in parts], how="diagonal_relaxed")


def read_column(lake_dir: Path, dataset: str, column: str) -> list:
    """One column of every part of a dataset (nothing else is read)."""
    folder = lake_dir / dataset
    parts = sorted(folder.glob("part-*.parquet")) if folder.exists() else []
    if not parts:
        return []
    return pl.concat([pl.scan_parquet(part).select(column) for part in parts]).collect()[column].to_list()


def reset_lake(lake_dir: Path) -> None:
    """`--full-refresh`: forget every derived dataset (run history and quality history are kept)."""
    keep = {"pipeline_runs", "dq_results"}
    if not lake_dir.exists():
        return
    for folder in lake_dir.iterdir():
        if folder.is_dir() and folder.name not in keep:
            for part in folder.glob("*.parquet"):
                part.unlink()


EXTRACTION_MARKER = "extraction.fingerprint"


def extraction_fingerprint(spacy_model: str) -> str:
    """What the lake's extracted rows derive from besides the inputs: the code and lexicons of
    `transforms/` and the spaCy model (name and version)."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    root = resources.files("transforms")
    for path in sorted(Path(str(root)).rglob("*")):
        if path.is_file() and path.suffix in (".py", ".csv", ".txt"):
            digest.update(path.relative_to(Path(str(root))).as_posix().encode() + path.read_bytes())
    try:
        model_version = version(spacy_model.replace("_", "-"))
    except PackageNotFoundError:
        model_version = "unknown"
    digest.update(f"{spacy_model}=={model_version}".encode())
    return digest.hexdigest()


def extraction_is_stale(lake_dir: Path, fingerprint: str) -> bool:
    """True when the lake holds documents extracted by other rules than `fingerprint`'s."""
    documents = lake_dir / "documents"
    if not documents.exists() or not any(documents.glob("part-*.parquet")):
        return False
    marker = lake_dir / EXTRACTION_MARKER
    return not marker.exists() or marker.read_text(encoding="utf-8").strip() != fingerprint


def mark_extraction(lake_dir: Path, fingerprint: str) -> None:
    """Record (atomically) which rules the lake's extracted rows come from."""
    lake_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=lake_dir, prefix=".tmp-", suffix=".fingerprint")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(fingerprint)
    os.replace(tmp, lake_dir / EXTRACTION_MARKER)


# Datasets the warehouse content is derived from (run and quality history are appended every run).
CONTENT_DATASETS = (
    "documents",
    "sentences",
    "mentions_raw",
    "claims_raw",
    "timex",
    "roles_raw",
    "quarantine",
    "processing_errors",
    "inputs",
)


def lake_state(lake_dir: Path) -> str:
    """sha256 of the names and sizes of every content part: changes whenever a run adds or replaces content."""
    digest = hashlib.sha256()
    for dataset in CONTENT_DATASETS:
        folder = lake_dir / dataset
        if folder.exists():
            for part in sorted(folder.glob("part-*.parquet")):
                digest.update(f"{dataset}/{part.name}:{part.stat().st_size}\n".encode())
    return digest.hexdigest()
