"""Score recoupe's temporal tagger on the French TimeBank (development half), TempEval-3 style.

    .venv/bin/python -m bench.score_timeml [--data ../shared/data/ftib-dev/Data] [--fold A|B|all] [--show-errors]
    .venv/bin/python -m bench.score_timeml --cv     # both folds side by side (cross-validated report)

Reports relaxed span precision/recall/F1 (a system span matches a gold span when they overlap) and
value F1 (a matched pair counts when the TIMEX3 values are equal), (a) with the gold document
creation time given as the publication day, (b) with it withheld and inferred by recoupe from the
text alone. Also reports the words per second of the date stage (tagging + resolution, after the
parse that gives the verb tense).

Folds: the 54 documents are parted into two folds so that rules written while reading one fold's
errors can be scored on the other (the held-out figure predicts unseen text). A document's group is
its file name without the trailing letter of a multi-part article (`1999-05-27-0530a`, `…0530c` are
one group); the groups in sorted order go alternately to A (1st, 3rd, …) and B (2nd, 4th, …).
A: 26 documents, B: 28. Round 1 wrote rules on fold A's errors only (B held out); round 2 on fold B's
(A held out): `DEVELOPED_ON` names the fold of the last round.
"""

from __future__ import annotations

import argparse
import json
import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from transforms.dating import PUBLICATION_SCHEMA, infer_publication, resolve_dates
from transforms.extract import TIMEX_SCHEMA, timex_tense
from transforms.nlp import load_pipeline
from transforms.sentences import split_sentences
from transforms.timex import names_day, tag_timex

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared/data/ftib-dev/Data"
DEVELOPED_ON = "B"  # the fold whose errors were read in the last round of rules (round 1: A); the other is held out


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


def read_timeml(path: Path) -> tuple[str, date, list[GoldTimex]]:
    """Plain text, document creation time and gold TIMEX3 of one TimeML file."""
    root = ET.parse(path).getroot()
    dct = root.find("DCT/TIMEX3").get("value")
    text_el = root.find("TEXT")
    pieces: list[str] = []
    gold: list[GoldTimex] = []

    def walk(element: ET.Element) -> None:
        start = sum(len(p) for p in pieces)
        if element.text:
            pieces.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
        if element.tag == "TIMEX3":
            end = sum(len(p) for p in pieces)
            content = "".join(pieces)[start:end]
            gold.append(GoldTimex(start, end, content, element.get("type"), element.get("value")))

    walk(text_el)
    return "".join(pieces), date.fromisoformat(dct[:10]), gold


def fold_of(paths: list[Path]) -> dict[str, str]:
    """Fold (A or B) of each document, by file stem: groups (stem without a part letter) in sorted order
    alternate A, B, A, …, so the parts of one article never sit in both folds."""
    groups = sorted({_group(p.stem) for p in paths})
    fold = {g: "AB"[i % 2] for i, g in enumerate(groups)}
    return {p.stem: fold[_group(p.stem)] for p in paths}


def _group(stem: str) -> str:
    return re.sub(r"[a-z]$", "", stem)


def _timex_tenses(nlp, text: str, tagged: list) -> tuple[list[tuple[int, int]], list[str]]:
    """Sentences of the text, and the tense of each tagged expression as the pipeline reads it: that of
    its own clause (`extract.timex_tense`), falling back to its sentence's."""
    doc = nlp(text)
    sentences = split_sentences(text)
    tenses = []
    for t in tagged:
        span = next(((s, e) for s, e in sentences if s <= t.start < e), (t.start, t.end))
        tenses.append(timex_tense(doc, t.start, t.end, span, names_day=names_day(t.reading)))
    return sentences, tenses


def score(pairs: list[tuple[list[GoldTimex], list[tuple[int, int, str | None]]]]) -> dict[str, float]:
    n_gold = n_sys = span_hits_gold = span_hits_sys = value_hits = 0
    for gold, system in pairs:
        n_gold += len(gold)
        n_sys += len(system)
        matched_sys: set[int] = set()
        for g in gold:
            overlapping = [i for i, (s, e, _) in enumerate(system) if s < g.end and g.start < e]
            if overlapping:
                span_hits_gold += 1
                i = overlapping[0]
                matched_sys.add(i)
                if system[i][2] == g.value:
                    value_hits += 1
        span_hits_sys += len(matched_sys)
    p = span_hits_sys / n_sys if n_sys else 0.0
    r = span_hits_gold / n_gold if n_gold else 0.0
    vp = value_hits / n_sys if n_sys else 0.0
    vr = value_hits / n_gold if n_gold else 0.0
    return {
        "gold": n_gold,
        "system": n_sys,
        "span_p": p,
        "span_r": r,
        "span_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "value_p": vp,
        "value_r": vr,
        "value_f1": 2 * vp * vr / (vp + vr) if vp + vr else 0.0,
    }


@dataclass
class DocumentRun:
    name: str
    fold: str
    words: int
    seconds: float
    gold: list[GoldTimex]
    with_dct: list[tuple[int, int, str | None]]
    inferred: list[tuple[int, int, str | None]]
    month_hint: list[tuple[int, int, str | None]]
    dct_exact: bool


def run_document(nlp, path: Path, fold: str) -> tuple[DocumentRun, str, date]:
    """recoupe's date stage on one document: (a) gold document date, (b) inferred, (b') month given."""
    text, dct, gold = read_timeml(path)
    t0 = time.perf_counter()
    tagged = tag_timex(text)
    seconds = time.perf_counter() - t0
    sentences, tenses = _timex_tenses(nlp, text, tagged)
    t0 = time.perf_counter()
    # (a) the gold document date given as the article's date metadata, resolved as the pipeline does
    system_a = _inferred(path.stem, text, tagged, sentences, tenses, None, dct.isoformat())[1]
    seconds += time.perf_counter() - t0
    # (b) the document date withheld: inferred from the text alone; (b') only its month given,
    # as recoupe gets it from a header such as ` date 2020-01`
    pub, system_b = _inferred(path.stem, text, tagged, sentences, tenses, None)
    hinted = _inferred(path.stem, text, tagged, sentences, tenses, f"{dct:%Y-%m}")[1]
    run = DocumentRun(
        path.stem, fold, len(text.split()), seconds, gold, system_a, system_b, hinted, pub["published_on"] == dct
    )
    return run, text, dct


def print_errors(run: DocumentRun, text: str) -> None:
    for g in run.gold:
        hit = [s for s in run.with_dct if s[0] < g.end and g.start < s[1]]
        if not hit or hit[0][2] != g.value:
            print(f"{run.name}: gold {g.text!r} {g.value} → system {hit[0] if hit else None}")
    for s in run.with_dct:
        if not any(s[0] < g.end and g.start < s[1] for g in run.gold):
            print(f"{run.name}: spurious {text[s[0] : s[1]]!r} {s[2]}")


def _rows(runs: list[DocumentRun]) -> list[tuple[str, dict[str, float]]]:
    return [
        ("recoupe (a) gold document date", score([(r.gold, r.with_dct) for r in runs])),
        ("recoupe (b) document date inferred", score([(r.gold, r.inferred) for r in runs])),
        ("recoupe (b') month given, day inferred", score([(r.gold, r.month_hint) for r in runs])),
    ]


def _fold_label(fold: str) -> str:
    if fold == "all":
        return "all"
    return f"{fold} ({'rules written on it' if fold == DEVELOPED_ON else 'held out'})"


def print_cv(runs: list[DocumentRun]) -> None:
    """The cross-validated report: each fold scored alone, the held-out one named."""
    print(f"Folds: rules written on fold {DEVELOPED_ON}'s errors; the other fold is the held-out figure")
    print("| fold | docs | gold | setting | span P | span R | span F1 | value F1 | words/s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for fold in ("A", "B", "all"):
        part = [r for r in runs if fold in (r.fold, "all")]
        speed = sum(r.words for r in part) / max(sum(r.seconds for r in part), 1e-9)
        for name, s in _rows(part)[:2]:
            setting = "gold DCT" if "(a)" in name else "DCT inferred"
            print(
                f"| {_fold_label(fold)} | {len(part)} | {s['gold']} | {setting} | {s['span_p']:.3f} | "
                f"{s['span_r']:.3f} | {s['span_f1']:.3f} | {s['value_f1']:.3f} | {speed:,.0f} |"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--fold", choices=["A", "B", "all"], default="all")
    parser.add_argument("--cv", action="store_true", help="score each fold apart (cross-validated report)")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--peer", action="store_true", help="also run HeidelTime (make bench-heideltime)")
    args = parser.parse_args()
    all_files = sorted(args.data.glob("*.tml"))
    if not all_files:
        raise SystemExit(f"no .tml files in {args.data}")
    folds = fold_of(all_files)
    files = [p for p in all_files if args.fold in ("all", folds[p.stem])]
    nlp = load_pipeline("fr_core_news_md")
    runs: list[DocumentRun] = []
    documents: list[tuple[str, str, date, list[GoldTimex]]] = []
    for path in files:
        run, text, dct = run_document(nlp, path, folds[path.stem])
        runs.append(run)
        documents.append((path.stem, text, dct, run.gold))
        if args.show_errors:
            print_errors(run, text)
    if args.cv:
        print_cv(runs)
        return
    rows = _rows(runs)
    speed = sum(r.words for r in runs) / sum(r.seconds for r in runs)
    words = sum(r.words for r in runs)
    peer = None
    if args.peer:
        from bench import heideltime_peer

        if not heideltime_peer.available():
            raise SystemExit("HeidelTime is not installed: run `make bench-heideltime`")
        peer = heideltime_peer.evaluate(documents)
        rows += [("HeidelTime (a) gold document date", peer["a"]), ("HeidelTime (b) no date (narratives)", peer["b"])]
    print(
        f"French TimeBank dev, fold {_fold_label(args.fold)}: {len(files)} documents, {rows[0][1]['gold']} gold "
        f"TIMEX3, {words} words"
    )
    print("| system and setting | span P | span R | span F1 | value F1 |")
    print("|---|---|---|---|---|")
    for name, s in rows:
        print(f"| {name} | {s['span_p']:.3f} | {s['span_r']:.3f} | {s['span_f1']:.3f} | {s['value_f1']:.3f} |")
    print(f"document date inferred exactly for {sum(r.dct_exact for r in runs)}/{len(files)} documents")
    print(f"recoupe date stage: {speed:,.0f} words/s (tagging + resolution, after the parse)")
    if peer:
        peer_speed = peer["words"] / peer["seconds"]
        warm_speed = peer["words"] / max(peer["seconds"] - peer["startup"], 1e-9)
        print(
            f"HeidelTime: {peer_speed:,.0f} words/s ({peer['words']} words in one invocation, "
            f"{peer['seconds']:.1f} s including {peer['startup']:.1f} s of JVM start-up; {warm_speed:,.0f} words/s "
            f"without it); recoupe is {speed / peer_speed:,.0f}x faster ({speed / warm_speed:,.0f}x against the "
            "start-up-free figure)"
        )


def _inferred(
    name: str,
    text: str,
    tagged: list,
    sentences: list[tuple[int, int]],
    tenses: list[str],
    hint: str | None,
    metadata: str | None = None,
) -> tuple[dict, list]:
    """Publication interval inferred by recoupe (from a header hint, date metadata or the text) and the
    expressions resolved against it by the pipeline's `resolve_dates`."""
    readings = [
        (t.reading, tense, 0 if _sentence_start(text, t.start) else 1) for t, tense in zip(tagged, tenses, strict=True)
    ]
    pub = infer_publication(name, hint, metadata, readings)
    if not tagged:
        return pub, []
    timex = pl.DataFrame(
        [
            {
                "date_id": str(i),
                "article_id": "a",
                "sentence_idx": next((k for k, (s, e) in enumerate(sentences) if s <= t.start < e), 0),
                "char_start": t.start,
                "char_end": t.end,
                "surface": t.surface,
                "timex_type": t.timex_type,
                "reading": json.dumps(t.reading),
                "tense": tense,
            }
            for i, (t, tense) in enumerate(zip(tagged, tenses, strict=True))
        ],
        schema=TIMEX_SCHEMA,
    )
    publications = pl.DataFrame([{**pub, "article_id": "a"}], schema=PUBLICATION_SCHEMA)
    resolved = resolve_dates(timex, publications)
    return pub, [(r["char_start"], r["char_end"], r["value"]) for r in resolved.iter_rows(named=True)]


def _sentence_start(text: str, offset: int) -> bool:
    """True when the expression opens its sentence (a lead date)."""
    before = text[:offset].rstrip()
    return not before or before[-1] in ".!?\n"


if __name__ == "__main__":
    main()
