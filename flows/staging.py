"""The staging warehouse a run writes before the gate: a new file (a full build, written chunk by chunk: nobody
sees it before it is renamed) or a copy of the published warehouse with this run's changes applied in one
transaction (an incremental build).

DuckDB allows one writer per file and a read-write connection blocks every reader, so the published file is
never opened for writing: it is copied to `data/staging/warehouse-<run>.duckdb` (readers of the published
file are not disturbed; a copy is cheap next to a rebuild), the copy is changed, validated, and renamed over
the published file (`warehouse_io.publish`).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from flows.warehouse_io import copy_warehouse, create_schema, create_views, fetch_frame, insert_frame, limit_memory

# tables with one set of rows per article, deleted and written again when the article is resolved again
ARTICLE_TABLES = ("articles", "sentences", "mentions", "claims", "dates")


class StagingWarehouse:
    """One read-write connection on the staging file (for a copy: one transaction until `commit`)."""

    def __init__(self, path: Path, base: Path | None, memory_limit: str = "512MB") -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        for leftover in (path, path.with_name(path.name + ".wal")):
            if leftover.exists():
                leftover.unlink()
        self.path = path
        self.incremental = base is not None
        if base is not None:
            copy_warehouse(base, path)
        self.con = duckdb.connect(str(path))
        limit_memory(self.con, memory_limit)
        if base is not None:
            # the changes to a copy of the published warehouse: one transaction
            self.con.execute("begin transaction")
        else:
            # a new file is invisible until renamed: each write commits, so that memory does not hold the
            # whole warehouse as one transaction
            create_schema(self.con)

    def query(self, sql: str, params: list | None = None) -> pl.DataFrame:
        return fetch_frame(self.con, sql, params)

    def article_ids(self) -> set[str]:
        return set(self.query("select article_id from articles")["article_id"].to_list())

    def _ids(self, name: str, article_ids: list[str]) -> None:
        self.con.register(name, pl.DataFrame({"article_id": article_ids}, schema={"article_id": pl.String}).to_arrow())

    def replace_articles(self, article_ids: list[str], tables: dict[str, pl.DataFrame]) -> None:
        """Delete the rows of these articles from each table of `tables`, then insert `tables`' rows."""
        if self.incremental and article_ids:
            self._ids("replaced_articles", article_ids)
            for table in tables:
                self.con.execute(
                    f'delete from "{table}" where article_id in (select article_id from replaced_articles)'
                )
            self.con.unregister("replaced_articles")
        for table, frame in tables.items():
            insert_frame(self.con, table, frame)

    def replace_table(self, table: str, frame: pl.DataFrame) -> pl.DataFrame | None:
        """Every row of `table` becomes `frame`'s. Returns the rows that differ (those only in the table and
        those only in `frame`, on the columns `frame` has), or None for a new file (every row is new)."""
        differing = None
        if self.incremental:
            columns = [c for c in self.query(f'select * from "{table}" limit 0').columns if c in frame.columns]
            quoted = ", ".join(f'"{c}"' for c in columns)
            self.con.register("wanted_rows", frame.select(columns).to_arrow())
            try:
                differing = self.query(
                    f'(select {quoted} from "{table}" except all select {quoted} from wanted_rows) union all '
                    f'(select {quoted} from wanted_rows except all select {quoted} from "{table}")'
                )
            finally:
                self.con.unregister("wanted_rows")
            if differing.is_empty():
                return differing
        self.con.execute(f'delete from "{table}"')
        insert_frame(self.con, table, frame)
        return differing

    def append(self, table: str, frame: pl.DataFrame) -> None:
        insert_frame(self.con, table, frame)

    def sync_table(self, table: str, frame: pl.DataFrame, key: str) -> list[str]:
        """Make `table` hold exactly `frame`'s rows (on the table's columns that `frame` has), touching only
        the rows that differ. Returns the keys of the rows written (new or changed)."""
        columns = [c for c in self.query(f'select * from "{table}" limit 0').columns if c in frame.columns]
        quoted = ", ".join(f'"{c}"' for c in columns)
        self.con.register("wanted_rows", frame.select(columns).to_arrow())
        try:
            self.con.execute(
                f'create or replace temp table gone_rows as select {quoted} from "{table}" '
                f"except all select {quoted} from wanted_rows"
            )
            self.con.execute(
                f"create or replace temp table new_rows as select {quoted} from wanted_rows "
                f'except all select {quoted} from "{table}"'
            )
        finally:
            self.con.unregister("wanted_rows")
        self.con.execute(f'delete from "{table}" where "{key}" in (select "{key}" from gone_rows)')
        self.con.execute(f'insert into "{table}" ({quoted}) select {quoted} from new_rows')
        written = self.query(f'select "{key}" from new_rows')[key].to_list()
        self.con.execute("drop table gone_rows")
        self.con.execute("drop table new_rows")
        return written

    def update_column(self, table: str, key: str, column: str, frame: pl.DataFrame) -> list[str]:
        """Set `column` from `frame` (`key`, `column`) where it differs (null-safe). Returns the keys changed."""
        self.con.register("new_values", frame.select(key, column).to_arrow())
        try:
            changed = self.query(
                f'select "{table}"."{key}" from "{table}" join new_values using ("{key}") '
                f'where "{table}"."{column}" is distinct from new_values."{column}"'
            )[key].to_list()
            if changed:
                self.con.execute(
                    f'update "{table}" set "{column}" = new_values."{column}" from new_values '
                    f'where "{table}"."{key}" = new_values."{key}" '
                    f'and "{table}"."{column}" is distinct from new_values."{column}"'
                )
        finally:
            self.con.unregister("new_values")
        return changed

    def commit(self) -> None:
        """Create the views (a new file), commit, checkpoint and close."""
        try:
            if self.incremental:
                self.con.execute("commit")
            else:
                create_views(self.con)
            self.con.execute("checkpoint")
        except Exception:
            if self.incremental:
                self.con.execute("rollback")
            raise
        finally:
            self.con.close()

    def abandon(self) -> None:
        """Give up the build (the caller discards the file)."""
        try:
            if self.incremental:
                self.con.execute("rollback")
        finally:
            self.con.close()
