"""Real-world problem files through the whole flow: every input is accounted for."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS

MESSY = Path(__file__).resolve().parent.parent / "fixtures" / "messy"


@pytest.fixture(scope="module")
def run(prefect, tmp_path_factory):
    from flows.pipeline import dispatch_pipeline
    from flows.settings import Settings

    root = tmp_path_factory.mktemp("messy")
    settings = Settings(
        input_dir=MESSY,
        db_path=root / "warehouse.duckdb",
        lake_dir=root / "lake",
        reports_dir=root / "reports",
        max_text_bytes=20_000,
        batch_size=3,  # several file batches, and the JSONL's records cleaned in chunks
        actor_dictionary=SEEDS / "reference" / "actors.csv",
    )
    summary = dispatch_pipeline(settings)
    con = duckdb.connect(str(settings.db_path), read_only=True)
    yield summary, con
    con.close()


def _rows(con, sql):
    return con.execute(sql).fetchall()


def test_every_input_is_accounted_for(run):
    summary, con = run
    assert summary.status == "published", summary.failed
    assert summary.n_inputs == summary.n_articles_new + summary.n_duplicates + summary.n_quarantined
    assert (summary.n_inputs, summary.n_articles_new, summary.n_duplicates, summary.n_quarantined) == (16, 8, 1, 7)


def test_quarantine_reasons(run):
    _, con = run
    reasons = dict(_rows(con, "select source_uri, reason from quarantine"))
    assert reasons == {
        "feed.jsonl#2": "undecodable",  # the broken line alone; its neighbours loaded
        "broken.txt.gz": "unreadable",
        "empty.txt": "empty",
        "photo.txt": "binary",
        "oversize.txt": "too_large",
        "links.txt": "not_a_dispatch",
        "table.csv": "not_a_dispatch",
    }


def test_encodings_are_decoded_and_repaired(run):
    _, con = run
    bodies = dict(_rows(con, "select source_uri, body from articles"))
    assert "« Le gouvernement n'a pas répondu" in bodies["greve-cp1252.txt"]  # cp1252, quotes kept
    assert bodies["inondations-utf16.txt"].startswith("Les pluies diluviennes")
    assert bodies["elections-bom.txt"].startswith("Le Premier ministre belge")
    assert "a démenti mercredi" in bodies["elections-mojibake.txt"]  # mojibake repaired
    assert "archive.txt.gz" in bodies
    assert all(language == "fr" for (language,) in _rows(con, "select language from articles"))


def test_rewrapped_copy_is_one_article(run):
    _, con = run
    ((uris,),) = _rows(con, "select duplicate_uris from articles where source_uri = 'greve-cp1252.txt'")
    assert uris == ["greve-rewrapped.txt"]


def test_html_main_text_and_metadata(run):
    _, con = run
    ((title, body, published_on, basis),) = _rows(
        con, "select title, body, published_on, published_basis from articles where source_uri = 'page.html'"
    )
    assert title == "Inondations dans le Sud-Ouest : trois départements en vigilance rouge"
    assert published_on == date(2021, 2, 1) and basis == "file_metadata"
    for junk in ("Accueil", "Tous droits", "PSG", "Mentions légales"):
        assert junk not in body


def test_jsonl_fields_are_mapped(run):
    _, con = run
    rows = {
        r[0]: r[1:]
        for r in _rows(
            con,
            "select source_uri, title, outlet, published_on, external_id "
            "from articles where source_uri like 'feed.jsonl#%'",
        )
    }
    assert rows["feed.jsonl#1"] == ("Grève à la SNCF", "Le Parisien", date(2021, 3, 9), "a1")
    assert rows["feed.jsonl#3"][0] == "Élections en Belgique" and rows["feed.jsonl#3"][2] == date(2021, 3, 11)


def test_header_hint_and_agency_of_a_text_file(run):
    _, con = run
    ((agencies, hint, earliest, latest),) = _rows(
        con,
        "select agencies, date_hint, published_earliest, published_latest from articles "
        "where source_uri = 'greve-cp1252.txt'",
    )
    assert agencies == ["AFP"] and hint == "2021-03"
    assert (earliest.month, latest.month) == (3, 3)


def test_near_duplicates_point_at_the_first_copy(run):
    _, con = run
    ids = dict(_rows(con, "select source_uri, article_id from articles"))
    near = dict(_rows(con, "select source_uri, near_duplicate_of from articles"))
    # inputs are read in path order: feed.jsonl#1 comes first, the cp1252 file republishes it
    assert near["greve-cp1252.txt"] == ids["feed.jsonl#1"]  # same wire, "mardi" instead of "lundi"
    assert near["inondations-utf16.txt"] == ids["archive.txt.gz"]
    assert near["feed.jsonl#1"] is None and near["archive.txt.gz"] is None
    # three versions of the Belgian denial, one day word apart each
    assert near["elections-mojibake.txt"] == near["feed.jsonl#3"] == ids["elections-bom.txt"]
