"""Near-duplicate dispatches: the same wire republished by several outlets with small edits.

MinHash signatures of word 5-shingles (datasketch), LSH to find candidates, then the estimated
Jaccard similarity decides. Each article in a group points at the earliest-ingested one.
"""

from __future__ import annotations

import re
import zlib
from functools import cache

import numpy as np
import polars as pl
from datasketch import MinHash, MinHashLSH

from transforms.text_norm import content_key

NUM_PERM = 64
THRESHOLD = 0.6
SCHEME = "affine32"  # fixed, with the hash below, so that signatures stored in the lake stay comparable
_WORD = re.compile(r"\w+")


@cache
def _template() -> MinHash:
    """Permutations are the costly part of a MinHash; every signature shares the same ones."""
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashfunc=zlib.crc32)


def minhash_signature(body: str, key: str | None = None) -> list[int]:
    """64 unsigned hash values summarising the 5-word shingles of the body (pass `key`, the body's
    `content_key`, when it is already computed)."""
    words = (key if key is not None else content_key(body)).split()
    shingles = {" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))}
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashfunc=zlib.crc32, permutations=_template().permutations)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return [int(v) for v in m.hashvalues]


def near_duplicates(articles: pl.DataFrame, threshold: float = THRESHOLD) -> pl.DataFrame:
    """Args: `article_id`, `minhash` (signature), in ingestion order.
    Returns: one row per article: `article_id`, `near_duplicate_of` (null for the first of a group)."""
    # candidates from a looser LSH (few misses near the threshold); the estimated Jaccard decides
    lsh = MinHashLSH(threshold=max(0.2, threshold - 0.3), num_perm=NUM_PERM)
    result = []
    signatures: dict[str, MinHash] = {}
    order: dict[str, int] = {}
    for article_id, signature in zip(articles["article_id"].to_list(), articles["minhash"].to_list(), strict=True):
        if signature is None:
            result.append((article_id, None))
            continue
        m = MinHash(num_perm=NUM_PERM, hashvalues=np.array(signature, dtype=np.uint64), scheme=SCHEME)
        candidates = [c for c in lsh.query(m) if signatures[c].jaccard(m) >= threshold]
        original = None
        if candidates:
            # point at the earliest-ingested member (it is never itself a near-duplicate)
            original = min(candidates, key=lambda c: order[c])
        result.append((article_id, original))
        if original is None:
            lsh.insert(article_id, m)
            signatures[article_id] = m
            order[article_id] = len(order)
    return pl.DataFrame(result, schema={"article_id": pl.String, "near_duplicate_of": pl.String}, orient="row")
