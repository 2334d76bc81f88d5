"""Inputs at the limits through the whole flow: every input ends in articles, quarantine or
processing_errors, and the run publishes.

One run holds: a 2.5-million-character article (parsed in pieces, offsets into the whole body), an
article over `max_body_chars` (quarantined `too_long`), a document that makes extraction raise (a
monkeypatched parse) with a neighbour in its batch, a line of a million characters without a space,
JSON nested past the decoder's limit, NUL bytes, a JSONL of 100,000 tiny objects and a folder of
10,000 files.
"""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest

from tests.conftest import SEEDS
from tests.fixtures.long_prose import long_french_body

LONG_CHARS = 2_500_000
MARKER = "Zorglub-Explose"  # a word no dispatch holds: the monkeypatched parser raises on it


@pytest.fixture(scope="module")
def run(prefect, tmp_path_factory):
    import transforms.extract as extract
    from flows.pipeline import dispatch_pipeline
    from flows.settings import Settings

    root = tmp_path_factory.mktemp("long")
    inputs = root / "in"
    inputs.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    # one batch of files (in path order): the document that breaks the parse first, then a neighbour, a long
    # article and one past max_body_chars; the batch's records are cleaned and extracted in chunks of 200
    bomb = seeds[2].read_text(encoding="utf-8").rstrip() + f"\n\nLe ministre a qualifié {MARKER} de rumeur.\n"
    (inputs / "a-bomb.txt").write_text(bomb, encoding="utf-8")
    shutil.copy(seeds[1], inputs / "b-neighbour.txt")
    long_body = long_french_body(LONG_CHARS)
    record = {"id": "long-1", "title": "Un très long article", "date": "2019-06-01", "article": long_body}
    (inputs / "c-long.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (inputs / "d-too-long.txt").write_text(long_french_body(3_100_000, seed=1), encoding="utf-8")
    # the other limits
    (inputs / "e-no-space.txt").write_text("x" * 1_000_000, encoding="utf-8")
    (inputs / "f-deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (inputs / "g-nul.txt").write_bytes(("Le ministre a démenti jeudi.\x00 " * 50).encode("utf-8"))
    with (inputs / "h-tiny.jsonl").open("w", encoding="utf-8") as tiny:
        for i in range(100_000):
            tiny.write(json.dumps({"id": i, "text": f"brève {i}"}) + "\n")
    many = inputs / "i-many"
    many.mkdir()
    for i in range(10_000):
        (many / f"{i:05d}.txt").write_text(f"note {i}", encoding="utf-8")

    real = extract.parse_texts

    def fragile(nlp, texts, *args, **kwargs):
        for text, doc in zip(texts, real(nlp, texts, *args, **kwargs), strict=True):
            if MARKER in text:
                raise RuntimeError("the parser gave up")
            yield doc

    settings = Settings(
        input_dir=inputs,
        db_path=root / "warehouse.duckdb",
        lake_dir=root / "lake",
        reports_dir=root / "reports",
        actor_dictionary=SEEDS / "reference" / "actors.csv",
        workers=1,  # extraction in this process, where the parse is monkeypatched (a worker on a Dask cluster
        # that fails on a document: tests/integration/test_pipeline_seeds.py)
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract, "parse_texts", fragile)
        summary = dispatch_pipeline(settings)
    con = duckdb.connect(str(settings.db_path), read_only=True)
    yield summary, con, long_body
    con.close()


def _one(con, sql, params=()):
    return con.execute(sql, list(params)).fetchone()


def test_the_run_publishes_and_accounts_for_every_input(run):
    summary, con, _ = run
    assert summary.status == "published", summary.failed
    assert summary.n_inputs == 7 + 100_000 + 10_000
    assert summary.n_inputs == summary.n_articles_new + summary.n_duplicates + summary.n_quarantined
    assert summary.n_articles_new == 3 and summary.n_errors == 1
    (message,) = _one(con, "select message from pipeline_runs where run_id = ?", [summary.run_id])
    assert "1 document failed extraction" in message


def test_the_long_article_is_parsed_whole_with_offsets_that_round_trip(run):
    _, con, long_body = run
    article_id, body = _one(con, "select article_id, body from articles where source_uri = 'c-long.jsonl#1'")
    assert len(body) >= LONG_CHARS - 1000
    n_claims, last_claim = _one(con, "select count(*), max(char_start) from claims where article_id = ?", [article_id])
    assert n_claims > 5_000 and last_claim > len(body) - 50_000  # its last pieces were read too
    for table, column in (("claims", "text"), ("mentions", "surface"), ("dates", "surface")):
        rows = con.execute(f"select char_start, char_end, {column} from {table} where article_id = ?", [article_id])
        bad = [(a, b, text) for a, b, text in rows.fetchall() if body[a:b] != text]
        assert not bad, (table, bad[:3])


def test_a_failing_document_is_recorded_and_its_neighbour_published(run):
    _, con, _ = run
    ((uri, stage, error),) = con.execute(
        "select a.source_uri, e.stage, e.error from processing_errors e join articles a using (article_id)"
    ).fetchall()
    assert (uri, stage) == ("a-bomb.txt", "extract") and "RuntimeError: the parser gave up" in error
    (n_neighbour,) = _one(
        con, "select count(*) from claims join articles using (article_id) where source_uri = 'b-neighbour.txt'"
    )
    assert n_neighbour > 0


def test_the_limits_end_in_quarantine_with_a_reason(run):
    _, con, _ = run
    reasons = dict(
        con.execute(
            "select source_uri, reason from quarantine where source_uri not like 'h-tiny.jsonl#%' "
            "and source_uri not like 'i-many/%'"
        ).fetchall()
    )
    assert reasons == {
        "d-too-long.txt": "too_long",
        "e-no-space.txt": "not_a_dispatch",
        "f-deep.json": "undecodable",
        "g-nul.txt": "binary",
    }
    (detail,) = _one(con, "select detail from quarantine where source_uri = 'd-too-long.txt'")
    assert "max_body_chars" in detail
    for pattern, n in (("h-tiny.jsonl#%", 100_000), ("i-many/%", 10_000)):
        assert _one(con, "select count(*) from quarantine where source_uri like ?", [pattern]) == (n,)
