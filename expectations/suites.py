"""Expectation suites, one per table or view. `critical` failures stop publication; `warning` ones
are reported. Cross-table rules live as SQL in `warehouse/checks/assert_*.sql` (offending rows; pass
on zero rows) and are validated here as "the offending-row frame is empty"."""

from __future__ import annotations

from datetime import datetime

import great_expectations.expectations as gxe

CRITICAL = {"severity": "critical"}
WARNING = {"severity": "warning"}

_CONTRACT_ENUMS = {
    ("articles", "published_basis"): ["header", "text", "cross_document", "file_metadata", "unknown"],
    ("actors", "actor_type"): ["PER", "ORG", "LOC", "MISC"],
    ("claims", "quote_kind"): ["direct", "indirect", "narrative"],
    ("claims", "polarity"): [1, -1],
    ("dates", "timex_type"): ["DATE", "TIME", "DURATION", "SET"],
    ("dates", "anchor"): ["absolute", "publication", "previous", "none"],
    ("contradictions", "kind"): ["polarity", "quantity", "date"],
    ("disputes", "kind"): ["polarity", "quantity", "date"],
    ("dispute_claims", "kind"): ["polarity", "quantity", "date"],
    ("quarantine", "reason"): [
        *("empty", "binary", "undecodable", "too_large", "too_long", "not_a_dispatch", "unreadable", "clean_error"),
    ],
}


def _keys(column: str) -> list:
    return [
        gxe.ExpectColumnValuesToNotBeNull(column=column, meta=CRITICAL),
        gxe.ExpectColumnValuesToBeUnique(column=column, meta=CRITICAL),
    ]


def _not_null(*columns: str) -> list:
    return [gxe.ExpectColumnValuesToNotBeNull(column=c, meta=CRITICAL) for c in columns]


def _enums(table: str) -> list:
    return [
        gxe.ExpectColumnValuesToBeInSet(column=column, value_set=values, meta=CRITICAL)
        for (t, column), values in _CONTRACT_ENUMS.items()
        if t == table
    ]


def table_suites() -> dict[str, list]:
    """{table or view: expectations}."""
    return {
        "articles": [
            *_keys("article_id"),
            *_not_null("source_uri", "content_sha256", "language", "body", "published_basis"),
            *_enums("articles"),
            gxe.ExpectColumnValueLengthsToBeBetween(column="body", min_value=1, meta=CRITICAL),
            gxe.ExpectColumnValuesToNotBeNull(column="published_earliest", mostly=0.5, meta=WARNING),
        ],
        "actors": [*_keys("actor_id"), *_not_null("canonical_name", "actor_type"), *_enums("actors")],
        "mentions": _not_null("article_id", "actor_id", "char_start", "char_end", "surface"),
        "claims": [
            *_keys("claim_id"),
            *_not_null("article_id", "text", "quote_kind", "polarity", "hedged", "event_key"),
            *_enums("claims"),
        ],
        "dates": [
            *_keys("date_id"),
            *_not_null("article_id", "surface", "timex_type", "anchor"),
            *_enums("dates"),
            gxe.ExpectColumnValuesToBeBetween(
                column="start_date", min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31), meta=WARNING
            ),
        ],
        "quarantine": [*_not_null("source_uri", "reason"), *_enums("quarantine")],
        "contradictions": [
            *_keys("contradiction_id"),
            *_enums("contradictions"),
            gxe.ExpectColumnValuesToBeBetween(column="confidence", min_value=0, max_value=1, meta=CRITICAL),
            *_not_null("claim_id_a", "claim_id_b", "explanation"),
        ],
        "timeline": [
            *_keys("event_id"),
            *_not_null("event_key", "event_start", "event_end", "n_claims", "label", "is_disputed"),
            gxe.ExpectColumnValuesToBeBetween(column="n_independent_sources", min_value=1, meta=CRITICAL),
        ],
        # one row per disputed question: two sides at least, each backed by a source
        "disputes": [
            *_keys("dispute_id"),
            *_enums("disputes"),
            *_not_null("event_key", "label", "sides", "first_reported_on", "last_reported_on"),
            gxe.ExpectColumnValuesToBeBetween(column="n_sides", min_value=2, meta=CRITICAL),
            gxe.ExpectColumnValuesToBeBetween(column="n_independent_sources", min_value=2, meta=WARNING),
            gxe.ExpectColumnValuesToBeBetween(column="confidence", min_value=0, max_value=1, meta=CRITICAL),
        ],
        "dispute_claims": [
            *_enums("dispute_claims"),
            *_not_null("dispute_id", "claim_id", "article_id", "side", "source_name", "origin_key", "text"),
            *_not_null("char_start", "char_end"),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["dispute_id", "claim_id"], meta=CRITICAL),
        ],
    }


def empty_result_suite(name: str, severity: str) -> list:
    """A SQL assertion passes when its query returns no row."""
    return [gxe.ExpectTableRowCountToEqual(value=0, meta={"severity": severity, "check": name})]


def row_count_suite(previous: int, max_drop: float, severity: str) -> list:
    """The table keeps at least (1 - max_drop) of the rows of the last published warehouse."""
    minimum = int(previous * (1 - max_drop))
    return [gxe.ExpectTableRowCountToBeBetween(min_value=minimum, meta={"severity": severity, "check": "row_drop"})]
