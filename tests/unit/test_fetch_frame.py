"""Ad-hoc SQL (`recoupe sql`) returns a frame even when two output columns share a name."""

import duckdb

from flows.warehouse_io import fetch_frame


def test_duplicate_column_names_are_suffixed():
    con = duckdb.connect()
    frame = fetch_frame(con, "select 1 as source_uri, 2 as source_uri, 3 as source_uri, ? as other", ["x"])
    assert frame.columns == ["source_uri", "source_uri_2", "source_uri_3", "other"]
    assert frame.row(0) == (1, 2, 3, "x")
