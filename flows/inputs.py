"""The input folder: discovery, and the manifest of the files a published warehouse was built from.

The manifest (`input_files`, one row per file: path, size, modification time, sha256 of its bytes, and how many
inputs it held) lets a run tell what changed without reading what did not: a file whose size and modification
time are those of the manifest is unchanged; a file whose size or time moved is hashed, and unchanged when its
hash is the manifest's (a `touch`, a copy); every other file is read by the ingest stage. This module does not
import Prefect: the command line uses it to finish a run that has nothing to do without starting Prefect.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

INPUT_FILE_SCHEMA = {
    "source_file": pl.String,  # the file's path relative to the input root (`inputs.container_uri`)
    "size_bytes": pl.Int64,
    "modified_ns": pl.Int64,
    "content_sha256": pl.String,
    "n_inputs": pl.Int32,  # inputs the file held (a JSONL holds one per line)
    "n_quarantined": pl.Int32,
}
_HASH_BLOCK = 1 << 20


class InputError(Exception):
    """Bad usage: a missing input folder, an unreadable path (exit code 2)."""


def discover_inputs(input_dir: Path, exclude: tuple[Path, ...] = ()) -> list[Path]:
    """Every candidate file below `input_dir`, recursively, in a stable order.

    Hidden files and folders are skipped, and so are the folders in `exclude` (the pipeline's own
    reference data, such as the actor dictionary, when it lives inside the input folder)."""
    if not input_dir.exists():
        raise InputError(f"input folder not found: {input_dir}")
    if not input_dir.is_dir():
        raise InputError(f"--input must be a folder: {input_dir}")
    excluded = tuple(e.resolve() for e in exclude)
    return sorted(
        p
        for p in input_dir.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(input_dir).parts)
        and not any(p.resolve().is_relative_to(e) for e in excluded)
    )


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_HASH_BLOCK):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class InputScan:
    """What changed in the input folder against a manifest.

    `unchanged`: manifest rows of the files that did not change (with their current size and time);
    `changed`: the other files, in discovery order; `stats`: (size, time, sha256 or None) of each changed file,
    taken before it was hashed (a file written after that has another time at the next run)."""

    unchanged: pl.DataFrame
    input_dir: Path
    changed: list[Path] = field(default_factory=list)
    stats: dict[str, tuple[int, int, str | None]] = field(default_factory=dict)
    removed: int = 0  # files of the manifest no longer in the folder

    @property
    def nothing_changed(self) -> bool:
        return not self.changed and not self.removed

    def reread_missing(self, seen: dict[tuple[str, str], list]) -> None:
        """Read again the unchanged files whose content the lake does not account for (`seen`: (file, sha256) of
        the lake's `inputs`), e.g. after the lake was rebuilt: the manifest alone never hides an input."""
        missing = [
            row
            for row in self.unchanged.iter_rows(named=True)
            if (row["source_file"], row["content_sha256"]) not in seen
        ]
        if not missing:
            return
        for row in missing:
            self.stats[row["source_file"]] = (row["size_bytes"], row["modified_ns"], row["content_sha256"])
        self.unchanged = self.unchanged.filter(~pl.col("source_file").is_in([r["source_file"] for r in missing]))
        self.changed = sorted(self.changed + [self.input_dir / row["source_file"] for row in missing])


def scan_inputs(paths: list[Path], input_dir: Path, manifest: pl.DataFrame | None) -> InputScan:
    """Compare the discovered `paths` with `manifest` (None: everything is new). Only files whose size or
    modification time moved are hashed."""
    previous = {row["source_file"]: row for row in manifest.iter_rows(named=True)} if manifest is not None else {}
    kept, changed, stats = [], [], {}
    for path in paths:
        uri = path.relative_to(input_dir).as_posix()
        try:
            status = path.stat()
        except OSError:
            changed.append(path)  # the ingest stage quarantines it as unreadable
            continue
        size, modified = status.st_size, status.st_mtime_ns
        before = previous.get(uri)
        if before is not None and (before["size_bytes"], before["modified_ns"]) == (size, modified):
            kept.append(before)
            continue
        sha = None
        if before is not None and before["size_bytes"] == size:
            try:
                sha = file_sha256(path)
            except OSError:
                sha = None
            if sha == before["content_sha256"]:
                kept.append(before | {"modified_ns": modified})
                continue
        changed.append(path)
        stats[uri] = (size, modified, sha)
    present = {p.relative_to(input_dir).as_posix() for p in paths}
    return InputScan(
        unchanged=pl.DataFrame(kept, schema=INPUT_FILE_SCHEMA),
        input_dir=input_dir,
        changed=changed,
        stats=stats,
        removed=sum(uri not in present for uri in previous),
    )


def manifest_after(scan: InputScan, inputs: pl.DataFrame) -> pl.DataFrame:
    """The manifest once the changed files are ingested: the unchanged rows, and one row per changed file with
    its size and time from the scan, its sha256 and counts from the input rows the ingest stage wrote
    (`inputs`: `container_uri`, `container_sha256`, `status`). A file that could not be read has no row."""
    if inputs.is_empty():
        return scan.unchanged
    counted = (
        inputs.filter(pl.col("container_sha256").is_not_null())
        .group_by("container_uri")
        .agg(
            pl.col("container_sha256").first().alias("content_sha256"),
            pl.len().cast(pl.Int32).alias("n_inputs"),
            pl.col("status")
            .is_in(["quarantined", "unchanged-quarantined"])
            .sum()
            .cast(pl.Int32)
            .alias("n_quarantined"),
        )
    )
    rows = []
    for row in counted.iter_rows(named=True):
        stat = scan.stats.get(row["container_uri"])
        if stat is None:
            continue
        rows.append(
            {
                "source_file": row["container_uri"],
                "size_bytes": stat[0],
                "modified_ns": stat[1],
                "content_sha256": row["content_sha256"],
                "n_inputs": row["n_inputs"],
                "n_quarantined": row["n_quarantined"],
            }
        )
    fresh = pl.DataFrame(rows, schema=INPUT_FILE_SCHEMA)
    return pl.concat([scan.unchanged.join(fresh, on="source_file", how="anti"), fresh]).sort("source_file")


def read_dictionary(path: Path) -> str:
    """The actor dictionary's CSV text (an empty dictionary when the file is missing)."""
    return path.read_text(encoding="utf-8") if path.exists() else "canonical_name,actor_type,category,aliases\n"
