"""What a scheduled run costs: cold, no-op, +1 % and +10 % new articles, by corpus size.

    .venv/bin/python -m bench.bench_incremental [--sizes 2000 10000 20000] [--work DIR] [--out FILE]
                                                [--verify]

For each size N, a folder of the first N OrangeSum articles (`../shared/data/orangesum/`), in JSONL files of
500 articles (`os-00000.jsonl`, …), goes through whole `recoupe run`s, each in a fresh process:

- `cold`: a new warehouse and lake;
- `noop`: the same folder again (nothing changed);
- `+1%` and `+10%`: a copy of the cold run's warehouse and lake, and the folder with one more file holding the
  next N/100 (N/10) articles.

Reported per run: wall seconds, peak RSS of the run (its process tree, `wait4`), the ratios of both to the cold
run, the articles resolved (new, and those whose context changed), and the seconds of each stage as the run
prints them. With `--verify`, a cold run on each grown folder is compared with the incremental run's warehouse
(`bench.compare_warehouses`: every table and view as multisets of rows). Prefect's local state is warmed by
one small run first, so no measured run pays its first-time database migrations; every measured run pays
its own start-up (the no-op does not start Prefect at all).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORANGESUM = ROOT.parent / "shared" / "data" / "orangesum" / "orangesum-2011-2019.jsonl.gz"
PER_FILE = 500


def write_corpus(lines: list[str], folder: Path, start: int, stop: int) -> None:
    """Articles `start`..`stop` (exclusive) of OrangeSum as JSONL files of `PER_FILE` named by their first one."""
    folder.mkdir(parents=True, exist_ok=True)
    for first in range(start, stop, PER_FILE):
        last = min(first + PER_FILE, stop)
        (folder / f"os-{first:05d}.jsonl").write_text("\n".join(lines[first:last]) + "\n", encoding="utf-8")


def run(folder: Path, state: Path, env: dict, *extra: str) -> dict:
    """One `recoupe run` in a fresh process: wall seconds, peak RSS (MiB) and what it printed."""
    command = [
        sys.executable,
        "-m",
        "flows.cli",
        "run",
        "--input",
        str(folder),
        "--db",
        str(state / "w.duckdb"),
        "--lake",
        str(state / "lake"),
        "--reports",
        str(state / "reports"),
        "--quiet",
        *extra,
    ]
    state.mkdir(parents=True, exist_ok=True)
    with (state / "stdout.txt").open("w") as out, (state / "stderr.txt").open("w") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"recoupe run failed: {(state / 'stderr.txt').read_text()[-3000:]}")
    printed = _printed((state / "stdout.txt").read_text())
    return {"wall_s": round(wall, 1), "peak_rss_mib": round(usage.ru_maxrss / 1024), **printed}


def _printed(out: str) -> dict:
    """What the run's summary table says: articles resolved, new, and seconds by stage."""
    found: dict = {}
    for label, key in (("new articles", "new"), ("articles resolved", "resolved")):
        match = re.search(rf"{label}[^│]*│\s*(\d+)", out)
        if match:
            found[key] = int(match.group(1))
    match = re.search(r"seconds by stage\s*│\s*([^│]+)│", out)
    if match:
        found["stages"] = match.group(1).strip()
    found["noop"] = "nothing changed" in out
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000, 20000])
    parser.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one)")
    parser.add_argument("--out", type=Path, default=None, help="append the rows as JSON lines here")
    parser.add_argument("--verify", action="store_true", help="compare each incremental run with a cold one")
    args = parser.parse_args()
    if not ORANGESUM.exists():
        raise SystemExit(f"needs {ORANGESUM}")
    with gzip.open(ORANGESUM, "rt", encoding="utf-8") as handle:
        lines = [line for line in handle.read().splitlines() if line.strip()]
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-incremental-"))
    env = {
        **os.environ,
        "PREFECT_HOME": str(work / "prefect"),
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    }
    warm = work / "warm"
    write_corpus(lines, warm / "in", 0, 5)
    run(warm / "in", warm, env)
    rows = []
    for size in args.sizes:
        if size + size // 10 > len(lines):
            raise SystemExit(f"{size} + 10 % is more than the {len(lines)} articles of OrangeSum")
        base = work / f"n{size}"
        write_corpus(lines, base / "in", 0, size)
        cold = run(base / "in", base / "state", env)
        rows.append({"size": size, "case": "cold", **cold})
        _report(rows[-1], cold)
        noop = run(base / "in", base / "state", env)
        rows.append({"size": size, "case": "noop", **noop})
        _report(rows[-1], cold)
        for label, extra in (("+1%", size // 100), ("+10%", size // 10)):
            grown = work / f"n{size}{label.replace('%', 'pct')}"
            shutil.rmtree(grown, ignore_errors=True)
            shutil.copytree(base / "in", grown / "in", copy_function=os.link)
            shutil.copytree(base / "state", grown / "state", ignore=shutil.ignore_patterns("reports", "staging"))
            write_corpus(lines, grown / "in", size, size + extra)
            result = run(grown / "in", grown / "state", env)
            rows.append({"size": size, "case": label, **result})
            if args.verify:
                run(grown / "in", grown / "full", env)
                same = subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "bench.compare_warehouses",
                        str(grown / "full" / "w.duckdb"),
                        str(grown / "state" / "w.duckdb"),
                    ],
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                )
                rows[-1]["same_as_cold"] = same.returncode == 0
            _report(rows[-1], cold)
            shutil.rmtree(grown, ignore_errors=True)
        if args.out:
            with args.out.open("a", encoding="utf-8") as handle:
                for row in rows[-4:]:
                    handle.write(json.dumps(row) + "\n")
        shutil.rmtree(base, ignore_errors=True)
    print(f"\n{'size':>6} {'case':>5} {'wall s':>8} {'×cold':>6} {'RSS MiB':>8} {'×cold':>6} {'resolved':>8}  stages")
    for row in rows:
        cold = next(r for r in rows if r["size"] == row["size"] and r["case"] == "cold")
        print(
            f"{row['size']:>6} {row['case']:>5} {row['wall_s']:>8.1f} {row['wall_s'] / cold['wall_s']:>6.3f} "
            f"{row['peak_rss_mib']:>8} {row['peak_rss_mib'] / cold['peak_rss_mib']:>6.2f} "
            f"{row.get('resolved', 0):>8}  {row.get('stages', '')}"
        )


def _report(row: dict, cold: dict) -> None:
    print(
        f"{row['size']} {row['case']}: {row['wall_s']} s ({row['wall_s'] / cold['wall_s']:.3f} of cold), "
        f"peak RSS {row['peak_rss_mib']} MiB, resolved {row.get('resolved', 0)}",
        flush=True,
    )


if __name__ == "__main__":
    main()
