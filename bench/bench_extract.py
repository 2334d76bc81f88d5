"""Throughput of clean + sentences + extract on real French news (OrangeSum, ../shared/data/).

    .venv/bin/python -m bench.bench_extract [--n 500] [--batch-size 64]

Reports documents/s and words/s for each stage and the peak RSS of the process. The spaCy model
load is timed separately (it happens once per process).
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time
from pathlib import Path

import polars as pl

from transforms.actors import parse_dictionary, ruler_patterns
from transforms.clean import clean_articles
from transforms.extract import extract_batch
from transforms.identity import article_id_for
from transforms.nlp import load_pipeline
from transforms.sentences import sentence_frame

ORANGESUM = Path(__file__).resolve().parent.parent.parent / "shared/data/orangesum/orangesum-2011-2019.jsonl.gz"
DICTIONARY = Path(__file__).resolve().parent.parent / "seeds/reference/actors.csv"


def load_orangesum(n: int) -> list[dict]:
    rows = []
    with gzip.open(ORANGESUM, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            text = f"{item['title']}\n\n{item['heading']}\n\n{item['article']}"
            rows.append({"doc_key": item["id"], "text": text})
            if len(rows) >= n:
                break
    return rows


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    if not ORANGESUM.exists():
        raise SystemExit(f"OrangeSum not found at {ORANGESUM}")
    docs = load_orangesum(args.n)
    raw = pl.DataFrame(docs)
    megabytes = sum(len(d["text"].encode("utf-8")) for d in docs) / 1e6

    t0 = time.perf_counter()
    cleaned = clean_articles(raw)
    articles = cleaned.with_columns(
        pl.col("body").map_elements(article_id_for, return_dtype=pl.String).alias("article_id")
    ).unique("article_id", keep="first")
    sentences = sentence_frame(articles.select("article_id", "body"))
    t_clean = time.perf_counter() - t0
    words = sum(len(b.split()) for b in articles["body"].to_list())

    t0 = time.perf_counter()
    nlp = load_pipeline("fr_core_news_md", ruler_patterns(parse_dictionary(DICTIONARY.read_text(encoding="utf-8"))))
    t_load = time.perf_counter() - t0

    t0 = time.perf_counter()
    out = extract_batch(articles.select("article_id", "body"), sentences, nlp, args.batch_size)
    t_extract = time.perf_counter() - t0

    n = articles.height
    print(f"documents: {n} ({megabytes:.1f} MB of text, {words} words, {sentences.height} sentences)")
    print(f"clean + sentences: {t_clean:.2f} s = {n / t_clean:.0f} docs/s, {megabytes / t_clean:.1f} MB/s")
    print(f"spaCy model load: {t_load:.1f} s (once per process)")
    print(
        f"extract (parse, mentions, claims, dates): {t_extract:.1f} s = {n / t_extract:.1f} docs/s, "
        f"{words / t_extract:.0f} words/s"
    )
    print(f"found: {out['mentions'].height} mentions, {out['claims'].height} claims, {out['timex'].height} dates")
    print(f"peak RSS: {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
