"""The claim record and its lake row (`transforms.claims.model`)."""

import json
from dataclasses import fields

import polars as pl

from transforms.claims import CLAIM_SCHEMA, Claim, claim_id, claim_rows
from transforms.claims.model import ARTICLE_COLUMNS


def _claim(start: int, end: int, **kwargs) -> Claim:
    return Claim(
        article_id="a", sentence_idx=0, char_start=start, char_end=end, text="x", quote_kind="direct", **kwargs
    )


def test_the_schema_is_the_claims_typed_fields_and_the_columns_of_its_article():
    typed = {f.name for f in fields(Claim) if "dtype" in f.metadata}
    assert set(CLAIM_SCHEMA) == typed | set(ARTICLE_COLUMNS)
    assert not typed & set(ARTICLE_COLUMNS)
    assert (CLAIM_SCHEMA["polarity"], CLAIM_SCHEMA["arguments"]) == (pl.Int16, pl.List(pl.String))


def test_a_row_links_claims_by_their_ids_and_writes_what_needs_the_article():
    quoted = _claim(0, 10, speaker_text="le ministre")
    continued = _claim(12, 20, speaker_from=quoted, modal="pouvoir", subordinate=[[14, 18]])
    denial = _claim(22, 30, responds_to_index=0, polarity=-1)
    rows = claim_rows([quoted, continued, denial], future=lambda c: c.char_start == 12)
    assert [list(row) for row in rows] == [list(CLAIM_SCHEMA)] * 3
    ids = [claim_id("a", 0, 10), claim_id("a", 12, 20), claim_id("a", 22, 30)]
    assert [row["claim_id"] for row in rows] == ids
    assert (rows[1]["speaker_from_claim_id"], rows[2]["responds_to_claim_id"]) == (ids[0], ids[0])
    assert (rows[0]["speaker_from_claim_id"], rows[0]["responds_to_claim_id"]) == (None, None)
    assert [row["future"] for row in rows] == [False, True, False]
    assert [row["possible"] for row in rows] == [False, True, False]  # a modal makes the event possible
    assert json.loads(rows[1]["subordinate_spans"]) == [[14, 18]] and rows[0]["subordinate_spans"] == "[]"
    frame = pl.DataFrame(rows, schema=CLAIM_SCHEMA)
    assert frame["polarity"].to_list() == [1, 1, -1]


def test_a_claim_id_is_its_article_and_span():
    assert claim_id("a", 0, 10) == claim_id("a", 0, 10) != claim_id("a", 0, 11) != claim_id("b", 0, 10)
