"""Time and memory of `recoupe run` on one long article, by its size: is the cost linear in the length?

    .venv/bin/python -m bench.bench_long [--sizes 0.1 1 2.5] [--out bench/results/long.json]

For each size (MB of text), a folder holding one article of that many characters of French news prose
(`tests/fixtures/long_prose.py`: OrangeSum articles when `../shared/data/` is there) goes through a
whole `recoupe run` in a fresh process. Reported: wall seconds, peak RSS of the run (its process tree),
claims found, and seconds per MB past the fixed cost of a run (Prefect start-up, model load, Great
Expectations), which a run on a 2 KB article measures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from tests.fixtures.long_prose import long_french_body

ROOT = Path(__file__).resolve().parent.parent


def run_once(n_chars: int, work: Path) -> dict:
    folder = work / f"in-{n_chars}"
    folder.mkdir(parents=True)
    body = long_french_body(n_chars)
    record = {"id": "long", "title": "Article long", "date": "2019-06-01", "article": body}
    (folder / "long.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    out = work / f"out-{n_chars}"
    command = [
        str(ROOT / ".venv/bin/recoupe"),
        "run",
        "--input",
        str(folder),
        "--db",
        str(out / "w.duckdb"),
        "--lake",
        str(out / "lake"),
        "--reports",
        str(out / "reports"),
        "--quiet",
    ]
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect"), "PREFECT_LOGGING_LEVEL": "WARNING"}
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"recoupe run failed on {n_chars} characters: {process.stderr.read().decode()[-2000:]}")
    con = duckdb.connect(str(out / "w.duckdb"), read_only=True)
    (n_claims,) = con.execute("select count(*) from claims").fetchone()
    (length,) = con.execute("select max(length(body)) from articles").fetchone()
    con.close()
    rss = usage.ru_maxrss / 1024
    return {"chars": length, "mb": length / 1e6, "wall_s": wall, "peak_rss_mib": rss, "claims": n_claims}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1.0, 2.5], help="MB of text")
    parser.add_argument("--out", type=Path, default=None, help="write the rows as JSON here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-long-") as tmp:
        work = Path(tmp)
        base = run_once(2_000, work)
        rows = []
        for size in args.sizes:
            row = run_once(int(size * 1e6), work)
            row["s_per_mb"] = (row["wall_s"] - base["wall_s"]) / row["mb"]
            rows.append(row)
    print(f"fixed cost of a run (one 2 KB article): {base['wall_s']:.1f} s, peak RSS {base['peak_rss_mib']:.0f} MiB")
    print(f"{'MB':>6} {'wall s':>8} {'s/MB past fixed':>16} {'peak RSS MiB':>13} {'claims':>8}")
    for row in rows:
        mb, wall, per_mb, rss = row["mb"], row["wall_s"], row["s_per_mb"], row["peak_rss_mib"]
        print(f"{mb:6.2f} {wall:8.1f} {per_mb:16.1f} {rss:13.0f} {row['claims']:8d}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"fixed": base, "rows": rows}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
