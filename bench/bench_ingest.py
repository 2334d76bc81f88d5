"""Ingest + clean throughput and memory on OrangeSum written out as dispatch files.

    .venv/bin/python -m bench.bench_ingest [--n 2000] [--batch-size 200]

Writes N articles as `.txt` files into a temporary folder, then reads, decodes, cleans, identifies
the language and fingerprints them batch by batch, as the pipeline's stages 1–2 do (without Prefect
and without the spaCy stage). Reports MB/s of text and the peak RSS; run it with two values of --n to
see that memory does not grow with the number of files.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import polars as pl

from bench.bench_extract import load_orangesum
from transforms.clean import clean_articles
from transforms.identity import article_id_for, detect_language
from transforms.near_duplicates import minhash_signature
from transforms.readers import read_input
from transforms.text_norm import content_key


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for doc in load_orangesum(args.n):
            (folder / f"{doc['doc_key']}.txt").write_text(doc["text"], encoding="utf-8")
        paths = sorted(folder.glob("*.txt"))
        rss_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        total_bytes = 0
        timings = {"read": 0.0, "clean": 0.0, "language": 0.0, "fingerprint": 0.0}
        started = time.perf_counter()
        for i in range(0, len(paths), args.batch_size):
            t = time.perf_counter()
            records = []
            for path in paths[i : i + args.batch_size]:
                raw = path.read_bytes()
                total_bytes += len(raw)
                records += [{"doc_key": r.source_uri, "text": r.text} for r in read_input(path.name, raw) if r.text]
            timings["read"] += time.perf_counter() - t
            t = time.perf_counter()
            cleaned = clean_articles(pl.DataFrame(records))
            bodies = cleaned["body"].to_list()
            keys = [content_key(b) for b in bodies]
            [article_id_for(b, k) for b, k in zip(bodies, keys, strict=True)]
            timings["clean"] += time.perf_counter() - t
            t = time.perf_counter()
            [detect_language(b) for b in bodies]
            timings["language"] += time.perf_counter() - t
            t = time.perf_counter()
            [minhash_signature(b, k) for b, k in zip(bodies, keys, strict=True)]
            timings["fingerprint"] += time.perf_counter() - t
        elapsed = time.perf_counter() - started
    megabytes = total_bytes / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"files: {len(paths)}, {megabytes:.1f} MB")
    print(f"ingest + clean: {elapsed:.2f} s = {megabytes / elapsed:.2f} MB/s, {len(paths) / elapsed:.0f} files/s")
    print("  " + ", ".join(f"{k} {v:.2f} s ({megabytes / v:.1f} MB/s)" for k, v in timings.items() if v))
    print(f"peak RSS: {peak:.0f} MiB (at start of the timed part: {rss_start:.0f} MiB)")


if __name__ == "__main__":
    main()
