"""The lake's catalog and readers: a dataset is named by its `Dataset` object, which says its folder, schema and
which copy of a key stands; both readers apply it."""

from datetime import datetime

import polars as pl
import pytest

from flows import datasets
from flows.datasets import DATASETS, INPUTS, QUARANTINE, ROLES_RAW, Dataset
from flows.lake import LakeQuery, read_column, read_dataset, write_part

AT = datetime(2020, 1, 16, 10, 30)


def _quarantined(uri: str, reason: str) -> dict:
    return {
        "source_uri": uri,
        "content_sha256": "s",
        "reason": reason,
        "detail": "",
        "run_id": "r",
        "quarantined_at": AT,
    }


def test_every_dataset_of_the_catalog_is_named_once_and_found_by_its_folder():
    named = [value for value in vars(datasets).values() if isinstance(value, Dataset)]
    assert sorted(d.name for d in named) == sorted(DATASETS)
    assert all(DATASETS[d.name] is d for d in named)
    for dataset in named:
        assert dataset.keys is None or set(dataset.keys) <= set(dataset.schema), dataset.name
        assert dataset.keep in ("first", "last")


def test_both_readers_keep_the_copy_of_a_key_the_catalog_says(tmp_path):
    # an input quarantined again by a later run: the first quarantine stands (its reason and time)
    write_part(
        pl.DataFrame([_quarantined("a.txt", "empty"), _quarantined("b.txt", "too_large")]), tmp_path, QUARANTINE, "1"
    )
    write_part(pl.DataFrame([_quarantined("a.txt", "undecodable")]), tmp_path, QUARANTINE, "2")
    assert (tmp_path / "quarantine" / "part-2.parquet").exists()
    whole = read_dataset(tmp_path, QUARANTINE)
    assert whole.select("source_uri", "reason").rows() == [("a.txt", "empty"), ("b.txt", "too_large")]
    query = LakeQuery(tmp_path)
    try:
        assert query.read(QUARANTINE, ["source_uri", "reason"]).rows() == whole.select("source_uri", "reason").rows()
    finally:
        query.close()
    # read_column reads every copy (a set of ids needs no more)
    assert read_column(tmp_path, QUARANTINE, "source_uri") == ["a.txt", "b.txt", "a.txt"]


def test_a_dataset_without_keys_keeps_every_row_in_write_order_or_its_distinct_rows(tmp_path):
    rows = [{"source_uri": "a.txt", "status": "article"}, {"source_uri": "a.txt", "status": "article"}]
    write_part(pl.DataFrame(rows), tmp_path, INPUTS, "1")
    assert read_dataset(tmp_path, INPUTS).height == 2
    write_part(pl.DataFrame(rows), tmp_path, ROLES_RAW, "1")
    assert read_dataset(tmp_path, ROLES_RAW).height == 1


def test_an_empty_dataset_reads_as_its_schema_and_an_unknown_column_is_an_error(tmp_path):
    assert read_dataset(tmp_path, INPUTS).schema == pl.Schema(INPUTS.schema)
    assert read_column(tmp_path, INPUTS, "article_id") == []
    with pytest.raises(KeyError, match="articel_id"):
        read_column(tmp_path, INPUTS, "articel_id")
