"""What an article's resolution reads from the rest of the corpus, so that a run re-resolves only the articles
whose reading changed.

An article's speakers, dates and claim periods are a function of its own extracted rows and of a small part
of the corpus: the actor each of its mentions resolves to (and that actor's type and category), the genders
of its people when a speaker is `il` or `elle`, the organisations whose names begin with a speaker's
description (`la coalition internationale`), the functions other articles give its people when a speaker is
named by a function (`le Premier ministre`), and its publication interval (which articles linked to it narrow).
`context_keys` hashes exactly that: an article whose key is unchanged would be resolved to the same rows.

Publication intervals are narrowed across linked articles (`transforms.dating.narrow_across_documents`):
an article whose own evidence fixes its day is never narrowed; the others are narrowed by the articles they
are linked to, transitively. `narrowing_groups` parts them into groups that narrow independently, each
with a key that changes when its members or their links do.

`input_ranks` orders articles as a full run reads them: by their first input in the folder's order
(`discover_inputs`: path parts, then the record's line or item number), whatever the order runs saw them in.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePosixPath

import polars as pl

from transforms.speakers import role_head

_RECORD_NUMBER = re.compile(r"#(\d+)$")
GROUP_SCHEMA = {"article_id": pl.String, "narrowing_group": pl.String, "narrowing_key": pl.String}
KEY_SCHEMA = {"article_id": pl.String, "context_key": pl.String}


def input_position(container_uri: str, source_uri: str) -> tuple[tuple[str, ...], int]:
    """Where a full run reads an input: its file in the folder's order (path parts), then its record number
    within the file (`feed.jsonl#42` → 42; a file of one record: 0)."""
    number = _RECORD_NUMBER.search(source_uri)
    return PurePosixPath(container_uri).parts, int(number.group(1)) if number else 0


def input_ranks(inputs: pl.DataFrame) -> pl.DataFrame:
    """Args: input rows (`article_id`, `container_uri`, `source_uri`). Returns: one row per article:
    `article_id`, `input_rank` (0 for the article a full run reads first)."""
    rows = inputs.filter(pl.col("article_id").is_not_null()).select("article_id", "container_uri", "source_uri")
    if rows.is_empty():
        return pl.DataFrame(schema={"article_id": pl.String, "input_rank": pl.Int64})
    positions = [input_position(c or s, s) for c, s in zip(rows["container_uri"], rows["source_uri"], strict=True)]
    order = sorted(range(len(positions)), key=positions.__getitem__)
    rank = [0] * len(order)
    for position, index in enumerate(order):
        rank[index] = position
    return (
        rows.select("article_id")
        .with_columns(pl.Series("input_rank", rank, pl.Int64))
        .group_by("article_id")
        .agg(pl.col("input_rank").min())
        .sort("input_rank")
        .with_columns(pl.int_range(pl.len(), dtype=pl.Int64).alias("input_rank"))
    )


def _find(parent: dict[str, str], node: str) -> str:
    root = node
    while parent[root] != root:
        root = parent[root]
    while parent[node] != root:
        parent[node], node = root, parent[node]
    return root


def narrowing_groups(publications: pl.DataFrame, links: pl.DataFrame) -> pl.DataFrame:
    """Args: publications before narrowing (`article_id`, `published_on`), links (`article_id_a`, `article_id_b`).
    Returns: one row per article whose day its own evidence does not fix and that is linked to another:
    `narrowing_group` (the smallest article id of its group: the articles without a fixed day linked to it,
    transitively) and `narrowing_key` (a hash of the group's members and of every link touching them; an
    article of a fixed day never changes, so its links close the group). Two groups narrow independently."""
    open_days = set(publications.filter(pl.col("published_on").is_null())["article_id"].to_list())
    touching = links.select("article_id_a", "article_id_b").filter(
        pl.col("article_id_a").is_in(list(open_days)) | pl.col("article_id_b").is_in(list(open_days))
    )
    if touching.is_empty():
        return pl.DataFrame(schema=GROUP_SCHEMA)
    parent: dict[str, str] = {}
    edges = sorted(touching.iter_rows())
    for a, b in edges:
        for node in (a, b):
            if node in open_days:
                parent.setdefault(node, node)
        if a in open_days and b in open_days:
            root_a, root_b = _find(parent, a), _find(parent, b)
            if root_a != root_b:
                parent[max(root_a, root_b)] = min(root_a, root_b)
    members: dict[str, list[str]] = {}
    for node in sorted(parent):
        members.setdefault(_find(parent, node), []).append(node)
    group_edges: dict[str, list[tuple[str, str]]] = {}
    for a, b in edges:
        group_edges.setdefault(_find(parent, a if a in parent else b), []).append((a, b))
    rows = []
    for root, nodes in members.items():
        digest = hashlib.sha256("\n".join(nodes).encode())
        digest.update("\n".join(f"{a}\t{b}" for a, b in group_edges[root]).encode())
        key = digest.hexdigest()
        rows += [(node, root, key) for node in nodes]
    return pl.DataFrame(rows, schema=GROUP_SCHEMA, orient="row")


def _text(column: str) -> pl.Expr:
    return pl.col(column).cast(pl.String).fill_null("")


def context_keys(
    mentions: pl.DataFrame,
    actors: pl.DataFrame,
    genders: dict[str, str],
    cues: pl.DataFrame,
    prefixes: dict[str, set[str]],
    roles: pl.DataFrame,
    publications: pl.DataFrame,
) -> pl.DataFrame:
    """Args: resolved mentions (`article_id`, `char_start`, `char_end`, `actor_id`, `label`), actors (`actor_id`,
    `actor_type`, `category`), person genders, speaker cues (`transforms.speakers.speaker_cues`), organisation
    prefixes (`prefixes_of_organisations`), the corpus's functions in apposition (`actor_roles`: `actor_id`,
    `role`, `article_id`) and the publication intervals after narrowing (one row per article).
    Returns: one row per article of `publications`: `context_key`, a hash of everything its resolution reads
    besides its own extracted rows (see the module docstring)."""
    mentioned = mentions.select("article_id", "actor_id").unique()
    typed = mentioned.join(actors.select("actor_id", "actor_type", "category"), on="actor_id", how="left")
    people = typed.filter(pl.col("actor_type") == "PER").select("article_id", "actor_id")
    items = [
        mentions.select(
            "article_id",
            pl.concat_str(
                [pl.lit("m"), _text("char_start"), _text("char_end"), _text("actor_id"), _text("label")], separator="|"
            ).alias("item"),
        ),
        typed.select(
            "article_id",
            pl.concat_str(
                [pl.lit("a"), _text("actor_id"), _text("actor_type"), _text("category")], separator="|"
            ).alias("item"),
        ),
        publications.select(
            "article_id",
            pl.concat_str(
                [
                    pl.lit("p"),
                    _text("published_on"),
                    _text("published_earliest"),
                    _text("published_latest"),
                    _text("published_basis"),
                ],
                separator="|",
            ).alias("item"),
        ),
    ]
    if not cues.is_empty():
        with_pronoun = cues.filter(pl.col("pronoun")).select("article_id").unique()
        gender_frame = pl.DataFrame(
            {"actor_id": list(genders), "gender": list(genders.values())},
            schema={"actor_id": pl.String, "gender": pl.String},
        )
        items.append(
            people.join(with_pronoun, on="article_id")
            .join(gender_frame, on="actor_id", how="left")
            .select(
                "article_id",
                pl.concat_str([pl.lit("g"), _text("actor_id"), _text("gender")], separator="|").alias("item"),
            )
        )
        described = cues.filter(pl.col("organisation_prefix").is_not_null()).select("article_id", "organisation_prefix")
        if not described.is_empty():
            hits = pl.DataFrame(
                [
                    (prefix, ",".join(sorted(prefixes.get(prefix, ()))))
                    for prefix in described["organisation_prefix"].unique().to_list()
                ],
                schema={"organisation_prefix": pl.String, "hits": pl.String},
                orient="row",
            )
            items.append(
                described.unique()
                .join(hits, on="organisation_prefix")
                .select(
                    "article_id",
                    pl.concat_str([pl.lit("o"), _text("organisation_prefix"), _text("hits")], separator="|").alias(
                        "item"
                    ),
                )
            )
        heads = cues.filter(pl.col("function_head").is_not_null()).select("article_id", "function_head").unique()
        if not heads.is_empty() and not roles.is_empty():
            given = (
                roles.select("actor_id", "role", "article_id")
                .unique()
                .sort("article_id")
                .group_by("actor_id", "role")
                .agg(pl.col("article_id").head(2).str.join(",").alias("given_by"))
            )
            role_heads = pl.DataFrame(
                [(role, role_head(role)) for role in given["role"].unique().to_list()],
                schema={"role": pl.String, "function_head": pl.String},
                orient="row",
            )
            items.append(
                heads.join(people, on="article_id")
                .join(given.join(role_heads, on="role"), on=["actor_id", "function_head"])
                .select(
                    "article_id",
                    pl.concat_str(
                        [pl.lit("r"), _text("actor_id"), _text("role"), _text("given_by")], separator="|"
                    ).alias("item"),
                )
            )
    joined = (
        pl.concat(items)
        .join(publications.select("article_id"), on="article_id", how="semi")
        .group_by("article_id")
        .agg(pl.col("item").sort().str.join("\n"))
    )
    keys = [hashlib.sha256(text.encode()).hexdigest() for text in joined["item"].to_list()]
    return pl.DataFrame({"article_id": joined["article_id"], "context_key": keys}, schema=KEY_SCHEMA)
