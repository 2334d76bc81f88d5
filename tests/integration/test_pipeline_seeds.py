"""End to end: the Prefect flow on seeds/ (plus bad inputs) into temporary paths."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import PROJECT_ROOT, SEEDS

# The contract (../shared/contract.md, v1): every table and view with its columns and type families.
CONTRACT = {
    "articles": {
        "article_id": "VARCHAR",
        "source_uri": "VARCHAR",
        "content_sha256": "VARCHAR",
        "outlet": "VARCHAR",
        "agencies": "VARCHAR[]",
        "title": "VARCHAR",
        "dateline": "VARCHAR",
        "byline": "VARCHAR",
        "language": "VARCHAR",
        "published_on": "DATE",
        "published_earliest": "DATE",
        "published_latest": "DATE",
        "published_basis": "VARCHAR",
        "body": "VARCHAR",
        "captions": "VARCHAR[]",
        "n_sentences": "INTEGER",
        "ingested_at": "TIMESTAMP",
        "run_id": "VARCHAR",
    },
    "actors": {
        "actor_id": "VARCHAR",
        "canonical_name": "VARCHAR",
        "actor_type": "VARCHAR",
        "aliases": "VARCHAR[]",
        "n_mentions": "INTEGER",
        "n_articles": "INTEGER",
    },
    "mentions": {
        "article_id": "VARCHAR",
        "actor_id": "VARCHAR",
        "sentence_idx": "INTEGER",
        "char_start": "INTEGER",
        "char_end": "INTEGER",
        "surface": "VARCHAR",
    },
    "claims": {
        "claim_id": "VARCHAR",
        "article_id": "VARCHAR",
        "sentence_idx": "INTEGER",
        "char_start": "INTEGER",
        "char_end": "INTEGER",
        "text": "VARCHAR",
        "speaker_actor_id": "VARCHAR",
        "speaker_text": "VARCHAR",
        "via_actor_id": "VARCHAR",
        "via_text": "VARCHAR",
        "reporting_verb": "VARCHAR",
        "quote_kind": "VARCHAR",
        "polarity": "SMALLINT",
        "hedged": "BOOLEAN",
        "predicate": "VARCHAR",
        "event_key": "VARCHAR",
        "quantity": "DOUBLE",
        "quantity_unit": "VARCHAR",
        "quantity_op": "VARCHAR",
        "quantity_max": "DOUBLE",
        "event_start": "DATE",
        "event_end": "DATE",
        "statement_date": "DATE",
    },
    "dates": {
        "date_id": "VARCHAR",
        "article_id": "VARCHAR",
        "claim_id": "VARCHAR",
        "sentence_idx": "INTEGER",
        "char_start": "INTEGER",
        "char_end": "INTEGER",
        "surface": "VARCHAR",
        "timex_type": "VARCHAR",
        "value": "VARCHAR",
        "modifier": "VARCHAR",
        "start_date": "DATE",
        "end_date": "DATE",
        "anchor": "VARCHAR",
    },
    "quarantine": {
        "source_uri": "VARCHAR",
        "content_sha256": "VARCHAR",
        "reason": "VARCHAR",
        "detail": "VARCHAR",
        "run_id": "VARCHAR",
        "quarantined_at": "TIMESTAMP",
    },
    "pipeline_runs": {
        "run_id": "VARCHAR",
        "started_at": "TIMESTAMP",
        "finished_at": "TIMESTAMP",
        "status": "VARCHAR",
        "n_inputs": "INTEGER",
        "n_articles_new": "INTEGER",
        "n_duplicates": "INTEGER",
        "n_quarantined": "INTEGER",
        "n_claims": "INTEGER",
        "n_contradictions": "INTEGER",
    },
    "contradictions": {
        "contradiction_id": "VARCHAR",
        "kind": "VARCHAR",
        "event_key": "VARCHAR",
        "claim_id_a": "VARCHAR",
        "claim_id_b": "VARCHAR",
        "article_id_a": "VARCHAR",
        "article_id_b": "VARCHAR",
        "speaker_a": "VARCHAR",
        "speaker_b": "VARCHAR",
        "text_a": "VARCHAR",
        "text_b": "VARCHAR",
        "period_start": "DATE",
        "period_end": "DATE",
        "confidence": "DOUBLE",
        "explanation": "VARCHAR",
    },
    "timeline": {
        "event_key": "VARCHAR",
        "label": "VARCHAR",
        "event_start": "DATE",
        "event_end": "DATE",
        "n_articles": "INTEGER",
        "n_claims": "INTEGER",
        "claim_ids": "VARCHAR[]",
        "article_ids": "VARCHAR[]",
        "first_reported_on": "DATE",
        "date_conflict": "BOOLEAN",
        "dates_reported": "VARCHAR[]",
    },
}
TABLES = ["articles", "actors", "mentions", "claims", "dates", "quarantine"]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("run")
    inputs = root / "input"
    shutil.copytree(SEEDS, inputs, ignore=shutil.ignore_patterns("reference"))
    (inputs / "bad").mkdir()
    (inputs / "bad" / "empty.txt").write_bytes(b"")
    (inputs / "bad" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    first = sorted(SEEDS.glob("*.txt"))[0]
    (inputs / "bad" / "copy-of-first.txt").write_bytes(first.read_bytes())
    return root


def _run(workspace):
    from flows.pipeline import dispatch_pipeline
    from flows.settings import Settings

    settings = Settings(
        input_dir=workspace / "input",
        db_path=workspace / "data" / "warehouse.duckdb",
        lake_dir=workspace / "data" / "lake",
        reports_dir=workspace / "data" / "reports",
        actor_dictionary=SEEDS / "reference" / "actors.csv",
    )
    return settings, dispatch_pipeline(settings)


@pytest.fixture(scope="module")
def published(prefect, workspace):
    settings, summary = _run(workspace)
    ci_dir = os.environ.get("RECOUPE_CI_REPORT_DIR")
    if ci_dir and summary.status == "published":  # `make test` leaves the seeds run's quality report for CI
        from flows.reporting import write_dq_reports

        write_dq_reports(settings.db_path, Path(ci_dir))
    return settings, summary


def _query(db, sql, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_run_publishes_and_accounts_for_every_input(published):
    settings, summary = published
    assert summary.status == "published", summary.failed
    assert (summary.n_inputs, summary.n_articles_new, summary.n_duplicates, summary.n_quarantined) == (8, 5, 1, 2)
    reasons = dict(_query(settings.db_path, "select source_uri, reason from quarantine"))
    assert reasons == {"bad/empty.txt": "empty", "bad/image.txt": "binary"}
    runs = _query(
        settings.db_path, "select status, n_inputs, n_articles_new, n_duplicates, n_quarantined from pipeline_runs"
    )
    assert runs == [("published", 8, 5, 1, 2)]
    # Great Expectations Data Docs of the run, built next to the other reports
    assert (settings.reports_dir / "dq" / "index.html").exists()


def test_every_contract_table_view_and_column_exists_with_its_type(published):
    settings, _ = published
    for table, columns in CONTRACT.items():
        types = dict(
            _query(
                settings.db_path,
                "select column_name, data_type from information_schema.columns where table_name = ?",
                [table],
            )
        )
        for column, expected in columns.items():
            assert column in types, f"{table}.{column} missing"
            assert types[column] == expected, f"{table}.{column}: {types[column]} != {expected}"


def test_every_offset_round_trips(published):
    settings, _ = published
    for table, column in (("mentions", "surface"), ("claims", "text"), ("dates", "surface")):
        bad = _query(
            settings.db_path,
            f"select count(*) from {table} x join articles a using (article_id) "
            f"where substr(a.body, x.char_start + 1, x.char_end - x.char_start) <> x.{column}",
        )
        assert bad == [(0,)], table


def test_iraqi_denial_conflicts_with_us_officials_statement(published):
    settings, _ = published
    rows = _query(
        settings.db_path,
        """
        select c.kind, a1.source_uri, a2.source_uri, c.explanation
        from contradictions c
        join articles a1 on a1.article_id = c.article_id_a
        join articles a2 on a2.article_id = c.article_id_b
        where c.kind = 'polarity'""",
    )
    pairs = {tuple(sorted((r[1][:3], r[2][:3]))) for r in rows}
    assert ("000", "001") in pairs
    assert all(r[3] for r in rows)


SEED_ALIAS_GROUPS = [
    ["Qassem Soleimani", "Qassem Souleimani", "Soleimani"],
    ["Abou Mehdi al-Mouhandis", "Abu Mahdi al-Muhandis"],
    ["Adel Abdul-Mahdi", "Adel Abdel Mahdi"],
    ["Mark Esper", "Esper"],
    ["EI", "État islamique", "EIIS", "Daesh"],
    ["Al-Asad", "Ain al-Assad"],
    ["Hachd al-Chaabi", "Hachd", "Forces de mobilisation populaire"],
]


def test_seed_alias_groups_are_one_actor_each_and_typed(published):
    settings, _ = published
    for group in SEED_ALIAS_GROUPS:
        ids = _query(
            settings.db_path, "select distinct actor_id from mentions where surface in (select unnest(?))", [group]
        )
        assert len(ids) == 1, (group, ids)
    types = dict(_query(settings.db_path, "select canonical_name, actor_type from actors"))
    for person in ("Abdulkarim Khalaf", "Myles Caggins", "Mike Pompeo", "Mark Milley", "Matthew Tueller"):
        assert types[person] == "PER"
    assert types["William H. Seely III"] == types["Johnathan Hoffman"] == "PER"
    assert types["The New York Times"] == types["Reuters"] == "ORG"
    assert types["Bagdad"] == types["Erbil"] == "LOC"
    pentagon = _query(
        settings.db_path,
        "select distinct actor_id from mentions where surface in (select unnest(?))",
        [["Pentagone", "ministère américain de la Défense"]],
    )
    assert pentagon == [("pentagone",)]


def test_the_six_reported_speech_shapes_of_the_seeds(published):
    """Speaker, relay, polarity and quote kind of the six shapes issue 6 lists (seed 000 and 001)."""
    settings, _ = published
    rows = _query(
        settings.db_path,
        """select c.text, c.quote_kind, c.speaker_actor_id, c.speaker_text, c.via_actor_id, c.polarity,
                  c.responds_to_claim_id, c.claim_id
           from claims c join articles a using (article_id)
           where a.source_uri like '000_%' or a.source_uri like '001_%'""",
    )
    by_text = {r[0]: r for r in rows}

    def claim(start):
        (row,) = [r for text, r in by_text.items() if text.startswith(start)]
        return row[1:6]

    assert claim("Les opérations communes n'ont pas repris") == (
        "direct",
        "abdulkarim-khalaf",
        "le porte-parole du Premier ministre irakien pour les affaires militaires Abdulkarim Khalaf",
        "agence-france-presse",
        -1,
    )
    nyt = claim("les opérations avec l'Irak avaient repris mercredi")
    assert nyt == ("indirect", None, "Deux responsables militaires américains", "the-new-york-times", 1)
    denial = by_text["ces informations"]
    assert denial[1:3] == ("indirect", "johnathan-hoffman") and denial[5] == -1
    assert denial[6] == by_text["les opérations avec l'Irak avaient repris mercredi"][7]  # linked to the NYT report
    kind, speaker, _, via, _ = claim("Nous continuons de nous organiser ensemble")
    assert (kind, speaker, via) == ("direct", "johnathan-hoffman", "agence-france-presse")
    assert claim("Bagdad n'a pas donné son autorisation")[:2] == ("indirect", "abdulkarim-khalaf")
    assert claim("Bagdad n'a pas donné son autorisation")[4] == -1
    assert claim("Des missiles iraniens ont frappé")[0] == "narrative"
    assert claim("personne n'a été tué ni blessé")[::4] == ("narrative", -1)
    assert claim("des avertissements ont retenti")[::4] == ("narrative", 1)  # not under the negation


def test_seed_timeline_development_and_date_conflict(published):
    """Issue 7 on the seeds: the 16/30 January pair is a development, not a contradiction; the Al-Asad
    injuries are, and so are Esper's denial and the coalition letter; the coalition's training
    `depuis 2014` (003) vs `depuis 2015` (001) is a date conflict; Soleimani's killing is one event
    dated 3 January across articles; the 5 January suspension is one event of three articles with no
    date conflict."""
    settings, _ = published
    developments = _query(
        settings.db_path,
        "select d.event_key, a.source_uri from developments d join claims c on c.claim_id = d.claim_id_after "
        "join articles a on a.article_id = c.article_id",
    )
    assert ("reprendre|operation", next(SEEDS.glob("003_*.txt")).name) in developments
    pairs = _query(
        settings.db_path,
        "select a1.source_uri, a2.source_uri, c.event_key, c.explanation from contradictions c "
        "join articles a1 on a1.article_id = c.article_id_a join articles a2 on a2.article_id = c.article_id_b "
        "where c.kind = 'polarity'",
    )
    assert not [p for p in pairs if p[2] == "reprendre|operation" and any(uri.startswith("003_") for uri in p[:2])]
    # nobody killed or injured at Al-Asad (001) vs dozens of traumatic brain injuries (003)
    injuries = [p for p in pairs if p[2] == "blesser|_"]
    assert [sorted(uri[:3] for uri in p[:2]) for p in injuries] == [["001", "003"]]
    assert "time uncertain" in injuries[0][3]
    # Esper's `aucune décision de quitter l'Irak n'a été prise` vs the coalition letter's `votre décision
    # d'ordonner notre départ` (004: two speakers in one article)
    withdrawal = _query(
        settings.db_path,
        "select a.source_uri, c.speaker_a, c.speaker_b, c.explanation from contradictions c "
        "join articles a on a.article_id = c.article_id_a "
        "where c.kind = 'polarity' and c.event_key = 'retirer|irk' and c.article_id_a = c.article_id_b",
    )
    assert [(uri[:3], sorted((a, b))) for uri, a, b, _ in withdrawal] == [
        ("004", ["Mark Esper", "William H. Seely III"])
    ]
    assert "Mark Esper denies it (aucune … n'" in withdrawal[0][3]
    ((explanation,),) = _query(settings.db_path, "select explanation from contradictions where kind = 'date'")
    assert "2014" in explanation and "2015" in explanation
    timeline = {
        r[0]: r[1:]
        for r in _query(settings.db_path, "select event_key, event_start, n_articles, date_conflict from timeline")
    }
    assert timeline["tuer|slmni"][0].isoformat() == "2020-01-03" and timeline["tuer|slmni"][1] >= 2
    # reported by three articles: `la suspension de ses opérations` (000, 002), `gelait sa campagne` (003)
    assert timeline["suspendre|operation"][0].isoformat() == "2020-01-05"
    assert timeline["suspendre|operation"][1:] == (3, False)


def test_seed_disputes_gather_the_pairs_of_one_question(published):
    """Issue 24 on the seeds: the 9 contradiction pairs (and 4 developments) are 4 disputed questions; the
    question whether joint US-Iraqi operations resumed mid-January is ONE dispute, not six pairs: US officials
    cited by the New York Times and the paper's own report (one source) against Khalaf and Hoffman."""
    settings, _ = published
    assert _query(settings.db_path, "select count(*) from contradictions") == [(9,)]
    assert _query(settings.db_path, "select count(*) from developments") == [(4,)]
    disputes = _query(settings.db_path, "select kind, event_key, n_sides from disputes order by 1, 2")
    assert disputes == [
        ("date", "commencer|formation", 2),
        ("polarity", "blesser|_", 2),
        ("polarity", "reprendre|operation", 2),
        ("polarity", "retirer|irk", 2),
    ]
    # every pair about the resumption is in the one dispute
    ((pairs, n_pairs, sides, claims),) = _query(
        settings.db_path,
        "select (select count(*) from contradictions where event_key = 'reprendre|operation'), "
        "len(contradiction_ids), sides, n_claims from disputes where event_key = 'reprendre|operation'",
    )
    assert n_pairs == pairs == 6 and claims == 5
    affirm, deny = sides
    assert (affirm["side"], deny["side"]) == ("affirm", "deny")
    assert sorted(deny["independent_sources"]) == ["Abdulkarim Khalaf", "Johnathan Hoffman"]
    assert deny["relays"] == ["Abdulkarim Khalaf via Agence France-Presse"]
    # the officials the New York Times cites and the New York Times' report are one source
    assert (affirm["n_sources"], affirm["n_independent_sources"]) == (3, 2)
    assert "Deux responsables militaires américains via The New York Times" in affirm["relays"]
    # the evidence quotes the bodies at its offsets
    bad = _query(
        settings.db_path,
        """select count(*) from (select unnest(side.evidence) as evidence from
                  (select unnest(sides) as side from disputes)) as quoted
           inner join articles on articles.article_id = quoted.evidence.article_id
           where substr(articles.body, quoted.evidence.char_start + 1,
                        quoted.evidence.char_end - quoted.evidence.char_start) <> quoted.evidence.text""",
    )
    assert bad == [(0,)]


def test_seed_timeline_keeps_disputed_events_one_row_per_event_with_readable_labels(published):
    """Issue 24: the disputed resumption (dated `mercredi` by the officials the New York Times cites) is in
    the timeline, flagged; Soleimani's killing is one row with the articles whose claims report it; no label
    is an internal key."""
    settings, _ = published
    rows = _query(
        settings.db_path,
        "select event_key, label, article_ids, n_independent_sources, is_disputed, event_start from timeline",
    )
    assert not [r for r in rows if r[1] == r[0] or "|" in r[1] or r[1].startswith(r[0].replace("|", " · "))]
    resumption = [r for r in rows if r[0] == "reprendre|operation"]
    assert len(resumption) == 1 and resumption[0][4] is True
    killing = [r for r in rows if r[0] == "tuer|slmni"]
    assert len(killing) == 1
    reporting = _query(
        settings.db_path,
        "select list(distinct article_id order by article_id) from claims where event_key = 'tuer|slmni'",
    )
    assert killing[0][2] == reporting[0][0] and len(killing[0][2]) >= 2
    assert killing[0][5].isoformat() == "2020-01-03"
    # every article tells it (by a clause or by a noun: `l'assassinat du général…`), each from its own
    # newsroom: Belga (000), 001's, AFP (002), 003's and 004's
    assert len(killing[0][2]) == 5 and killing[0][3] == 5
    assert "Soleimani" in killing[0][1]
    # the Al-Asad injuries: denied by 001, reported by 003, one disputed event
    injuries = [r for r in rows if r[0] == "blesser|_"]
    assert len(injuries) == 1 and injuries[0][4] is True and len(injuries[0][2]) == 2


def test_seed_soleimani_killing_is_reported_by_every_article_that_tells_it(published):
    """002, 003 and 004 tell the killing by a noun (`l'assassinat du général iranien Qassem Souleimani`, `au
    meurtre américain du commandant … Qassem Soleimani`): those are claims of the event too."""
    settings, _ = published
    ((articles,),) = _query(settings.db_path, "select article_ids from timeline where event_key = 'tuer|slmni'")
    assert len(articles) >= 4


def test_seed_metadata_and_boilerplate(published):
    settings, _ = published
    meta = {
        r[0][:3]: r[1:]
        for r in _query(
            settings.db_path, "select source_uri, outlet, dateline, agencies, title, body, captions from articles"
        )
    }
    assert meta["002"][0] == "BFMTV"
    assert meta["001"][1] == "WASHINGTON"
    assert "Belga" in meta["000"][2]
    assert meta["001"][3].startswith("L'armée américaine reprend ses opérations")
    bodies = " ".join(m[4] for m in meta.values())
    for junk in ("Laisser un commentaire", "GIPHY", "Icardi", "RATP", "Daphné BENOIT", "9 février 2019"):
        assert junk not in bodies
    assert any("9 février 2019" in c for c in meta["002"][5])


def _snapshot(db) -> dict[str, list[str]]:
    """Every row of the contract tables (articles without their load time and run)."""
    return {
        table: sorted(
            map(
                repr,
                _query(
                    db,
                    f"select * exclude (ingested_at, run_id) from {table}"
                    if table == "articles"
                    else f"select * from {table}",
                ),
            )
        )
        for table in TABLES
    }


def _parts(lake: Path) -> dict[str, set[str]]:
    return {folder.name: {p.name for p in folder.glob("part-*")} for folder in lake.iterdir() if folder.is_dir()}


def test_rerun_is_idempotent(published, workspace):
    """Nothing changed: the run records itself (the same counts, the message says why nothing was done), the
    content is the same, and the lake gains only the run's own record: no replayed inputs, no quality results."""
    settings, first = published
    before = _snapshot(settings.db_path)
    parts = _parts(settings.lake_dir)
    _, summary = _run(workspace)
    assert summary.status == "published"
    assert summary.n_articles_new == 0
    assert (summary.n_inputs, summary.n_quarantined, summary.n_claims) == (8, 2, first.n_claims)
    assert _snapshot(settings.db_path) == before
    assert _query(settings.db_path, "select count(*) from pipeline_runs") == [(2,)]
    ((message,),) = _query(settings.db_path, "select message from pipeline_runs where run_id = ?", [summary.run_id])
    assert "nothing changed" in message
    after = _parts(settings.lake_dir)
    assert {name for name in after if after[name] != parts.get(name)} == {"pipeline_runs"}


def test_an_unchanged_folder_is_recorded_without_starting_prefect(published, workspace, tmp_path):
    """`recoupe run` on a folder where nothing changed (one file only touched: its time moved, not its bytes)
    records a run and publishes without importing Prefect (which would create PREFECT_HOME)."""
    settings, _ = published
    touched = sorted((workspace / "input").glob("*.txt"))[0]
    os.utime(touched)
    prefect_home = tmp_path / "prefect-home"
    n_runs = _query(settings.db_path, "select count(*) from pipeline_runs")[0][0]
    command = [
        sys.executable,
        "-m",
        "flows.cli",
        "run",
        "--input",
        str(workspace / "input"),
        "--db",
        str(settings.db_path),
        "--lake",
        str(settings.lake_dir),
        "--reports",
        str(settings.reports_dir),
        "--quiet",
    ]
    env = {**os.environ, "PREFECT_HOME": str(prefect_home), "RECOUPE_ACTOR_DICTIONARY": str(settings.actor_dictionary)}
    result = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT_ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "nothing changed" in result.stdout
    assert not prefect_home.exists()
    assert _query(settings.db_path, "select count(*) from pipeline_runs")[0][0] == n_runs + 1
    # the manifest now holds the file's new time: the next run does not hash it again
    ((modified,),) = _query(
        settings.db_path, "select modified_ns from input_files where source_file = ?", [touched.name]
    )
    assert modified == touched.stat().st_mtime_ns


def test_an_incremental_run_publishes_what_a_full_run_publishes(published, tmp_path):
    """The seeds without 000 and its copy, published; then 000 and its copy added (000 sorts first, and the
    other articles link to it, narrow with it and share its events): the incremental run resolves what the new
    article touches and publishes exactly the tables and views of the full run on the same folder
    (`published`), compared as multisets of rows."""
    from bench.compare_warehouses import differences
    from flows.pipeline import dispatch_pipeline

    full, _ = published
    inputs = tmp_path / "input"
    shutil.copytree(full.input_dir, inputs)
    held_back = {name: inputs / name for name in (next(SEEDS.glob("000_*.txt")).name, "bad/copy-of-first.txt")}
    contents = {name: path.read_bytes() for name, path in held_back.items()}
    for path in held_back.values():
        path.unlink()
    settings = full.model_copy(
        update={
            "input_dir": inputs,
            "db_path": tmp_path / "data" / "warehouse.duckdb",
            "lake_dir": tmp_path / "data" / "lake",
            "reports_dir": tmp_path / "data" / "reports",
        }
    )
    first = dispatch_pipeline(settings)
    assert first.status == "published" and first.n_articles_new == 4
    for name, path in held_back.items():
        path.write_bytes(contents[name])
    second = dispatch_pipeline(settings)
    assert second.status == "published", second.failed
    assert second.n_articles_new == 1 and second.n_resolved < 5
    assert differences(full.db_path, settings.db_path) == {}
    # validated: the changed rows and every cross-table assertion, recorded with the run
    suites = _query(settings.db_path, "select distinct suite from dq_results where run_id = ?", [second.run_id])
    assert {"claims", "assert_keys_unique", "assert_foreign_keys"} <= {suite for (suite,) in suites}


def test_changed_extraction_rules_re_extract_every_input(published, tmp_path):
    """A lake extracted by other rules (an older recoupe, another model) is extracted again, once."""
    from flows.lake import EXTRACTION_MARKER, extraction_fingerprint
    from flows.pipeline import dispatch_pipeline

    settings, _ = published
    lake = tmp_path / "lake"
    shutil.copytree(settings.lake_dir, lake)
    (lake / EXTRACTION_MARKER).write_text("rules of an older recoupe", encoding="utf-8")
    copy = settings.model_copy(update={"lake_dir": lake, "db_path": tmp_path / "w.duckdb"})
    summary = dispatch_pipeline(copy)
    assert summary.status == "published"
    assert summary.n_articles_new == 5  # every seed extracted again
    assert (lake / EXTRACTION_MARKER).read_text(encoding="utf-8") == extraction_fingerprint(copy.spacy_model)
    assert dispatch_pipeline(copy).n_articles_new == 0  # and only once


def test_reports_are_written_and_self_contained(published):
    from flows.reporting import write_reports

    settings, _ = published
    written = write_reports(settings.db_path, settings.reports_dir)
    names = {p.name for p in written}
    assert {"contradictions.md", "disputes.md", "timeline.md", "index.html", "disputes.csv", "disputes.json"} <= names
    page = (settings.reports_dir / "index.html").read_text(encoding="utf-8")
    # one card per disputed question, not one per pair
    assert "<svg" in page and page.count('class="card dispute"') == 4
    assert "La reprise des opérations militaires conjointes" in (settings.reports_dir / "disputes.md").read_text(
        encoding="utf-8"
    )
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "") and "https://" not in page


def test_reports_from_the_gates_views_are_the_reports_of_the_published_warehouse(published, tmp_path):
    """The run hands the reports the views its gate computed on the staging file (not computed twice): they are
    the rows the published warehouse's views give, and the reports written from them are the same files."""
    from flows.reporting import REPORT_VIEWS, fetch_report_views, write_reports
    from flows.warehouse_io import open_warehouse

    settings, summary = published
    assert summary.views is not None and set(summary.views) == set(REPORT_VIEWS)
    con = open_warehouse(settings.db_path, views=True)
    try:
        fresh = fetch_report_views(con)
    finally:
        con.close()
    for name, frame in fresh.items():
        assert summary.views[name].equals(frame), name
    assert not fresh["disputes"].is_empty() and not fresh["timeline"].is_empty()
    given = write_reports(settings.db_path, tmp_path / "given", views=summary.views)
    computed = write_reports(settings.db_path, tmp_path / "computed")
    assert [p.name for p in given] == [p.name for p in computed]
    for a, b in zip(given, computed, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def _resolve_seeds(settings, path: Path, pool) -> None:
    """The corpus stage on the seeds' lake into a new warehouse at `path`, chunks resolved on `pool` (or here)."""
    from flows.corpus import resolve_into
    from flows.inputs import read_dictionary
    from flows.staging import StagingWarehouse
    from transforms.actors import parse_dictionary

    staging = StagingWarehouse(path, None)
    dictionary = parse_dictionary(read_dictionary(settings.actor_dictionary))
    resolve_into(settings.lake_dir, dictionary, staging, "resolve-test", pool, in_flight=2)
    staging.commit()


def test_chunks_resolved_on_worker_processes_give_the_rows_resolved_here(published, tmp_path, monkeypatch):
    """The corpus stage resolves its chunks of articles on the run's idle extraction processes: the same rows as
    in the run's own process; and a pool that has lost a process leaves the chunks to the run's process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from bench.compare_warehouses import differences
    from flows import corpus

    settings, _ = published
    monkeypatch.setattr(corpus, "CHUNK", 2)  # the five seed articles in three chunks
    _resolve_seeds(settings, tmp_path / "warehouse-here.duckdb", None)
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(2, mp_context=spawn) as pool:
        _resolve_seeds(settings, tmp_path / "warehouse-pool.duckdb", pool)
        assert pool._processes  # the chunks went to the pool
    with ProcessPoolExecutor(2, mp_context=spawn) as broken:
        broken.submit(os.getpid).result()  # a process is up
        os.kill(next(iter(broken._processes)), signal.SIGKILL)
        deadline = time.monotonic() + 30
        while not broken._broken and time.monotonic() < deadline:
            time.sleep(0.05)
        assert broken._broken
        _resolve_seeds(settings, tmp_path / "warehouse-broken.duckdb", broken)
    here = tmp_path / "warehouse-here.duckdb"
    assert differences(here, tmp_path / "warehouse-pool.duckdb") == {}
    assert differences(here, tmp_path / "warehouse-broken.duckdb") == {}
    assert _query(here, "select count(*) from claims")[0][0] > 50
    assert not list(tmp_path.glob("*.corpus"))  # the corpus file sent to the pool is removed after


def test_missing_input_folder_is_a_usage_error(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "flows.cli", "run", "--input", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=120,
    )
    assert result.returncode == 2
    assert "input folder not found" in result.stderr
    assert "Traceback" not in result.stderr


def _cli_run(db, lake, *extra: str) -> list[str]:
    """`recoupe run` on the seeds, as a separate process."""
    return [
        sys.executable,
        "-m",
        "flows.cli",
        "run",
        "--input",
        str(SEEDS),
        "--db",
        str(db),
        "--lake",
        str(lake),
        *extra,
    ]


def test_a_second_run_on_the_same_warehouse_exits_with_a_clear_message(tmp_path):
    from flows.locking import run_lock

    db = tmp_path / "warehouse.duckdb"
    with run_lock(db):
        result = subprocess.run(
            _cli_run(db, tmp_path / "lake"),
            capture_output=True,
            text=True,
            cwd=PROJECT_ROOT,
            timeout=300,
        )
    assert result.returncode == 1
    assert "another recoupe run" in result.stderr


def test_gate_refuses_a_corrupt_build_and_keeps_the_published_warehouse(published, workspace, tmp_path):
    """A claim of the lake corrupted (no polarity), and the actor dictionary edited so that every article is
    resolved again: the gate fails, nothing is published; then the lake is repaired."""
    import polars as pl

    from flows.datasets import CLAIMS_RAW
    from flows.lake import LakeQuery, write_part
    from flows.pipeline import dispatch_pipeline

    settings, _ = published
    before = _query(settings.db_path, "select count(*), max(run_id) from pipeline_runs")
    lake = LakeQuery(settings.lake_dir)
    claim = lake.read(CLAIMS_RAW).sort("claim_id").head(1)
    lake.close()
    part = write_part(claim.with_columns(pl.lit(0, pl.Int16).alias("polarity")), settings.lake_dir, CLAIMS_RAW, "zz")
    dictionary = tmp_path / "reference" / "actors.csv"
    dictionary.parent.mkdir()
    dictionary.write_text(settings.actor_dictionary.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    try:
        summary = dispatch_pipeline(settings.model_copy(update={"actor_dictionary": dictionary}))
    finally:
        part.unlink()
    assert summary.status == "failed_validation"
    assert any("claim_polarity" in failure for failure in summary.failed)
    # the published warehouse is the previous one, still queryable
    assert _query(settings.db_path, "select count(*), max(run_id) from pipeline_runs") == before
    # the failed build is kept with its data-quality results
    failed = _query(
        summary.db_path,
        "select suite, success, sample_ids from dq_results where run_id = ? and not success",
        [summary.run_id],
    )
    (claim_id,) = claim["claim_id"].to_list()
    assert any(suite == "assert_claim_polarity" and claim_id in sample for suite, _, sample in failed)


def test_data_quality_reports_for_ci(published, tmp_path):
    from flows.reporting import write_dq_reports

    settings, _ = published
    md, xml = write_dq_reports(settings.db_path, tmp_path)
    assert "expectations passed" in md.read_text(encoding="utf-8")
    assert xml.read_text(encoding="utf-8").count("<testcase") > 20


def test_cross_document_narrowing_dates_last_week(published):
    """001 puts the missile strike `la semaine dernière`; 003 dates it 8 January: 001 was written in
    the week of 13 January, which resolves its `la semaine dernière` to 2020-W02."""
    settings, _ = published
    ((earliest, latest, basis),) = _query(
        settings.db_path,
        "select published_earliest, published_latest, published_basis from articles where source_uri like '001_%'",
    )
    assert (str(earliest), str(latest), basis) == ("2020-01-13", "2020-01-19", "cross_document")
    values = _query(
        settings.db_path,
        "select distinct d.value from dates d join articles a using (article_id) "
        "where a.source_uri like '001_%' and d.surface = 'la semaine dernière'",
    )
    assert values == [("2020-W02",)]
    # no date comes from the ` date 2020-01` header or from the 2019 photo caption
    assert _query(settings.db_path, "select count(*) from dates where value like '2001%' or value = '2019-02-09'") == [
        (0,)
    ]


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def test_report_renders_in_a_real_browser(published, tmp_path):
    """index.html opened by headless Chromium with no network: chart and dispute cards render and the
    console stays silent."""
    from flows.reporting import write_reports

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium (.ci/run does)")
        pytest.skip("chromium is not installed here (apt-get install chromium)")
    settings, _ = published
    write_reports(settings.db_path, settings.reports_dir, ("html",))
    page = (settings.reports_dir / "index.html").as_uri()
    common = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    shot = tmp_path / "report.png"
    run = subprocess.run(
        [*common, "--window-size=1200,2400", f"--screenshot={shot}", "--enable-logging=stderr", "--v=0", page],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shot.exists() and shot.stat().st_size > 20_000, run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line]
    assert not [line for line in console if "error" in line.lower() or "Uncaught" in line], console
    dom = subprocess.run([*common, "--dump-dom", page], capture_output=True, text=True, timeout=120).stdout
    assert dom.count("<rect") >= 3  # timeline bars
    # one card per dispute, its sides side by side
    assert dom.count('class="card dispute"') == 4
    assert dom.count('class="side affirm"') == dom.count('class="side deny"') == 3


def test_a_reader_keeps_the_old_warehouse_while_a_run_publishes(published, workspace):
    """An analyst holds the warehouse open (read-only, as the DuckDB CLI with -readonly or `recoupe sql`
    would); a run publishes meanwhile; the reader keeps a consistent view; a new reader sees the new one."""
    settings, _ = published
    reader = duckdb.connect(str(settings.db_path), read_only=True)
    try:
        last_before = reader.execute("select max(run_id) from pipeline_runs where status = 'published'").fetchone()
        _, summary = _run(workspace)
        assert summary.status == "published"
        assert (
            reader.execute("select max(run_id) from pipeline_runs where status = 'published'").fetchone() == last_before
        )
        assert reader.execute("select count(*) from claims").fetchone()[0] > 0
    finally:
        reader.close()
    assert _query(settings.db_path, "select max(run_id) from pipeline_runs where status = 'published'") == [
        (summary.run_id,)
    ]


def _pool_workers(pid: int) -> list[int]:
    """Process ids of the extraction worker processes (multiprocessing children) of process `pid`."""
    import psutil

    return [
        child.pid
        for child in psutil.Process(pid).children()
        if any("multiprocessing" in part for part in child.cmdline())
    ]


def _alive(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.mark.parametrize(
    ("moment", "first_build"),
    [("extract", True), ("load", True), ("publish", True), ("load", False), ("publish", False)],
)
def test_a_killed_run_loses_and_duplicates_nothing(published, tmp_path, moment, first_build):
    """SIGKILL a real `recoupe run` (extracting in two worker processes) during extraction, while the staging
    warehouse is written, or around publication, on a first build or on an incremental one (one seed added to
    a published warehouse of the other four); its worker processes exit with it; the next run completes and
    the warehouse holds exactly what a clean run gives."""
    import signal
    import time

    from bench.compare_warehouses import differences
    from flows.pipeline import dispatch_pipeline
    from flows.settings import Settings

    clean_settings, _ = published
    db, lake = tmp_path / "data" / "warehouse.duckdb", tmp_path / "data" / "lake"
    inputs = tmp_path / "input"
    shutil.copytree(clean_settings.input_dir, inputs)  # the seeds and the bad inputs of the clean run
    settings = Settings(
        input_dir=inputs,
        db_path=db,
        lake_dir=lake,
        reports_dir=tmp_path / "reports",
        actor_dictionary=SEEDS / "reference" / "actors.csv",
    )
    if not first_build:
        last = sorted(inputs.glob("*.txt"))[-1]
        held_back = last.read_bytes()
        last.unlink()
        assert dispatch_pipeline(settings).status == "published"
        last.write_bytes(held_back)
        before = _parts(lake)
    # one document per batch: many parts, a wide window; extraction in two worker processes
    env = {
        **os.environ,
        "RECOUPE_BATCH_SIZE": "1",
        "RECOUPE_WORKERS": "2",
        "RECOUPE_ACTOR_DICTIONARY": str(settings.actor_dictionary),
    }
    command = [sys.executable, "-m", "flows.cli", "run", "--input", str(inputs), "--db", str(db)]
    process = subprocess.Popen(
        [*command, "--lake", str(lake), "--reports", str(settings.reports_dir), "--quiet"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, so that its Prefect server can be reaped too
    )
    deadline = time.monotonic() + 240
    staging = db.parent / "staging"

    def written(dataset: str) -> bool:
        parts = {p.name for p in (lake / dataset).glob("part-*")} if (lake / dataset).exists() else set()
        return bool(parts - (set() if first_build else before.get(dataset, set())))

    while time.monotonic() < deadline and process.poll() is None:
        if moment == "extract" and written("documents"):
            break
        if moment == "load" and staging.exists() and any(staging.glob("warehouse-*.duckdb*")):
            break
        # the gate's results are written just before the run records itself and swaps the file in
        if moment == "publish" and written("dq_results"):
            break
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be killed"
    workers = _pool_workers(process.pid)
    if moment == "extract":
        assert workers, "no extraction worker process during extraction"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    # the worker processes of the killed run exit on their own (nobody else would stop them)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not [pid for pid in workers if _alive(pid)], "worker processes outlived their run"
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # the orphaned ephemeral Prefect server of the killed run

    summary = dispatch_pipeline(settings)
    assert summary.status == "published"
    for table, key in (
        ("articles", "article_id"),
        ("claims", "claim_id"),
        ("dates", "date_id"),
        ("mentions", "char_start"),
    ):
        counted = (
            f"select count(*), count(distinct {key}) from {table}"
            if table != "mentions"
            else "select count(*), count(distinct (article_id, char_start, char_end)) from mentions"
        )
        assert _query(db, counted) == _query(clean_settings.db_path, counted), table
    assert differences(clean_settings.db_path, db) == {}  # every table and view
    assert not list(staging.glob("warehouse-*.duckdb*"))


# --- extraction on a Dask cluster (tests/integration/conftest.py: a scheduler and two workers on 127.0.0.1) ---


def _dask_settings(input_dir: Path, root: Path, address: str):
    from flows.settings import Settings

    return Settings(
        input_dir=input_dir,
        db_path=root / "warehouse.duckdb",
        lake_dir=root / "lake",
        reports_dir=root / "reports",
        actor_dictionary=SEEDS / "reference" / "actors.csv",
        dask_address=address,
        extract_batch_words=150,  # a batch per seed: the workers share them
    )


def _models_loaded(client) -> dict[str, tuple[int, int]]:
    """Per worker: (model loads, batches served by an already loaded model)."""

    def count():
        from transforms.nlp import load_pipeline

        info = load_pipeline.cache_info()
        return info.misses, info.hits

    return client.run(count)


def test_a_dask_cluster_builds_the_warehouse_of_a_local_run(published, workspace, dask_cluster, tmp_path):
    """The seeds (and the bad inputs) extracted by two Dask workers: the same rows in every table and view
    as the local run; each worker loaded the model once and reused it for its next batches."""
    from distributed import Client

    from bench.compare_warehouses import differences
    from flows.pipeline import dispatch_pipeline

    settings, local = published
    summary = dispatch_pipeline(_dask_settings(workspace / "input", tmp_path, dask_cluster))
    assert summary.status == "published", summary.failed
    assert (summary.n_articles_new, summary.n_claims) == (local.n_articles_new, local.n_claims)
    assert differences(settings.db_path, summary.db_path) == {}
    with Client(dask_cluster, set_as_default=False) as client:
        loads = _models_loaded(client)
    assert len(loads) == 2 and all(misses == 1 for misses, _ in loads.values()), loads
    assert sum(hits for _, hits in loads.values()) >= 3  # five batches, two model loads


def test_a_dask_worker_killed_mid_run_loses_nothing(published, workspace, dask_cluster, tmp_path):
    """SIGKILL the worker that holds extraction batches while the run waits for them: the scheduler gives
    its batches to the other worker (its nanny starts a new one) and the run publishes the same warehouse."""
    import signal
    import threading
    import time

    from distributed import Client

    from bench.compare_warehouses import differences
    from flows.pipeline import dispatch_pipeline

    settings, _ = published
    outcome: dict = {}

    def run():
        try:
            outcome["summary"] = dispatch_pipeline(_dask_settings(workspace / "input", tmp_path, dask_cluster))
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            outcome["error"] = error

    with Client(dask_cluster, set_as_default=False) as client:
        client.wait_for_workers(2, timeout=120)
        pids = client.run(os.getpid)
        thread = threading.Thread(target=run)
        thread.start()
        killed = None
        deadline = time.monotonic() + 180
        while killed is None and thread.is_alive() and time.monotonic() < deadline:
            busy = [worker for worker, keys in client.processing().items() if keys]
            if busy:
                killed = busy[0]
                os.kill(pids[killed], signal.SIGKILL)
            time.sleep(0.02)
        thread.join(timeout=600)
        assert killed is not None, "no worker was seen holding a batch"
        assert killed not in client.scheduler_info()["workers"]
    assert "error" not in outcome, outcome.get("error")
    summary = outcome["summary"]
    assert summary.status == "published"
    assert differences(settings.db_path, summary.db_path) == {}


def test_an_article_that_crashes_extraction_on_a_worker_ends_in_processing_errors(dask_cluster, tmp_path):
    """A document whose extraction raises on a Dask worker (a fault put in the workers' date tagger for texts
    holding a marker) gets its `processing_errors` row; its neighbour is extracted and the run publishes."""
    from distributed import Client

    from flows.pipeline import dispatch_pipeline

    def break_tagger():
        import transforms.extract as extract

        real = extract.tag_timex

        def fragile(text):
            if "BOUM" in text:
                raise ValueError("the tagger broke on this article")
            return real(text)

        fragile.real = real
        extract.tag_timex = fragile

    def repair_tagger():
        import transforms.extract as extract

        extract.tag_timex = getattr(extract.tag_timex, "real", extract.tag_timex)

    first = sorted(SEEDS.glob("*.txt"))[0]
    inputs = tmp_path / "input"
    inputs.mkdir()
    (inputs / first.name).write_bytes(first.read_bytes())
    broken = first.read_text(encoding="utf-8").replace("Bagdad", "Bagdad BOUM", 1)
    assert "BOUM" in broken
    (inputs / "broken.txt").write_text(broken, encoding="utf-8")
    with Client(dask_cluster, set_as_default=False) as client:
        client.wait_for_workers(2, timeout=120)
        client.run(break_tagger)
        try:
            summary = dispatch_pipeline(_dask_settings(inputs, tmp_path / "data", dask_cluster))
        finally:
            client.run(repair_tagger)
    assert summary.status == "published" and summary.n_errors == 1
    errors = _query(
        summary.db_path,
        "select a.source_uri, e.stage, e.error from processing_errors e join articles a using (article_id)",
    )
    assert errors == [("broken.txt", "extract", "ValueError: the tagger broke on this article")]
    by_file = "select a.source_uri, count(*) from claims c join articles a using (article_id) group by 1"
    claims = dict(_query(summary.db_path, by_file))
    assert claims.get(first.name, 0) > 0 and "broken.txt" not in claims
