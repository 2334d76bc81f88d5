"""Real-world events: the claims of one event key told in one story.

An event key (`suspendre|operation`, `tuer|homme`) names a kind of event, and unrelated stories
share kinds: two killings in two cities are both `tuer|homme`. Claims with one key are taken to be
about one event when they come from one article, or from articles linked as the same story
(`transforms/links.py`), transitively. The timeline has one row per such event.
"""

from __future__ import annotations

import hashlib
from functools import cache

import polars as pl

from transforms.text_norm import lexicon_lines

EVENT_SCHEMA = {"claim_id": pl.String, "event_id": pl.String}


def _find(parent: dict[str, str], node: str) -> str:
    root = node
    while parent[root] != root:
        root = parent[root]
    while parent[node] != root:  # path compression
        parent[node], node = root, parent[node]
    return root


def event_ids(claims: pl.DataFrame, links: pl.DataFrame) -> pl.DataFrame:
    """Args: claims (`claim_id`, `article_id`, `event_key`); links (`article_id_a`, `article_id_b`).
    Returns: one row per claim: `claim_id`, `event_id` (16 hex characters, derived from the event key
    and the smallest article id of the event's story, so that it is stable across runs)."""
    if claims.is_empty():
        return pl.DataFrame(schema=EVENT_SCHEMA)
    articles_of_key: dict[str, set[str]] = {}
    keys_of_article: dict[str, set[str]] = {}
    for article_id, key in claims.select("article_id", "event_key").unique().iter_rows():
        articles_of_key.setdefault(key, set()).add(article_id)
        keys_of_article.setdefault(article_id, set()).add(key)
    # one union-find per key, over the articles telling it
    parents: dict[str, dict[str, str]] = {key: {a: a for a in articles} for key, articles in articles_of_key.items()}
    for article_a, article_b in links.select("article_id_a", "article_id_b").iter_rows():
        for key in keys_of_article.get(article_a, set()) & keys_of_article.get(article_b, set()):
            parent = parents[key]
            root_a, root_b = _find(parent, article_a), _find(parent, article_b)
            if root_a != root_b:
                parent[max(root_a, root_b)] = min(root_a, root_b)  # the smallest article id is the root
    ids = {
        (key, article): hashlib.sha1(f"{key}\t{_find(parent, article)}".encode()).hexdigest()[:16]
        for key, parent in parents.items()
        for article in parent
    }
    return pl.DataFrame(
        {
            "claim_id": claims["claim_id"],
            "event_id": [ids[(k, a)] for k, a in zip(claims["event_key"], claims["article_id"], strict=True)],
        },
        schema=EVENT_SCHEMA,
    )


EVENT_CLASS_PROPERTIES = ("casualty", "counted", "tallied", "once", "light")


@cache
def _event_class_rows() -> tuple[tuple[str, tuple[bool, ...]], ...]:
    lines = lexicon_lines("event_classes.csv")
    header = tuple(lines[0].split(","))
    if header != ("event_class", *EVENT_CLASS_PROPERTIES):
        raise ValueError(f"event_classes.csv: unexpected header {lines[0]!r}")
    rows = []
    for line in lines[1:]:
        name, *flags = (field.strip() for field in line.split(","))
        if len(flags) != len(EVENT_CLASS_PROPERTIES) or not set(flags) <= {"true", "false"}:
            raise ValueError(f"event_classes.csv: bad line {line!r}")
        rows.append((name, tuple(flag == "true" for flag in flags)))
    return tuple(rows)


def event_classes() -> pl.DataFrame:
    """How claims about each event class are compared (`lexicons/event_classes.csv`): one row per class,
    `event_class` and one boolean column per property (casualty, counted, tallied, once)."""
    rows = _event_class_rows()
    data: dict[str, list] = {"event_class": [name for name, _ in rows]}
    for i, prop in enumerate(EVENT_CLASS_PROPERTIES):
        data[prop] = [flags[i] for _, flags in rows]
    return pl.DataFrame(data, schema={"event_class": pl.String} | {p: pl.Boolean for p in EVENT_CLASS_PROPERTIES})


def classes_with(prop: str) -> frozenset[str]:
    """The event classes that have property `prop` (`casualty`, `counted`, `tallied`, `once`)."""
    i = EVENT_CLASS_PROPERTIES.index(prop)
    return frozenset(name for name, flags in _event_class_rows() if flags[i])
