"""Claim extraction quality on a hand-labelled set, and the claims stage's throughput.

    .venv/bin/python -m bench.score_claims [--show-errors]
    .venv/bin/python -m bench.score_claims --export F --orangesum ID... [--sentences 4]
    .venv/bin/python -m bench.score_claims --nominal dev|heldout [--show-errors]

`bench/labels/claims.csv` lists, for each labelled sentence (a seed sentence, or one of the first
sentences of an OrangeSum article, given by its character offsets in the cleaned body), every claim it
holds: `anchor` (a phrase of the sentence inside
the claim's proposition, e.g. its verb group), `quote_kind` (direct, indirect, selon, narrative, or
`-` for a sentence without any claim), `speaker` (`@actor-id` for a named actor, otherwise the
speaker's words, empty for narrative claims), `polarity` (1 affirmed, -1 denied) and `hedged`
(0/1). A system claim matches a labelled one when it starts in the same sentence and its span
contains the anchor. Reported: claim detection P/R/F1, and over matched claims the accuracy of the
speaker (attributed claims), polarity, hedging and quote kind; then sentences/s of the stage. These
labels cover clauses, so events told by a noun (`nominal` claims, `transforms/nominal_events.py`) are left
out of this score and scored with `--nominal` on their own set.

`bench/labels/nominal_events.csv` (`--nominal`) lists, for sentences of OrangeSum articles holding an event
noun, every event told by a definite noun that the text presents as having happened (`event_class`, the
first part of the expected event key, or `-` for a sentence without one; `theme`, the participant's word, `?`
when only a pronoun names it; `polarity`; `hedged`), split into `dev` (the rules were written from it) and
`heldout` (scored once, at the end). Reported: detection P/R/F1 of nominal claims, and over matched claims
the accuracy of the event class, the theme and the hedging.
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

import polars as pl

from bench.score_actors import DICTIONARY, MODEL, bodies_of, load_corpus
from transforms.actors import parse_dictionary, resolve_actors, resolve_roles, ruler_patterns, translit_key
from transforms.extract import extract_batch
from transforms.nlp import load_pipeline
from transforms.sentences import sentence_frame
from transforms.speakers import resolve_speakers
from transforms.text_norm import fold_accents, fold_quotes

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench/labels/claims.csv"
NOMINAL_LABELS = ROOT / "bench/labels/nominal_events.csv"
COLUMNS = ["doc_key", "sentence_start", "sentence_end", "anchor", "quote_kind", "speaker", "polarity", "hedged"]


def system_claims(bodies: dict[str, str]) -> tuple[pl.DataFrame, pl.DataFrame, float]:
    """(sentences, claims with resolved speakers, seconds spent in extraction) for these bodies."""
    dictionary = parse_dictionary(DICTIONARY.read_text(encoding="utf-8"))
    nlp = load_pipeline(MODEL, ruler_patterns(dictionary))
    articles = pl.DataFrame({"article_id": list(bodies), "body": list(bodies.values())})
    sentences = sentence_frame(articles)
    started = time.perf_counter()
    out = extract_batch(articles, sentences, nlp)
    seconds = time.perf_counter() - started
    mentions, actors = resolve_actors(out["mentions"], dictionary)
    roles = resolve_roles(out["roles"], mentions, actors)
    claims = resolve_speakers(out["claims"], mentions, actors, articles, roles)
    return sentences, claims, seconds


def _normal(text: str) -> str:
    return " ".join(fold_quotes(text or "").lower().split())


def _speaker_ok(gold: str, claim: dict) -> bool:
    if gold.startswith("@"):
        return claim["speaker_actor_id"] == gold[1:]
    said, wanted = _normal(claim["speaker_text"]), _normal(gold)
    return bool(said) and (wanted in said or said in wanted) and claim["speaker_actor_id"] is None


def match(labels: list[dict], bodies: dict[str, str], claims: pl.DataFrame) -> tuple[list, list, list]:
    """(matched (gold, system) pairs, unmatched gold, unmatched system claims) over the labelled sentences
    (character regions of the cleaned bodies, so that a change of sentence segmentation does not move
    them)."""
    regions = {(r["doc_key"], int(r["sentence_start"]), int(r["sentence_end"])) for r in labels}

    def in_scope(c: dict) -> bool:
        return any(doc == c["article_id"] and a <= c["char_start"] < b for doc, a, b in regions)

    system = [c for c in claims.iter_rows(named=True) if in_scope(c)]
    used: set[str] = set()
    matched, missed = [], []
    for gold in labels:
        if gold["quote_kind"] == "-":
            continue
        region_start, region_end = int(gold["sentence_start"]), int(gold["sentence_end"])
        text = bodies[gold["doc_key"]][region_start:region_end]
        at = _normal(text).find(_normal(gold["anchor"]))
        if at < 0:
            raise SystemExit(f"anchor {gold['anchor']!r} not in sentence {text!r}")
        start = region_start + _offset(text, at)
        candidates = [
            c
            for c in system
            if c["claim_id"] not in used
            and c["article_id"] == gold["doc_key"]
            and region_start <= c["char_start"] < region_end
            and c["char_start"] <= start < c["char_end"]
        ]
        if not candidates:
            missed.append(gold)
            continue
        best = min(candidates, key=lambda c: c["char_end"] - c["char_start"])
        used.add(best["claim_id"])
        matched.append((gold, best))
    spurious = [c for c in system if c["claim_id"] not in used]
    return matched, missed, spurious


def _offset(text: str, normal_offset: int) -> int:
    """Offset in `text` of the character at `normal_offset` in its normalised form."""
    count = 0
    previous_space = True
    for i, ch in enumerate(text.lstrip()):
        space = ch.isspace()
        if space and previous_space:
            continue
        if count == normal_offset:
            return i + (len(text) - len(text.lstrip()))
        count += 1
        previous_space = space
    return len(text)


def report(matched: list, missed: list, spurious: list, show_errors: bool) -> None:
    tp, fn, fp = len(matched), len(missed), len(spurious)
    p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    attributed = [(g, c) for g, c in matched if g["quote_kind"] != "narrative"]
    speaker = sum(_speaker_ok(g["speaker"], c) for g, c in attributed)
    polarity = sum(int(g["polarity"]) == c["polarity"] for g, c in matched)
    hedged = sum(bool(int(g["hedged"])) == bool(c["hedged"]) for g, c in matched)
    kind = sum(g["quote_kind"] == c["quote_kind"] for g, c in matched)
    print(f"labelled claims: {tp + fn}; system claims in the labelled sentences: {tp + fp}")
    print("| claim P | claim R | claim F1 | speaker acc. | polarity acc. | hedged acc. | quote kind acc. |")
    print("|---|---|---|---|---|---|---|")
    print(
        f"| {p:.3f} | {r:.3f} | {2 * p * r / (p + r) if p + r else 0:.3f} "
        f"| {speaker / max(len(attributed), 1):.3f} ({speaker}/{len(attributed)}) "
        f"| {polarity / max(tp, 1):.3f} | {hedged / max(tp, 1):.3f} | {kind / max(tp, 1):.3f} |"
    )
    if show_errors:
        for gold in missed:
            print(f"  missed: {gold['doc_key']}@{gold['sentence_start']} {gold['quote_kind']} {gold['anchor']!r}")
        for claim in spurious:
            print(f"  spurious: {claim['article_id']}#{claim['sentence_idx']} {claim['quote_kind']} {claim['text']!r}")
        for g, c in attributed:
            if not _speaker_ok(g["speaker"], c):
                got = f"{c['speaker_actor_id']} / {c['speaker_text']!r}"
                print(f"  speaker: {g['anchor']!r} gold {g['speaker']} got {got}")
        for g, c in matched:
            if int(g["polarity"]) != c["polarity"] or bool(int(g["hedged"])) != bool(c["hedged"]):
                got = f"{c['polarity']}/{int(c['hedged'])}"
                print(f"  polarity/hedge: {g['anchor']!r} gold {g['polarity']}/{g['hedged']} got {got}")
            if g["quote_kind"] != c["quote_kind"]:
                print(f"  kind: {g['anchor']!r} gold {g['quote_kind']} got {c['quote_kind']}")


def _theme_ok(gold: str, theme: str | None) -> bool:
    """A labelled participant word (`Soleimani`, `opérations`) against a system theme key (`slmni`, `operation`)."""
    said = fold_accents((theme or "").lower())
    word = gold.lower()
    return said in {fold_accents(word), fold_accents(word).rstrip("s"), translit_key(word)}


def report_nominal(matched: list, missed: list, spurious: list, show_errors: bool) -> None:
    tp, fn, fp = len(matched), len(missed), len(spurious)
    p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    klass = sum(g["event_class"] == c["event_key"].split("|")[0] for g, c in matched)
    themed = [(g, c) for g, c in matched if g["theme"] != "?"]
    theme = sum(_theme_ok(g["theme"], c["theme"]) for g, c in themed)
    hedged = sum(bool(int(g["hedged"])) == bool(c["hedged"]) for g, c in matched)
    print(f"labelled nominal events: {tp + fn}; system nominal claims in the labelled sentences: {tp + fp}")
    print("| P | R | F1 | event class acc. | theme acc. | hedged acc. |")
    print("|---|---|---|---|---|---|")
    print(
        f"| {p:.3f} ({tp}/{tp + fp}) | {r:.3f} ({tp}/{tp + fn}) | {2 * p * r / (p + r) if p + r else 0:.3f} "
        f"| {klass / max(tp, 1):.3f} | {theme / max(len(themed), 1):.3f} ({theme}/{len(themed)}) "
        f"| {hedged / max(tp, 1):.3f} |"
    )
    if show_errors:
        for gold in missed:
            print(f"  missed: {gold['doc_key']}@{gold['sentence_start']} {gold['anchor']!r}")
        for claim in spurious:
            print(f"  spurious: {claim['article_id']}#{claim['sentence_idx']} {claim['event_key']} {claim['text']!r}")
        for g, c in matched:
            wrong_theme = g["theme"] != "?" and not _theme_ok(g["theme"], c["theme"])
            if g["event_class"] != c["event_key"].split("|")[0] or wrong_theme:
                print(f"  key: {g['anchor']!r} gold {g['event_class']}|{g['theme']} got {c['event_key']}")
            if bool(int(g["hedged"])) != bool(c["hedged"]):
                print(f"  hedged: {g['anchor']!r} gold {g['hedged']} got {int(c['hedged'])}")


def score_nominal(split: str, show_errors: bool) -> None:
    """Nominal event claims against `bench/labels/nominal_events.csv` (rows of `split`)."""
    with NOMINAL_LABELS.open(encoding="utf-8") as handle:
        labels = [row for row in csv.DictReader(handle) if row["split"] == split]
    for row in labels:
        row["quote_kind"] = "-" if row["event_class"] == "-" else "narrative"
    keys = {row["doc_key"] for row in labels}
    bodies = {k: v for k, v in bodies_of(load_corpus(keys)).items() if k in keys}
    _, claims, _ = system_claims(bodies)
    report_nominal(*match(labels, bodies, claims.filter(pl.col("nominal"))), show_errors)


def export(path: Path, orangesum_ids: list[str], first_sentences: int) -> None:
    """A draft sheet: every sentence in scope with the system's claims, to correct by hand."""
    bodies = bodies_of(load_corpus(set(orangesum_ids)))
    bodies = {k: v for k, v in bodies.items() if k in orangesum_ids or k.endswith(".txt")}
    sentences, claims, _ = system_claims(bodies)
    by_sentence: dict[tuple[str, int], list[dict]] = {}
    for claim in claims.sort("char_start").iter_rows(named=True):
        by_sentence.setdefault((claim["article_id"], claim["sentence_idx"]), []).append(claim)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*COLUMNS, "sentence"])
        for s in sentences.sort(["article_id", "sentence_idx"]).iter_rows(named=True):
            if not s["article_id"].endswith(".txt") and s["sentence_idx"] >= first_sentences:
                continue
            key = (s["article_id"], s["sentence_idx"])
            rows = by_sentence.get(key) or [None]
            region = (s["article_id"], s["char_start"], s["char_end"])
            for c in rows:
                if c is None:
                    writer.writerow([*region, "", "-", "", "", "", s["text"]])
                    continue
                speaker = f"@{c['speaker_actor_id']}" if c["speaker_actor_id"] else (c["speaker_text"] or "")
                anchor = " ".join(c["text"].split()[:6])
                writer.writerow([*region, anchor, c["quote_kind"], speaker, c["polarity"], int(c["hedged"]), s["text"]])
    print(f"draft written to {path}: correct every row by hand")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--export", type=Path)
    parser.add_argument("--orangesum", nargs="*", default=[])
    parser.add_argument("--sentences", type=int, default=4, help="first sentences of each OrangeSum article")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--nominal", choices=["dev", "heldout"], help="score events told by a noun instead")
    args = parser.parse_args()
    if args.export:
        export(args.export, args.orangesum, args.sentences)
        return
    if args.nominal:
        score_nominal(args.nominal, args.show_errors)
        return
    with LABELS.open(encoding="utf-8") as handle:
        labels = [row for row in csv.DictReader(handle)]
    keys = {row["doc_key"] for row in labels}
    bodies = {k: v for k, v in bodies_of(load_corpus(keys)).items() if k in keys}
    sentences, claims, seconds = system_claims(bodies)
    report(*match(labels, bodies, claims.filter(~pl.col("nominal"))), args.show_errors)
    print(
        f"claims stage (parse + extraction, {sentences.height} sentences): {sentences.height / seconds:,.0f} "
        "sentences/s"
    )


if __name__ == "__main__":
    main()
