"""Same output before and after a refactoring: a stable digest of every lake table extraction writes.

    .venv/bin/python -m bench.same_output                      # compare with bench/same_output.json
    .venv/bin/python -m bench.same_output --write              # record the current output as the reference
    .venv/bin/python -m bench.same_output --save data/same_output/before   # also keep the rows (Parquet)
    .venv/bin/python -m bench.same_output --rows data/same_output/before   # compare, showing differing rows

Runs the flow's stages 1–3 as the flow runs them (`read_input`, `clean_articles`, the article id and
language, the `not_a_dispatch`/`too_long` checks, then `extract_documents` in chunks of `batch_size` with
the pipeline's spaCy model and actor-dictionary patterns from `flows.settings.Settings`) on two corpora:
the seeds and the first 1,000 OrangeSum articles (`../shared/data/orangesum/`, read as one JSONL input).
For each lake table (`documents`, `sentences`, `mentions_raw`, `claims_raw`, `timex`, `roles_raw`,
`processing_errors`) it records the row count, a digest of the sorted rows, and one digest per column (of the
sorted `(key, value)` pairs, so that a difference is pinned to its columns). Exit 0 when every digest
matches the reference, 1 otherwise; with `--rows`, a few rows found on one side only are printed.
Volatile columns (run ids, timestamps) are not produced here: only what the transforms compute.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import time
from pathlib import Path

import polars as pl

from flows.settings import Settings
from transforms.actors import parse_dictionary, ruler_patterns
from transforms.clean import clean_articles
from transforms.extract import extract_documents
from transforms.identity import article_id_for, detect_language
from transforms.intake import rejection
from transforms.nlp import load_pipeline
from transforms.readers import read_input
from transforms.text_norm import content_key

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "bench/same_output.json"
SEEDS = ROOT / "seeds"
ORANGESUM = ROOT.parent / "shared/data/orangesum/orangesum-2011-2019.jsonl.gz"
N_ORANGESUM = 1000
# the key that pairs a column's values with their row (a table's rows, not the column alone, are compared)
KEYS = {
    "documents": ["doc_key"],
    "sentences": ["article_id", "sentence_idx"],
    "mentions_raw": ["article_id", "char_start", "char_end", "label"],
    "claims_raw": ["claim_id"],
    "timex": ["date_id"],
    "roles_raw": ["article_id", "person_start", "char_start", "char_end"],
    "processing_errors": ["article_id", "stage"],
}
# lake dataset name of each `extract_documents` output
OUTPUTS = {
    "sentences": "sentences",
    "mentions": "mentions_raw",
    "claims": "claims_raw",
    "timex": "timex",
    "roles": "roles_raw",
    "errors": "processing_errors",
}


def seed_inputs() -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(SEEDS.iterdir()) if p.is_file()]


def orangesum_inputs(n: int = N_ORANGESUM) -> list[tuple[str, bytes]]:
    """The first `n` OrangeSum articles, as one JSONL input (as `recoupe run` reads such a file)."""
    lines = []
    with gzip.open(ORANGESUM, "rt", encoding="utf-8") as handle:
        for line in handle:
            lines.append(line.rstrip("\n"))
            if len(lines) >= n:
                break
    return [("orangesum.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))]


def _documents(inputs: list[tuple[str, bytes]], settings: Settings) -> pl.DataFrame:
    """Cleaned articles, one per new article id, as the flow's stages 1–2 leave them for extraction."""
    records = [r for uri, raw in inputs for r in read_input(uri, raw, settings.max_text_bytes) if not r.reason]
    keys = [f"{r.source_uri}#{r.content_sha256}" for r in records]
    raw = pl.DataFrame({"doc_key": keys, "text": [r.text for r in records]})
    cleaned = clean_articles(raw)
    bodies = cleaned["body"].to_list()
    cleaned = cleaned.with_columns(
        pl.Series("article_id", [article_id_for(b, content_key(b)) for b in bodies], pl.String),
        pl.Series("language", [detect_language(b) for b in bodies], pl.String),
    )
    keep = [rejection(body, settings.max_body_chars) is None for body in cleaned["body"].to_list()]
    return cleaned.filter(pl.Series(keep)).unique("article_id", keep="first", maintain_order=True)


def extract_corpus(inputs: list[tuple[str, bytes]], settings: Settings) -> dict[str, pl.DataFrame]:
    """Every lake table stages 1–3 write for these inputs."""
    dictionary = parse_dictionary(settings.actor_dictionary.read_text(encoding="utf-8"))
    nlp = load_pipeline(settings.spacy_model, ruler_patterns(dictionary))
    documents = _documents(inputs, settings)
    parts: dict[str, list[pl.DataFrame]] = {name: [] for name in OUTPUTS.values()}
    for chunk in documents.iter_slices(settings.batch_size):
        out = extract_documents(chunk.select("article_id", "body", "language"), nlp, settings.spacy_batch_size)
        for name, dataset in OUTPUTS.items():
            parts[dataset].append(out[name])
    tables = {"documents": documents}
    tables.update({dataset: pl.concat(frames) for dataset, frames in parts.items()})
    return tables


def _cell(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _rows(frame: pl.DataFrame) -> list[str]:
    """The rows as sorted text, columns by name (their order in a Parquet file is no output)."""
    return sorted(_cell(row) for row in frame.select(sorted(frame.columns)).iter_rows(named=True))


def digest(frame: pl.DataFrame, key: list[str]) -> dict:
    """Row count, digest of the sorted rows (columns by name), and per column a digest of its sorted (key, value)
    pairs."""
    keys = [list(k) for k in frame.select(key).iter_rows()]
    columns = {}
    for name in frame.columns:
        pairs = sorted(_cell([k, v]) for k, v in zip(keys, frame[name].to_list(), strict=True))
        columns[name] = hashlib.sha256("\n".join(pairs).encode("utf-8")).hexdigest()[:16]
    rows = hashlib.sha256("\n".join(_rows(frame)).encode("utf-8")).hexdigest()[:16]
    return {"rows": frame.height, "digest": rows, "columns": columns}


def compare(reference: dict, current: dict) -> list[str]:
    """Lines describing every difference between two digests of one corpus (empty when equal)."""
    lines = []
    for table in sorted(set(reference) | set(current)):
        before, after = reference.get(table), current.get(table)
        if before is None or after is None:
            lines.append(f"{table}: only {'after' if before is None else 'before'}")
            continue
        if before == after:
            continue
        names = set(before["columns"]) | set(after["columns"])
        changed = sorted(c for c in names if before["columns"].get(c) != after["columns"].get(c))
        lines.append(f"{table}: {before['rows']} rows before, {after['rows']} after; columns differing: {changed}")
    return lines


def sample_differences(saved: pl.DataFrame, current: pl.DataFrame, show: int) -> list[str]:
    before, after = _rows(saved), _rows(current)
    only_before = sorted(set(before) - set(after))[:show]
    only_after = sorted(set(after) - set(before))[:show]
    return [f"  - before only: {r[:400]}" for r in only_before] + [f"  + after only:  {r[:400]}" for r in only_after]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"record the output as the reference ({REFERENCE.name})")
    parser.add_argument("--save", type=Path, help="also write the tables as Parquet under this folder")
    parser.add_argument("--rows", type=Path, help="a folder written by --save: print rows that differ from it")
    parser.add_argument("--show", type=int, default=3, help="differing rows shown per table (with --rows)")
    parser.add_argument("--only", choices=["seeds", "orangesum"], help="one corpus only (quicker)")
    args = parser.parse_args()
    settings = Settings()
    corpora = {"seeds": seed_inputs, "orangesum": orangesum_inputs}
    if args.only:
        corpora = {args.only: corpora[args.only]}
    if "orangesum" in corpora and not ORANGESUM.exists():
        raise SystemExit(f"OrangeSum not found at {ORANGESUM}")
    reference = json.loads(REFERENCE.read_text(encoding="utf-8")) if REFERENCE.exists() else {}
    found: dict[str, dict] = {}
    failed = False
    for corpus, inputs in corpora.items():
        started = time.perf_counter()
        tables = extract_corpus(inputs(), settings)
        found[corpus] = {name: digest(frame, KEYS[name]) for name, frame in tables.items()}
        counts = ", ".join(f"{name} {frame.height}" for name, frame in tables.items())
        print(f"{corpus}: {counts} ({time.perf_counter() - started:.0f} s)")
        if args.save:
            (args.save / corpus).mkdir(parents=True, exist_ok=True)
            for name, frame in tables.items():
                frame.write_parquet(args.save / corpus / f"{name}.parquet")
        if args.write:
            continue
        if corpus not in reference:
            print(f"  no reference for {corpus} in {REFERENCE}")
            failed = True
            continue
        differences = compare(reference[corpus], found[corpus])
        print("  identical to the reference" if not differences else "  DIFFERENT from the reference")
        for line in differences:
            print("  " + line)
            table = line.split(":", 1)[0]
            saved = args.rows / corpus / f"{table}.parquet" if args.rows else None
            if saved is not None and saved.exists() and table in tables:
                print("\n".join(sample_differences(pl.read_parquet(saved), tables[table], args.show)))
        failed = failed or bool(differences)
    if args.write:
        REFERENCE.write_text(json.dumps({**reference, **found}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"reference written: {REFERENCE}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
