"""Lake compaction: one part per dataset, the standing rows only, and a killed compaction loses and duplicates
nothing."""

import json

import polars as pl

from flows.compaction import JOURNAL, compact_lake, recover
from flows.datasets import PIPELINE_RUNS, PROCESSING_ERRORS
from flows.lake import LakeQuery, write_part


def _error(article_id: str, error: str) -> dict:
    return {"article_id": article_id, "stage": "extract", "error": error, "run_id": "r"}


def _lake(tmp_path):
    lake = tmp_path / "lake"
    # the same key written by two runs: the last written stands (processing_errors keep the last)
    write_part(pl.DataFrame([_error("a", "old"), _error("b", "b1")]), lake, PROCESSING_ERRORS, "20250101T000000-x")
    write_part(pl.DataFrame([_error("a", "new")]), lake, PROCESSING_ERRORS, "20250102T000000-y")
    for run in ("20250101T000000-x", "20250102T000000-y", "20250103T000000-z"):
        write_part(pl.DataFrame([{"run_id": run, "status": "published"}]), lake, PIPELINE_RUNS, run)
    return lake


def test_compaction_merges_each_dataset_into_its_standing_rows(tmp_path):
    lake = _lake(tmp_path)
    before = LakeQuery(lake)
    errors, runs = before.read(PROCESSING_ERRORS), before.read(PIPELINE_RUNS, ["run_id"])
    before.close()
    assert compact_lake(lake, "20250104T000000-c") == {"pipeline_runs": 3, "processing_errors": 2}
    for dataset in ("processing_errors", "pipeline_runs"):
        assert [p.name for p in (lake / dataset).glob("part-*")] == ["part-20250104T000000-c-compacted.parquet"]
    after = LakeQuery(lake)
    assert after.read(PROCESSING_ERRORS).equals(errors)
    assert after.read(PIPELINE_RUNS, ["run_id"]).equals(runs)  # every run, in the order written
    after.close()
    # the merged part holds each key once: the error written last for `a`
    merged = pl.read_parquet(next((lake / "processing_errors").glob("part-*")))
    assert sorted(merged.select("article_id", "error").rows()) == [("a", "new"), ("b", "b1")]


def test_a_compaction_killed_after_writing_the_new_part_is_finished(tmp_path):
    lake = _lake(tmp_path)
    folder = lake / "pipeline_runs"
    old = sorted(p.name for p in folder.glob("part-*"))
    merged = pl.concat([pl.read_parquet(folder / name) for name in old])
    merged.write_parquet(folder / "part-20250104T000000-c-compacted.parquet")
    (folder / JOURNAL).write_text(json.dumps({"part": "part-20250104T000000-c-compacted.parquet", "replaces": old}))
    recover(lake)  # killed before the old parts were removed: they are, now
    assert [p.name for p in folder.glob("part-*")] == ["part-20250104T000000-c-compacted.parquet"]
    assert not (folder / JOURNAL).exists()
    assert LakeQuery(lake).read(PIPELINE_RUNS, ["run_id"])["run_id"].to_list() == merged["run_id"].to_list()


def test_a_compaction_killed_before_the_new_part_existed_is_forgotten(tmp_path):
    lake = _lake(tmp_path)
    folder = lake / "pipeline_runs"
    old = sorted(p.name for p in folder.glob("part-*"))
    (folder / JOURNAL).write_text(json.dumps({"part": "part-20250104T000000-c-compacted.parquet", "replaces": old}))
    recover(lake)
    assert sorted(p.name for p in folder.glob("part-*")) == old and not (folder / JOURNAL).exists()


def test_a_dataset_of_fewer_parts_than_the_threshold_is_left_alone(tmp_path):
    lake = _lake(tmp_path)
    assert compact_lake(lake, "20250104T000000-c", min_parts=3) == {"pipeline_runs": 3}
    assert len(list((lake / "processing_errors").glob("part-*"))) == 2
