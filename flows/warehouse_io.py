"""DuckDB: build a warehouse file from frames (one transaction), publish it atomically, query it.

Publication builds a complete new file under `data/staging/` and swaps it in with `os.replace`, so a
reader that holds the old file (DuckDB CLI, `recoupe sql`) keeps reading a consistent warehouse and
never blocks the run; the next reader opens the new one.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import re
import shutil
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path

import duckdb
import polars as pl

from transforms.events import event_classes

# DuckDB may use this much memory per connection and spills to a temporary folder past it (by default it takes
# up to 80 % of the machine: a view over a large warehouse would make a run's memory grow with the corpus)
DUCKDB_MEMORY = "256MB"
_VIEW = re.compile(r"create\s+or\s+replace\s+view\s+(\w+)", re.IGNORECASE)


@cache
def spill_dir() -> str:
    """A temporary folder for DuckDB to spill to, removed when the process ends."""
    folder = tempfile.mkdtemp(prefix="recoupe-duckdb-")
    atexit.register(shutil.rmtree, folder, True)
    return folder


def limit_memory(con: duckdb.DuckDBPyConnection, memory_limit: str = DUCKDB_MEMORY) -> None:
    con.execute(f"set memory_limit = '{memory_limit}'")  # a constant of ours, not data
    con.execute("set temp_directory = ?", [spill_dir()])


def open_warehouse(db: Path, views: bool = False) -> duckdb.DuckDBPyConnection:
    """A read-only connection on a warehouse file, its memory limited; with `views`, every view computed once
    (see `materialize_views`)."""
    con = duckdb.connect(str(db), read_only=True)
    limit_memory(con)
    if views:
        materialize_views(con)
    return con


def materialize_views(con: duckdb.DuckDBPyConnection) -> None:
    """Compute each view once, in file order, into a temporary table of the same name, which the later views and
    the queries of this connection read instead (several data-quality assertions read `contradictions` or
    `disputes`: each would compute the view again). The connection may be read-only."""
    for _, sql in sql_files("views"):
        for name in _VIEW.findall(sql):
            con.execute(f'create or replace temp table "{name}" as select * from main."{name}"')


def sql_files(folder: str) -> list[tuple[str, str]]:
    """(file name, SQL) of `warehouse/<folder>/*.sql`, in file-name order."""
    root = resources.files("warehouse").joinpath(folder)
    files = sorted((p for p in root.iterdir() if p.name.endswith(".sql")), key=lambda p: p.name)
    return [(p.name, p.read_text(encoding="utf-8")) for p in files]


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """The tables, with their reference data (`event_classes`, which the views read)."""
    for _, sql in sql_files("schema"):
        con.execute(sql)
    insert_frame(con, "event_classes", event_classes())


def create_macros(con: duckdb.DuckDBPyConnection) -> None:
    """The macros the views share (`warehouse/macros/*.sql`; a macro reads tables, never a view)."""
    for _, sql in sql_files("macros"):
        con.execute(sql)


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """The macros, then the views (`warehouse/views/NN_<name>.sql`, in file order: a view reads those before it)."""
    create_macros(con)
    for _, sql in sql_files("views"):
        con.execute(sql)


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        "select column_name from information_schema.columns where table_name = ? order by ordinal_position", [table]
    ).fetchall()
    return [r[0] for r in rows]


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    """Insert the frame's columns that the table has (by name). `table` is one of ours, never data."""
    if frame.is_empty():
        return
    columns = [c for c in table_columns(con, table) if c in frame.columns]
    incoming = frame.select(columns).to_arrow()  # noqa: F841 - read by DuckDB's replacement scan
    con.register("incoming_frame", incoming)
    quoted = ", ".join(f'"{c}"' for c in columns)
    con.execute(f'insert into "{table}" ({quoted}) select {quoted} from incoming_frame')
    con.unregister("incoming_frame")


def _write(path: Path, work) -> None:
    """Run `work(con)` on the file at `path` in one transaction, then checkpoint and close."""
    con = duckdb.connect(str(path))
    try:
        con.execute("begin transaction")
        work(con)
        con.execute("commit")
        con.execute("checkpoint")
    except Exception:
        con.execute("rollback")
        raise
    finally:
        con.close()


def build_warehouse(path: Path, tables: dict[str, pl.DataFrame]) -> None:
    """Create a fresh warehouse file at `path` with every table, loaded in one transaction, and the views."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for leftover in (path, path.with_name(path.name + ".wal")):
        if leftover.exists():
            leftover.unlink()

    def load(con: duckdb.DuckDBPyConnection) -> None:
        create_schema(con)
        for table, frame in tables.items():
            insert_frame(con, table, frame)
        create_views(con)

    _write(path, load)


def append_tables(path: Path, tables: dict[str, pl.DataFrame]) -> None:
    """Append rows to tables of an existing (unpublished) warehouse file, in one transaction."""
    write_tables(path, tables)


def write_tables(path: Path, tables: dict[str, pl.DataFrame], replace: tuple[str, ...] = ()) -> None:
    """Write rows into tables of an existing (unpublished) warehouse file, in one transaction: the tables named
    in `replace` are emptied first, the others appended to. Table names are ours, never data."""

    def work(con: duckdb.DuckDBPyConnection) -> None:
        for table, frame in tables.items():
            if table in replace:
                con.execute(f'delete from "{table}"')
            insert_frame(con, table, frame)

    _write(path, work)


def build_fingerprint(dictionary_text: str, rules: str) -> str:
    """What the warehouse content derives from besides the lake: the actor dictionary, the extraction and
    resolution rules (`rules`: `flows.lake.extraction_fingerprint`, the code of `transforms/`), the code of
    `flows/` that resolves and loads, the warehouse SQL, the event classes and the installed recoupe version.
    A published warehouse built under another fingerprint is rebuilt, not updated."""
    from importlib.metadata import version

    digest = hashlib.sha256(dictionary_text.encode("utf-8"))
    digest.update(rules.encode("utf-8"))
    for folder in ("schema", "macros", "views", "checks"):
        for name, sql in sql_files(folder):
            digest.update(name.encode() + sql.encode("utf-8"))
    flows = Path(str(resources.files("flows")))
    for path in sorted(flows.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    digest.update(event_classes().write_csv().encode("utf-8"))
    digest.update(version("recoupe").encode())
    return digest.hexdigest()


def published_build(db: Path) -> dict | None:
    """What the published warehouse says it was built from (`build_info`: fingerprint, lake state; `input_files`,
    the manifest of the input folder) and its last published run, or None (no warehouse, an older build, or
    the file cannot be opened)."""
    if not db.exists():
        return None
    try:
        con = open_warehouse(db)
    except duckdb.Error:
        return None
    try:
        build = con.execute("select fingerprint, lake_state from build_info").fetchall()
        manifest = fetch_frame(con, "select * from input_files")
        last = fetch_frame(
            con, "select * from pipeline_runs where status = 'published' order by finished_at desc limit 1"
        )
    except duckdb.Error:
        return None
    finally:
        con.close()
    if len(build) != 1:
        return None
    return {"fingerprint": build[0][0], "lake_state": build[0][1], "input_files": manifest, "last_run": last}


def copy_warehouse(source: Path, target: Path) -> None:
    """Copy the published warehouse to a staging file (readers may hold the source: read-only is fine)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def publish(staging: Path, target: Path) -> None:
    """Atomically replace the published warehouse with the staging file (same filesystem)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    wal = staging.with_name(staging.name + ".wal")
    if wal.exists():
        raise RuntimeError(f"{staging} still has a write-ahead log: it was not closed cleanly")
    os.replace(staging, target)


def _unique_names(names: list[str]) -> list[str]:
    """`source_uri`, `source_uri` → `source_uri`, `source_uri_2` (a frame needs unique column names;
    SQL allows `select a.source_uri, b.source_uri`)."""
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return unique


def fetch_frame(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pl.DataFrame:
    """Run a query with bound parameters and return a Polars frame (via Arrow)."""
    table = con.sql(sql, params=params or None).to_arrow_table()
    frame = pl.from_arrow(table.rename_columns(_unique_names(table.column_names)))
    assert isinstance(frame, pl.DataFrame)
    return frame


def query_frame(db: Path, sql: str, params: list | None = None) -> pl.DataFrame:
    """Run a read-only query on a warehouse file and return a Polars frame."""
    con = open_warehouse(db)
    try:
        return fetch_frame(con, sql, params)
    finally:
        con.close()
