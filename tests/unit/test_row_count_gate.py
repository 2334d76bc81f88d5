"""The row-count-drop expectation on a tiny real warehouse file."""

from pathlib import Path

import polars as pl

from flows.validation import run_gate
from flows.warehouse_io import build_warehouse


def _warehouse(path: Path, n_articles: int) -> Path:
    articles = pl.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(n_articles)],
            "source_uri": [f"{i}.txt" for i in range(n_articles)],
            "content_sha256": ["x"] * n_articles,
            "language": ["fr"] * n_articles,
            "published_basis": ["unknown"] * n_articles,
            "body": ["Un texte."] * n_articles,
        }
    )
    build_warehouse(path, {"articles": articles})
    return path


def test_losing_more_than_the_allowed_fraction_fails(tmp_path):
    db = _warehouse(tmp_path / "w.duckdb", 3)
    failing = run_gate(db, "r1", {"articles": 10}, max_drop=0.5).results.filter(pl.col("suite") == "row_count_articles")
    assert failing["success"].to_list() == [False] and failing["severity"].to_list() == ["critical"]
    passing = run_gate(db, "r2", {"articles": 4}, max_drop=0.5, drop_severity="warning").results.filter(
        pl.col("suite") == "row_count_articles"
    )
    assert passing["success"].to_list() == [True]
