"""Compare two warehouses table by table and view by view, as multisets of rows, ignoring what differs
from run to run (run ids, timestamps): the before/after proof for a change that must not change outputs.

    .venv/bin/python -m bench.compare_warehouses BEFORE.duckdb AFTER.duckdb [--show 5]

Exit 0 when every table and view holds the same rows, 1 otherwise (with the differing rows shown).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

# columns that record when or by which run a row was written, not what it says
VOLATILE = {
    *("run_id", "ingested_at", "quarantined_at", "seen_at", "built_at", "started_at", "finished_at"),
    "modified_ns",  # when an input file was last written (a copy of the folder has other times)
}
SKIPPED = {"pipeline_runs", "dq_results", "build_info"}  # run history, not content


def relations(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "select table_name from information_schema.tables where table_schema = 'main' order by table_name"
    ).fetchall()
    return [name for (name,) in rows if name not in SKIPPED]


def columns(con: duckdb.DuckDBPyConnection, relation: str) -> list[str]:
    rows = con.execute(
        "select column_name from information_schema.columns where table_name = ? order by ordinal_position",
        [relation],
    ).fetchall()
    return [name for (name,) in rows if name not in VOLATILE]


def differences(before: Path, after: Path, show: int = 5) -> dict[str, tuple[int, int, list, list]]:
    """{relation: (rows before, rows after, some rows only before, some rows only after)} for every relation
    that differs; a relation missing on one side counts as differing."""
    con = duckdb.connect()
    con.execute("attach ? as a (read_only)", [str(before)])
    con.execute("attach ? as b (read_only)", [str(after)])
    out: dict[str, tuple[int, int, list, list]] = {}
    a_con = duckdb.connect(str(before), read_only=True)
    b_con = duckdb.connect(str(after), read_only=True)
    names_a, names_b = set(relations(a_con)), set(relations(b_con))
    for name in sorted(names_a | names_b):
        if name not in names_a or name not in names_b:
            out[name] = (-1 if name not in names_a else 0, -1 if name not in names_b else 0, [], [])
            continue
        cols = [c for c in columns(a_con, name) if c in set(columns(b_con, name))]
        select = ", ".join(f'"{c}"' for c in cols)
        only_a = con.execute(f"select {select} from a.{name} except all select {select} from b.{name}").fetchall()
        only_b = con.execute(f"select {select} from b.{name} except all select {select} from a.{name}").fetchall()
        if only_a or only_b:
            n_a = con.execute(f"select count(*) from a.{name}").fetchone()[0]
            n_b = con.execute(f"select count(*) from b.{name}").fetchone()[0]
            out[name] = (n_a, n_b, only_a[:show], only_b[:show])
    a_con.close()
    b_con.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--show", type=int, default=5, help="rows shown per differing relation")
    args = parser.parse_args()
    found = differences(args.before, args.after, args.show)
    con = duckdb.connect(str(args.before), read_only=True)
    names = relations(con)
    counts = {n: con.execute(f"select count(*) from {n}").fetchone()[0] for n in names}
    con.close()
    for name in names:
        status = "DIFFERENT" if name in found else "same"
        print(f"{name:24} {counts[name]:>8} rows  {status}")
    for name, (n_a, n_b, only_a, only_b) in found.items():
        print(f"\n== {name}: {n_a} rows before, {n_b} after")
        for row in only_a:
            print("  - before only:", str(row)[:300])
        for row in only_b:
            print("  + after only: ", str(row)[:300])
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
