"""Ingest + clean throughput and memory on OrangeSum written out as dispatch files.

    .venv/bin/python -m bench.bench_ingest [--n 2000] [--batch-size 200] [--repeat 3]

Writes N articles as `.txt` files into a temporary folder, then reads, decodes, cleans, checks that
the body is prose, identifies the language and fingerprints them batch by batch, as the pipeline's
stages 1–2 do (without Prefect and without the spaCy stage). Reports MB/s of text (wall time and CPU
time) and the peak RSS; run it with two values of --n to see that memory does not grow with the
number of files. The process pins itself to one CPU (the target is 5 MB/s of text per core);
`--all-cores` lifts that.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

import polars as pl

from bench.bench_extract import load_orangesum
from transforms.clean import clean_articles
from transforms.identity import article_id_for, detect_language, not_prose_reason
from transforms.near_duplicates import minhash_signature, minhash_signatures
from transforms.readers import read_input
from transforms.text_norm import content_key


def timed_pass(paths: list[Path], batch_size: int) -> tuple[int, dict[str, float], float, float]:
    """One pass of stages 1–2 over the files: (bytes read, seconds per step, wall seconds, CPU seconds)."""
    total_bytes = 0
    timings = {"read": 0.0, "clean": 0.0, "language": 0.0, "fingerprint": 0.0}
    started, cpu_started = time.perf_counter(), time.process_time()
    for i in range(0, len(paths), batch_size):
        t = time.perf_counter()
        records = []
        for path in paths[i : i + batch_size]:
            raw = path.read_bytes()
            total_bytes += len(raw)
            records += [{"doc_key": r.source_uri, "text": r.text} for r in read_input(path.name, raw) if r.text]
        timings["read"] += time.perf_counter() - t
        t = time.perf_counter()
        cleaned = clean_articles(pl.DataFrame(records))
        bodies = cleaned["body"].to_list()
        keys = [content_key(b) for b in bodies]
        [article_id_for(b, k) for b, k in zip(bodies, keys, strict=True)]
        [not_prose_reason(b) for b in bodies]
        timings["clean"] += time.perf_counter() - t
        t = time.perf_counter()
        [detect_language(b) for b in bodies]
        timings["language"] += time.perf_counter() - t
        t = time.perf_counter()
        minhash_signatures(keys)
        timings["fingerprint"] += time.perf_counter() - t
    return total_bytes, timings, time.perf_counter() - started, time.process_time() - cpu_started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the same files (median reported)")
    parser.add_argument(
        "--all-cores", action="store_true", help="do not pin the process to one CPU (the target is per core)"
    )
    args = parser.parse_args()
    if not args.all_cores and hasattr(os, "sched_setaffinity"):
        # one core: Polars' and NumPy's threads share it, so MB/s is a per-core figure
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for doc in load_orangesum(args.n):
            (folder / f"{doc['doc_key']}.txt").write_text(doc["text"], encoding="utf-8")
        paths = sorted(folder.glob("*.txt"))
        # one-time costs (regex compilation, lingua's lazily loaded models) are not throughput
        warm = "Le ministre a déclaré jeudi que les opérations n'avaient pas repris. Un texte d'essai."
        detect_language("The minister said on Thursday that operations had not resumed at all yet.")
        clean_articles(pl.DataFrame([{"doc_key": "warm", "text": warm}]))
        minhash_signature(warm, content_key(warm))
        rss_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        passes = [timed_pass(paths, args.batch_size) for _ in range(max(1, args.repeat))]
    megabytes = passes[0][0] / 1e6
    print(f"files: {len(paths)}, {megabytes:.1f} MB, on {cores} core(s), {len(passes)} timed passes")
    for _, timings, elapsed, cpu in passes:
        steps = ", ".join(f"{k} {megabytes / v:.1f}" for k, v in timings.items() if v)
        print(
            f"  {elapsed:.2f} s = {megabytes / elapsed:.2f} MB/s wall, {megabytes / cpu:.2f} MB per CPU-second, "
            f"{len(paths) / elapsed:.0f} files/s (MB/s by step: {steps})"
        )
    median = statistics.median(megabytes / cpu for _, _, _, cpu in passes)
    print(f"ingest + clean: median {median:.2f} MB per CPU-second (per core)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MiB (at start of the timed part: {rss_start:.0f} MiB)")


if __name__ == "__main__":
    main()
