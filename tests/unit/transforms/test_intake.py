"""Intake: records and the account of every input (read, quarantined, replayed unchanged), cleaned records as
article rows, new articles versus duplicates, and a run's counts."""

import json
from datetime import datetime

import polars as pl

from transforms.decode import sha256_hex
from transforms.intake import (
    CLEANED_SCHEMA,
    DOCUMENT_SCHEMA,
    INPUT_SCHEMA,
    QUARANTINE_SCHEMA,
    admit_articles,
    clean_records,
    count_inputs,
    input_row,
    intake_files,
    previous_inputs,
    rejection,
)

NOW = datetime(2020, 1, 16, 10, 30)
GREVE = (
    "PARIS, 16 janvier (AFP) - La grève contre la réforme des retraites se poursuit jeudi dans les transports. "
    "La RATP prévoit un trafic très perturbé sur la plupart des lignes de métro, selon un communiqué publié mercredi."
)
MINISTRE = (
    "La ministre de la Santé a annoncé vendredi l'ouverture de dix nouveaux centres de vaccination en Bretagne. "
    "Selon elle, les premiers patients seront reçus dès la semaine prochaine dans les hôpitaux de Rennes et de Brest."
)


def _intake(files, seen=None):
    return intake_files(files, seen or {}, 1_000_000, "r1", NOW)


def test_a_text_file_gives_one_record_and_no_account_yet():
    # its input row is written once it is cleaned (article, duplicate or quarantined), not at intake
    raw = GREVE.encode("utf-8")
    intake = _intake([("depeches/greve.txt", raw)])
    (record,) = intake.records
    assert record["source_uri"] == record["container_uri"] == "depeches/greve.txt"
    assert record["container_sha256"] == record["content_sha256"] == sha256_hex(raw)
    assert record["doc_key"] == f"depeches/greve.txt#{sha256_hex(raw)}"
    assert record["text"].startswith("PARIS, 16 janvier")
    assert intake.inputs.is_empty() and intake.quarantined.is_empty()
    assert intake.inputs.schema == pl.Schema(INPUT_SCHEMA) and intake.quarantined.schema == pl.Schema(QUARANTINE_SCHEMA)


def test_an_unreadable_file_is_quarantined_and_accounted_for():
    intake = _intake([("verrouille.txt", PermissionError(13, "Permission denied"))])
    assert intake.records == []
    (quarantined,) = intake.quarantined.to_dicts()
    assert quarantined["reason"] == "unreadable" and "Permission denied" in quarantined["detail"]
    assert quarantined["content_sha256"] is None and quarantined["quarantined_at"] == NOW
    (row,) = intake.inputs.to_dicts()
    assert row == input_row("verrouille.txt", None, "verrouille.txt", None, "quarantined", None, "r1", NOW)


def test_a_bad_jsonl_line_is_quarantined_on_its_own_and_its_neighbours_load():
    feed = "\n".join([json.dumps({"title": "Grève", "text": GREVE}), "{pas du json", json.dumps({"text": MINISTRE})])
    raw = feed.encode("utf-8")
    intake = _intake([("flux.jsonl", raw)])
    assert [r["source_uri"] for r in intake.records] == ["flux.jsonl#1", "flux.jsonl#3"]
    assert intake.records[0]["meta_title"] == "Grève"
    assert intake.quarantined["source_uri"].to_list() == ["flux.jsonl#2"]
    assert intake.quarantined["reason"].to_list() == ["undecodable"]
    # the quarantined line's input row names the file it came from
    row = intake.inputs.row(0, named=True)
    assert (row["source_uri"], row["container_uri"], row["container_sha256"], row["status"]) == (
        "flux.jsonl#2",
        "flux.jsonl",
        sha256_hex(raw),
        "quarantined",
    )


def test_a_file_read_before_with_the_same_content_replays_its_inputs_as_unchanged():
    raw = GREVE.encode("utf-8")
    digest = sha256_hex(raw)
    earlier = pl.DataFrame(
        [
            input_row("greve.txt", digest, "greve.txt", digest, "article", "a1", "r0", NOW),
            input_row("vieux.txt", "x", "vieux.txt", None, "article", "a9", "r0", NOW),  # no file recorded: left out
        ],
        schema=INPUT_SCHEMA,
    )
    seen = previous_inputs(earlier)
    assert list(seen) == [("greve.txt", digest)]
    intake = _intake([("greve.txt", raw)], seen)
    assert intake.records == []  # not read again
    assert intake.inputs.select("source_uri", "status", "article_id", "run_id").rows() == [
        ("greve.txt", "unchanged", "a1", "r1")
    ]
    # an input that gave no article is replayed as unchanged-quarantined; the file changed: read again
    quarantined = previous_inputs(earlier.with_columns(pl.lit(None, pl.String).alias("article_id")))
    assert _intake([("greve.txt", raw)], quarantined).inputs["status"].to_list() == ["unchanged-quarantined"]
    assert len(_intake([("greve.txt", raw + b" Fin.")], seen).records) == 1


def test_replayed_inputs_keep_the_order_of_the_lake():
    """A JSONL read before with the same content replays its 600 inputs in the order the lake holds them, the same
    every run (a hash-based deduplication gave them in an order that changed between runs)."""
    digest = "d" * 64
    earlier = pl.DataFrame(
        [input_row(f"feed.jsonl#{i}", f"s{i}", "feed.jsonl", digest, "article", f"a{i}", "r0", NOW) for i in range(600)]
        * 2,  # read in two earlier runs: each input once
        schema=INPUT_SCHEMA,
    )
    replayed = previous_inputs(earlier)[("feed.jsonl", digest)]
    assert [row["source_uri"] for row in replayed] == [f"feed.jsonl#{i}" for i in range(600)]


def _record(uri: str, text: str, title: str | None = None) -> dict:
    sha = sha256_hex(text.encode("utf-8"))
    return {
        "doc_key": f"{uri}#{sha}",
        "source_uri": uri,
        "content_sha256": sha,
        "container_uri": uri,
        "container_sha256": sha,
        "text": text,
        "encoding": "utf-8",
        "meta_title": title,
        "meta_date": "2020-01-16" if title else None,
        "meta_outlet": None,
        "url": None,
        "external_id": None,
    }


def test_cleaned_records_get_content_ids_language_and_the_inputs_metadata():
    cleaned = clean_records(
        [_record("a.txt", GREVE, title="Retraites : la grève continue"), _record("b.txt", GREVE)], "r1", NOW
    )
    assert cleaned.columns == list(CLEANED_SCHEMA)
    # the same text gives the same article id, whatever the file
    assert cleaned["article_id"].n_unique() == 1
    assert cleaned["language"].to_list() == ["fr", "fr"]
    # the title the JSON gives wins; the date it gives is kept as metadata
    assert cleaned["title"][0] == "Retraites : la grève continue"
    assert cleaned["metadata_date"].to_list() == ["2020-01-16", None]
    assert cleaned["minhash"][0].len() == 64 and cleaned["run_id"].to_list() == ["r1", "r1"]
    assert clean_records([], "r1", NOW).schema == pl.Schema(CLEANED_SCHEMA)


def test_a_body_too_long_or_not_prose_is_rejected_with_why():
    assert rejection(GREVE, 10_000) is None
    assert rejection(GREVE, 50)[0] == "too_long"
    assert "over max_body_chars (50)" in rejection(GREVE, 50)[1]
    # a few words are no dispatch
    assert rejection("Météo : beau temps.", 10_000) == ("not_a_dispatch", "only 4 words of text")
    assert rejection(None, 10_000)[0] == "not_a_dispatch"


def test_the_first_record_of_a_new_article_is_the_article_the_others_duplicates():
    records = [
        _record("a.txt", GREVE),
        _record("copie.txt", GREVE),  # the same dispatch again
        _record("b.txt", MINISTRE),  # an article the lake already holds
        _record("court.txt", "Fin de la dépêche."),
    ]
    cleaned = clean_records(records, "r1", NOW)
    known_id = cleaned.filter(pl.col("source_uri") == "b.txt")["article_id"][0]
    admitted = admit_articles(records, cleaned, [], {known_id}, 10_000, "r1", NOW)
    assert admitted.articles["source_uri"].to_list() == ["a.txt"]
    assert admitted.articles.columns == list(DOCUMENT_SCHEMA)
    # quarantined inputs are accounted first, then the cleaned ones in order
    assert admitted.inputs.select("source_uri", "status").rows() == [
        ("court.txt", "quarantined"),
        ("a.txt", "article"),
        ("copie.txt", "duplicate"),
        ("b.txt", "duplicate"),
    ]
    assert admitted.quarantined.select("source_uri", "reason").rows() == [("court.txt", "not_a_dispatch")]
    assert admitted.inputs.filter(pl.col("status") == "quarantined")["article_id"].to_list() == [None]


def test_a_record_whose_cleaning_raised_is_quarantined_with_the_error():
    records = [_record("a.txt", GREVE), _record("casse.txt", MINISTRE)]
    cleaned = clean_records(records[:1], "r1", NOW)
    admitted = admit_articles(records, cleaned, [(records[1], "ValueError: boom")], set(), 10_000, "r1", NOW)
    assert admitted.quarantined.select("source_uri", "reason", "detail").rows() == [
        ("casse.txt", "clean_error", "ValueError: boom")
    ]
    assert admitted.inputs.select("source_uri", "status").rows() == [("casse.txt", "quarantined"), ("a.txt", "article")]
    assert admitted.articles["source_uri"].to_list() == ["a.txt"]


def test_a_runs_counts_include_the_files_it_did_not_read():
    rows = [
        input_row(uri, "s", uri, "s", status, None, "r1", NOW)
        for uri, status in [
            ("a", "article"),
            ("b", "duplicate"),
            ("c", "quarantined"),
            ("d", "unchanged"),
            ("e", "unchanged-quarantined"),
        ]
    ]
    unchanged = pl.DataFrame({"n_inputs": [3, 2], "n_quarantined": [1, 0]})
    counts = count_inputs(pl.DataFrame(rows, schema=INPUT_SCHEMA), unchanged)
    # 5 rows + 5 inputs of unread files; 2 + 1 quarantined; 1 new article; the other 6 duplicates
    assert (counts.n_inputs, counts.n_quarantined, counts.n_articles_new, counts.n_duplicates) == (10, 3, 1, 6)
    empty = count_inputs(
        pl.DataFrame(schema=INPUT_SCHEMA), pl.DataFrame(schema={"n_inputs": pl.Int64, "n_quarantined": pl.Int64})
    )
    assert (empty.n_inputs, empty.n_duplicates) == (0, 0)
