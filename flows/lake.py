"""The Parquet lake: one folder per dataset, one part file per run and batch, written atomically."""

from __future__ import annotations

import hashlib
import os
import tempfile
from importlib import resources
from pathlib import Path

import polars as pl

from flows.datasets import CONTENT, DOCUMENTS, HISTORY, Dataset


def write_part(frame: pl.DataFrame, lake_dir: Path, dataset: Dataset, part: str) -> Path:
    """Write `frame` as `<lake>/<dataset>/part-<part>.parquet` (zstd, statistics): temp file, then rename."""
    folder = dataset.folder(lake_dir)
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


def read_dataset(lake_dir: Path, dataset: Dataset) -> pl.DataFrame:
    """All parts of a dataset in write order, the copies of a key removed as `dataset` says (an empty frame of
    its schema when there are none). Loads the whole dataset: for large ones, `LakeQuery`."""
    folder = dataset.folder(lake_dir)
    parts = (
        sorted(folder.glob("part-*.parquet"), key=lambda p: (p.stat().st_mtime_ns, p.name)) if folder.exists() else []
    )
    if not parts:
        return pl.DataFrame(schema=dataset.schema)
    frame = pl.concat([pl.read_parquet(p) for p in parts], how="diagonal_relaxed")
    if dataset.keys:
        return frame.unique(list(dataset.keys), keep=dataset.keep, maintain_order=True)
    return frame.unique(maintain_order=True) if dataset.distinct else frame


def as_lake_reads(frame: pl.DataFrame, dataset: Dataset) -> pl.DataFrame:
    """`frame`'s rows as `LakeQuery.read` gives them once written to `dataset` alone: the copies of a key removed
    as the dataset says and the rest sorted by key (distinct rows for a dataset that keeps them all)."""
    if dataset.keys:
        keys = list(dataset.keys)
        return frame.unique(keys, keep=dataset.keep, maintain_order=True).sort(keys)
    return frame.unique(maintain_order=True) if dataset.distinct else frame


def read_column(lake_dir: Path, dataset: Dataset, column: str) -> list:
    """One column of every part of a dataset (nothing else is read; every copy of a key)."""
    if column not in dataset.schema:
        raise KeyError(f"{dataset.name} has no column {column!r}")
    parts = dataset.parts(lake_dir)
    if not parts:
        return []
    return pl.concat([pl.scan_parquet(part).select(column) for part in parts]).collect()[column].to_list()


def reset_lake(lake_dir: Path) -> None:
    """`--full-refresh`: forget every derived dataset (run history and quality history are kept)."""
    keep = {dataset.name for dataset in HISTORY}
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
    if not DOCUMENTS.parts(lake_dir):
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


def lake_state(lake_dir: Path) -> str:
    """sha256 of the names and sizes of every content part: changes whenever a run adds or replaces content."""
    digest = hashlib.sha256()
    for dataset in CONTENT:
        for part in dataset.parts(lake_dir):
            digest.update(f"{dataset.name}/{part.name}:{part.stat().st_size}\n".encode())
    return digest.hexdigest()


class LakeQuery:
    """Reads of the lake through DuckDB: one dataset's rows (every part, the copies of a key removed as
    `flows.datasets` says), whole or for some articles only, without loading the other rows into Python."""

    def __init__(self, lake_dir: Path, memory_limit: str = "256MB") -> None:
        import duckdb

        self.lake_dir = lake_dir
        self.con = duckdb.connect()
        self.con.execute(f"set memory_limit = '{memory_limit}'")  # a constant of ours, not data
        self.con.execute("set preserve_insertion_order = true")

    def close(self) -> None:
        self.con.close()

    def parts(self, dataset: Dataset) -> list[str]:
        return [str(p) for p in dataset.parts(self.lake_dir)]

    def read(
        self, dataset: Dataset, columns: list[str] | None = None, article_ids: list[str] | None = None
    ) -> pl.DataFrame:
        """The rows of `dataset` (its `columns`, default all of its schema), for `article_ids` only when given."""
        from flows.warehouse_io import fetch_frame

        columns = columns or list(dataset.schema)
        empty = pl.DataFrame(schema={c: dataset.schema[c] for c in columns})
        parts = self.parts(dataset)
        if not parts or (article_ids is not None and not article_ids):
            return empty
        wanted = ", ".join(f'"{c}"' for c in columns)  # column names are ours (the dataset's schema)
        source = "read_parquet(?, union_by_name = true, filename = true, file_row_number = true)"
        where = ""
        params: list = [parts]
        if article_ids is not None:
            self.con.register("wanted_articles", pl.DataFrame({"article_id": article_ids}).to_arrow())
            where = "where article_id in (select article_id from wanted_articles)"
        if dataset.keys:
            order = "asc" if dataset.keep == "first" else "desc"
            partition = ", ".join(f'"{k}"' for k in dataset.keys)
            sql = (
                f"with rows as (select * from {source} {where}) select {wanted} from rows "
                f"qualify row_number() over (partition by {partition} order by filename {order}, "
                f"file_row_number {order}) = 1 order by {partition}"
            )
        else:
            distinct = "distinct" if dataset.distinct else ""
            order = "" if dataset.distinct else "order by filename, file_row_number"
            sql = f"select {distinct} {wanted} from {source} {where} {order}"
        try:
            frame = fetch_frame(self.con, sql, params)
        finally:
            if article_ids is not None:
                self.con.unregister("wanted_articles")
        return frame.cast({c: dataset.schema[c] for c in columns}) if not frame.is_empty() else empty
