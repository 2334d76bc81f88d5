"""Throughput at scale: bare spaCy against a whole `recoupe run`, on the same OrangeSum texts, in one process tree.

    .venv/bin/python -m bench.bench_scale [--sizes 1000 5000] [--systems local pipe1 pipe2 dask]
                                          [--workers 2] [--repeat 1] [--out bench/results/scale.json]
                                          [--plot bench/results/scale.png]

For each size N (the first N articles of ../shared/data/orangesum/orangesum-2011-2019.jsonl.gz, written as
one JSONL input), every system runs in a child process of this one, in this order:

- `local1`: the same with `--workers 1` (extraction in the run's own process, as before workers existed);
- `baseline` (with `--baseline-tree DIR`, a checkout of an earlier commit): that tree's `recoupe run`, run as
  `python -m flows.cli run` from DIR with the same interpreter (the before of a before/after);
- `local`: `recoupe run --workers W` end to end (fresh lake and warehouse: ingest, clean, extract in W
  worker processes, resolve, load, Great Expectations, publish, reports), wall time of the command;
- `pipe1` / `pipe2`: `spacy.load("fr_core_news_md")` then `nlp.pipe(texts, batch_size=64, n_process=1|2)`
  on the bodies `local` parsed (its warehouse's French `articles.body`): the texts recoupe parses, after
  cleaning. Timed around `nlp.pipe` only (model load excluded), and as the whole command;
- `dask`: `recoupe run --dask-address` end to end on a fresh localhost cluster (`dask scheduler`, W
  `dask worker --nthreads 1` processes started before the timed run; they load the model at their first
  batch, inside the timed run).

Before the first timed run, one `recoupe run` on `seeds/` with the same `PREFECT_HOME` creates Prefect's database,
as any earlier run on a machine has: the first run on a fresh `PREFECT_HOME` also pays Prefect's database
migrations (~4.5 s on the reference machine, once).

Words are whitespace-separated tokens of those bodies, the same count for every system. Peak RSS is sampled
every 0.2 s for every process of the tree (per process, by role, and the sum). Ratios are words/s of a
system over `pipe2`'s (the issue's target: `local` >= 1.0x).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import psutil

ROOT = Path(__file__).resolve().parent.parent
ORANGESUM = ROOT.parent / "shared/data/orangesum/orangesum-2011-2019.jsonl.gz"
BIN = Path(sys.executable).parent
SYSTEMS = ("local", "local1", "baseline", "pipe1", "pipe2", "dask")


# --- measuring a child process tree ----------------------------------------------------------------


def _role(process: psutil.Process) -> str:
    try:
        line = " ".join(process.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return "?"
    if "multiprocessing" in line:
        try:
            parent = " ".join(process.parent().cmdline())
        except (psutil.NoSuchProcess, psutil.AccessDenied, AttributeError):
            parent = ""
        if "resource_tracker" in line:
            return "multiprocessing tracker"
        return "dask worker process" if "dask" in parent else "extraction worker"
    if "prefect" in line or "uvicorn" in line:
        return "prefect server"
    for name in ("scheduler", "worker"):
        if f"dask {name}" in line or f"dask-{name}" in line or f"/dask {name}" in line:
            return f"dask {name}" if name == "scheduler" else "dask nanny"
    if "recoupe" in line or "flows.cli" in line:
        return "recoupe run"
    if "bench.bench_scale" in line:
        return "nlp.pipe"
    return Path(process.name()).name


class Sampler:
    """Peak RSS and CPU seconds of every descendant of this process while it runs (0.2 s samples). CPU time is
    the work done whatever else the machine runs (on a shared machine, wall time is not)."""

    def __init__(self, every: float = 0.2) -> None:
        self.every, self.peaks, self.roles, self.peak_total = every, {}, {}, 0
        self.cpu: dict[int, list[float]] = {}  # pid → [CPU seconds when first seen, last seen]
        self._first = True
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        total = 0
        for child in psutil.Process().children(recursive=True):
            try:
                with child.oneshot():
                    rss = child.memory_info().rss
                    times = child.cpu_times()
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            used = times.user + times.system  # (not children_*: the children are sampled themselves)
            # a process already there when sampling started (a Dask worker) counts from then
            self.cpu.setdefault(child.pid, [used if self._first else 0.0, used])[1] = used
            total += rss
            if rss > self.peaks.get(child.pid, 0):
                self.peaks[child.pid] = rss
                # (read again: a child first seen between fork and exec still has this process's command line)
                self.roles[child.pid] = _role(child)
        self.peak_total = max(self.peak_total, total)
        self._first = False

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.every)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def report(self) -> dict:
        mib = 2**20
        return {
            "peak_rss_sum_mib": round(self.peak_total / mib),
            "cpu_s": round(sum(last - first for first, last in self.cpu.values()), 1),
            "processes": sorted(
                (
                    {
                        "role": self.roles[pid],
                        "peak_rss_mib": round(rss / mib),
                        "cpu_s": round(self.cpu[pid][1] - self.cpu[pid][0], 1),
                    }
                    for pid, rss in self.peaks.items()
                ),
                key=lambda p: (p["role"], -p["peak_rss_mib"]),
            ),
        }


def _timed(command: list[str], env: dict | None = None, cwd: Path = ROOT) -> tuple[float, dict, str]:
    """(wall seconds, peak RSS report, stdout) of a child command; fails loudly when it fails."""
    with Sampler() as sampler:
        started = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return wall, sampler.report(), done.stdout


# --- inputs ------------------------------------------------------------------------------------------


def write_input(n: int, folder: Path) -> int:
    """The first `n` OrangeSum articles as one JSONL input file; returns how many were written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    with gzip.open(ORANGESUM, "rt", encoding="utf-8") as source, (folder / "orangesum.jsonl").open("w") as out:
        for line in source:
            out.write(line if line.endswith("\n") else line + "\n")
            written += 1
            if written >= n:
                break
    return written


def parsed_texts(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("select body from articles where language = 'fr' order by article_id").fetchall()
    finally:
        con.close()
    return [body for (body,) in rows]


# --- the systems ------------------------------------------------------------------------------------------


def run_recoupe(
    input_dir: Path, out: Path, extra: list[str], prefect_home: Path, tree: Path | None = None
) -> tuple[float, dict]:
    """Wall seconds and memory of `recoupe run` (this tree's, or `tree`'s code with this interpreter)."""
    program = [sys.executable, "-m", "flows.cli"] if tree else [str(BIN / "recoupe")]
    command = [
        *program,
        "run",
        "--input",
        str(input_dir),
        "--db",
        str(out / "warehouse.duckdb"),
        "--lake",
        str(out / "lake"),
        "--reports",
        str(out / "reports"),
        "--quiet",
        *extra,
    ]
    env = {**os.environ, "PREFECT_HOME": str(prefect_home), "PREFECT_LOGGING_LEVEL": "WARNING"}
    if tree:
        env["PYTHONPATH"] = str(tree)
    wall, memory, _ = _timed(command, env, cwd=tree or ROOT)
    return wall, memory


def warm_up(work: Path) -> None:
    """A `recoupe run` on the seeds with the bench's `PREFECT_HOME`: Prefect creates its database (a first run on
    a machine does it once) and the model's files are read once, before anything is timed."""
    run_recoupe(ROOT / "seeds", work / "warm-up", [], work / "prefect")


def run_pipe(texts_file: Path, n_process: int) -> tuple[float, float, dict]:
    """(seconds in nlp.pipe, seconds of the whole command, memory) of bare spaCy in a child process."""
    command = [sys.executable, "-m", "bench.bench_scale", "--pipe", str(texts_file), "--n-process", str(n_process)]
    wall, memory, stdout = _timed(command)
    return json.loads(stdout.strip().splitlines()[-1])["pipe_s"], wall, memory


def pipe_child(texts_file: Path, n_process: int) -> None:
    """Child: load the model, parse every text, print the seconds spent in `nlp.pipe`."""
    import spacy

    texts = json.loads(texts_file.read_text(encoding="utf-8"))
    nlp = spacy.load("fr_core_news_md")
    started = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, batch_size=64, n_process=n_process))
    print(json.dumps({"pipe_s": time.perf_counter() - started, "docs": n}))


class Cluster:
    """`dask scheduler` and `workers` single-thread `dask worker` processes on 127.0.0.1 (children of this one)."""

    def __init__(self, workers: int, root: Path) -> None:
        self.root, self.processes = root, []
        scheduler_file = root / "scheduler.json"
        self._start(
            ["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard"]
            + ["--scheduler-file", str(scheduler_file)]
        )
        deadline = time.monotonic() + 300
        while not scheduler_file.exists():
            if time.monotonic() > deadline or self.processes[0].poll() is not None:
                self.stop()
                raise SystemExit(f"the Dask scheduler did not start: {(root / 'log-0.txt').read_text()[-2000:]}")
            time.sleep(0.2)
        self.address = json.loads(scheduler_file.read_text())["address"]
        for i in range(workers):
            self._start(
                [
                    "worker",
                    self.address,
                    "--nthreads",
                    "1",
                    "--host",
                    "127.0.0.1",
                    "--no-dashboard",
                    "--local-directory",
                    str(root / f"w{i}"),
                ]
            )
        from distributed import Client

        with Client(self.address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=120)

    def _start(self, args: list[str]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        log = (self.root / f"log-{len(self.processes)}.txt").open("wb")
        self.processes.append(
            subprocess.Popen([str(BIN / "dask"), *args], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        )

    def stop(self) -> None:
        for process in reversed(self.processes):
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=30)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                os.killpg(process.pid, signal.SIGKILL)


# --- the bench ------------------------------------------------------------------------------------------


def bench_size(n: int, systems: list[str], workers: int, work: Path, baseline: Path | None = None) -> dict:
    input_dir = work / f"input-{n}"
    n_written = write_input(n, input_dir)
    row: dict = {"articles": n_written, "workers": workers, "systems": {}}
    local_out = work / f"local-{n}"
    wall, memory = run_recoupe(input_dir, local_out, ["--workers", str(workers)], work / "prefect")
    texts = parsed_texts(local_out / "warehouse.duckdb")
    words = sum(len(t.split()) for t in texts)
    row.update(documents=len(texts), words=words)
    if "local" in systems:
        row["systems"]["local"] = {"seconds": wall, "memory": memory}
    if "local1" in systems:
        wall, memory = run_recoupe(input_dir, work / f"local1-{n}", ["--workers", "1"], work / "prefect")
        row["systems"]["local1"] = {"seconds": wall, "memory": memory}
    if "baseline" in systems and baseline:
        wall, memory = run_recoupe(input_dir, work / f"baseline-{n}", [], work / "prefect", tree=baseline)
        row["systems"]["baseline"] = {"seconds": wall, "memory": memory}
    texts_file = work / f"texts-{n}.json"
    texts_file.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    for k in (1, 2):
        if f"pipe{k}" in systems:
            pipe_s, wall, memory = run_pipe(texts_file, k)
            row["systems"][f"pipe{k}"] = {"seconds": pipe_s, "command_seconds": wall, "memory": memory}
    if "dask" in systems:
        cluster = Cluster(workers, work / f"dask-{n}")
        try:
            with Sampler() as sampler:  # the cluster's workers too: they are children of this process
                wall, _ = run_recoupe(
                    input_dir, work / f"dask-out-{n}", ["--dask-address", cluster.address], work / "prefect"
                )
            row["systems"]["dask"] = {"seconds": wall, "memory": sampler.report()}
        finally:
            cluster.stop()
    for system in row["systems"].values():
        system["words_per_s"] = words / system["seconds"]
        system["docs_per_s"] = len(texts) / system["seconds"]
    base = row["systems"].get("pipe2")
    for system in row["systems"].values():
        if base:
            system["ratio_to_pipe2"] = system["words_per_s"] / base["words_per_s"]
    return row


def summarise(runs: list[dict]) -> list[dict]:
    """Median over repeats, per size and system."""
    by_size: dict[int, list[dict]] = {}
    for run in runs:
        by_size.setdefault(run["articles"], []).append(run)
    out = []
    for n, rows in sorted(by_size.items()):
        first = rows[0]
        systems = {}
        for name in first["systems"]:
            values = [r["systems"][name] for r in rows if name in r["systems"]]
            seconds = statistics.median(v["seconds"] for v in values)
            systems[name] = {
                "seconds": seconds,
                "seconds_all": [round(v["seconds"], 1) for v in values],
                "words_per_s": first["words"] / seconds,
                "docs_per_s": first["documents"] / seconds,
                "peak_rss_sum_mib": max(v["memory"]["peak_rss_sum_mib"] for v in values),
                "cpu_s": statistics.median(v["memory"]["cpu_s"] for v in values),
                "words_per_cpu_s": first["words"] / statistics.median(v["memory"]["cpu_s"] for v in values),
                "processes": values[-1]["memory"]["processes"],
            }
        if "pipe2" in systems:
            for s in systems.values():
                s["ratio_to_pipe2"] = s["words_per_s"] / systems["pipe2"]["words_per_s"]
        out.append({"articles": n, "documents": first["documents"], "words": first["words"], "systems": systems})
    return out


def plot(summary: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = {
        "pipe1": "spaCy nlp.pipe, 1 process",
        "pipe2": "spaCy nlp.pipe, n_process=2",
        "baseline": "recoupe run of --baseline-tree (end to end)",
        "local1": "recoupe run --workers 1 (end to end)",
        "local": "recoupe run --workers 2 (end to end)",
        "dask": "recoupe run --dask-address (2 workers, end to end)",
    }
    fig, (wall, cpu) = plt.subplots(1, 2, figsize=(11, 4.2))
    for name, label in labels.items():
        for ax, key in ((wall, "words_per_s"), (cpu, "words_per_cpu_s")):
            points = [(s["articles"], s["systems"][name][key]) for s in summary if name in s["systems"]]
            if points:
                ax.plot(*zip(*points, strict=True), marker="o", label=label)
    for ax, title in ((wall, "words/s (wall clock)"), (cpu, "words per CPU-second (all processes)")):
        ax.set_xscale("log")
        ax.set_xlabel("OrangeSum articles")
        ax.set_ylabel(title)
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
    cpu.legend(fontsize=8)
    fig.suptitle(f"Throughput against corpus size ({os.cpu_count()} cores)")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)


def print_summary(summary: list[dict]) -> None:
    print(
        f"{'articles':>8} {'words':>9} {'system':>8} {'seconds':>8} {'words/s':>8} {'docs/s':>7} "
        f"{'x pipe2':>7} {'CPU s':>7} {'words/CPU s':>11} {'peak RSS sum MiB':>16}  per process"
    )
    for size in summary:
        for name, s in size["systems"].items():
            per = ", ".join(
                f"{p['role']} {p['peak_rss_mib']} MiB {p.get('cpu_s', 0):.0f} CPU s"
                for p in s["processes"]
                if p["peak_rss_mib"] > 50
            )
            print(
                f"{size['articles']:8d} {size['words']:9d} {name:>8} {s['seconds']:8.1f} {s['words_per_s']:8.0f} "
                f"{s['docs_per_s']:7.1f} {s.get('ratio_to_pipe2', float('nan')):7.2f} {s['cpu_s']:7.0f} "
                f"{s['words_per_cpu_s']:11.0f} {s['peak_rss_sum_mib']:16d}  {per}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--systems", nargs="+", default=list(SYSTEMS), choices=SYSTEMS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None, help="JSON of every run and the medians")
    parser.add_argument("--plot", type=Path, default=None, help="PNG of words/s against corpus size")
    parser.add_argument("--baseline-tree", type=Path, default=None, help="an earlier checkout: system baseline")
    parser.add_argument("--report-only", action="store_true", help="measure nothing: summarise and plot --merge")
    parser.add_argument("--merge", type=Path, nargs="*", default=[], help="earlier --out files to plot with these")
    parser.add_argument(
        "--work", type=Path, help="keep the inputs, lakes and warehouses of the runs in this folder (default: deleted)"
    )
    parser.add_argument("--pipe", type=Path, help=argparse.SUPPRESS)  # child mode: bare nlp.pipe
    parser.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.pipe:
        pipe_child(args.pipe, args.n_process)
        return
    if not ORANGESUM.exists():
        raise SystemExit(f"OrangeSum not found at {ORANGESUM}")
    runs = []
    for previous in args.merge:
        runs += json.loads(previous.read_text(encoding="utf-8"))["runs"]
    if args.work:
        args.work.mkdir(parents=True, exist_ok=True)
    with (
        contextlib.nullcontext(str(args.work))
        if args.work
        else tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp
    ):
        if not args.report_only:
            warm_up(Path(tmp))
        for _ in range(0 if args.report_only else args.repeat):
            for n in args.sizes:
                row = bench_size(n, args.systems, args.workers, Path(tmp), args.baseline_tree)
                runs.append(row)
                if args.out:  # every size as soon as it is measured (with the merged runs)
                    args.out.parent.mkdir(parents=True, exist_ok=True)
                    args.out.write_text(json.dumps({"runs": runs}, indent=1), encoding="utf-8")
                print(
                    json.dumps(
                        {k: v for k, v in row.items() if k != "systems"}
                        | {s: round(v["seconds"], 1) for s, v in row["systems"].items()}
                    ),
                    flush=True,
                )
    summary = summarise(runs)
    print_summary(summary)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"runs": runs, "summary": summary}, indent=1), encoding="utf-8")
    if args.plot:
        plot(summary, args.plot)


if __name__ == "__main__":
    main()
