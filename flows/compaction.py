"""Lake upkeep: a dataset's parts merged into one, atomically.

Every run that brings something new adds small parts (one per batch and dataset), and every run adds its
`pipeline_runs` row as a part. Compaction rewrites a dataset as one part holding its standing rows (a key
written twice keeps the copy `flows.datasets` says stands), in the order they were written.

Atomicity: a journal (`.compaction.json`: the new part's name and the parts it replaces) is written first,
then the new part (temporary file, then rename), then the old parts are removed, then the journal. A run
killed in between leaves the journal: `recover` (called before any run reads the lake) removes the replaced
parts when the new part exists, or forgets the journal when it does not. The caller holds the run lock.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import duckdb

from flows.datasets import DATASETS, Dataset

JOURNAL = ".compaction.json"


def _folders(lake_dir: Path) -> list[Path]:
    return sorted(p for p in lake_dir.iterdir() if p.is_dir()) if lake_dir.exists() else []


def recover(lake_dir: Path) -> None:
    """Finish or abandon compactions a killed run left half done."""
    for folder in _folders(lake_dir):
        journal = folder / JOURNAL
        if not journal.exists():
            continue
        plan = json.loads(journal.read_text(encoding="utf-8"))
        if (folder / plan["part"]).exists():
            for name in plan["replaces"]:
                (folder / name).unlink(missing_ok=True)
        journal.unlink()


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


def compact_dataset(folder: Path, run_id: str) -> int:
    """Merge every part of the dataset in `folder` into `part-<run_id>-compacted.parquet`. Returns the number
    of parts merged (0 when there were fewer than two)."""
    parts = sorted(folder.glob("part-*.parquet"))
    if len(parts) < 2:
        return 0
    target = f"part-{run_id}-compacted.parquet"
    _write_atomic(folder / JOURNAL, json.dumps({"part": target, "replaces": [p.name for p in parts]}))
    spec = DATASETS.get(folder.name)
    source = "read_parquet(?, union_by_name = true, filename = true, file_row_number = true)"
    if spec is not None and spec.keys:
        order = "asc" if spec.keep == "first" else "desc"
        partition = ", ".join(f'"{k}"' for k in spec.keys)  # names of our schema, not data
        standing = (
            f"select * from {source} qualify row_number() over (partition by {partition} "
            f"order by filename {order}, file_row_number {order}) = 1"
        )
    else:
        standing = f"select * from {source}"
    distinct = "distinct" if spec is not None and spec.distinct else ""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".parquet")
    os.close(fd)
    con = duckdb.connect()
    try:
        con.execute("set memory_limit = '256MB'")
        rows = f"select * exclude (filename, file_row_number) from ({standing}) order by filename, file_row_number"
        if distinct:
            rows = f"select distinct * from ({rows})"
        con.execute(
            f"copy ({rows}) to '{tmp}' (format parquet, compression zstd)",  # tmp: a path we made, not data
            [[str(p) for p in parts]],
        )
        os.replace(tmp, folder / target)
    finally:
        con.close()
        if os.path.exists(tmp):
            os.unlink(tmp)
    for part in parts:
        part.unlink()
    (folder / JOURNAL).unlink()
    return len(parts)


def compact_lake(
    lake_dir: Path, run_id: str, min_parts: int = 2, datasets: tuple[Dataset, ...] | None = None
) -> dict[str, int]:
    """Compact every dataset (or those given) that has at least `min_parts` parts. Returns {dataset name: parts
    merged} for those compacted."""
    recover(lake_dir)
    names = None if datasets is None else {dataset.name for dataset in datasets}
    merged = {}
    for folder in _folders(lake_dir):
        if names is not None and folder.name not in names:
            continue
        if len(list(folder.glob("part-*.parquet"))) >= max(min_parts, 2):
            merged[folder.name] = compact_dataset(folder, run_id)
    return merged
