"""Near-duplicate dispatches: the same wire republished by several outlets with small edits.

Signatures summarise the set of word 5-shingles of a body's `content_key` by one-permutation MinHash
(Li, Owen & Zhang 2012) with rotation densification (Shrivastava & Li 2014): each shingle's 32-bit
hash falls in one of 64 bins by its top 6 bits, and a bin keeps its smallest remainder; an empty bin
borrows from the next non-empty bin to its right. Two signatures agree on a bin with probability
close to the Jaccard similarity of the two shingle sets, as 64 classical MinHash permutations would,
at the cost of one hash per shingle instead of 64. Everything is computed in NumPy over a batch of
bodies at once (no Python object per word or shingle). LSH bands (datasketch's choice of bands) find
candidates; the estimated Jaccard similarity decides. Each article in a group points at the earliest-ingested one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
import polars as pl
from datasketch import MinHashLSH

from transforms.text_norm import content_key

NUM_PERM = 64  # bins of the one-permutation MinHash (the name datasketch gives the signature length)
THRESHOLD = 0.6
# Fixed, with the hashing below, so that signatures stored in the lake stay comparable (a change to
# this module changes the extraction fingerprint, and the lake is rebuilt with new signatures).
SCHEME = "affine32"
SHINGLE = 5
_BIN_BITS = 6  # 2**6 == NUM_PERM bins
_VALUE_BITS = 32 - _BIN_BITS
_EMPTY = np.uint64(1 << _VALUE_BITS)  # above any remainder
_SPACE, _NEWLINE = 32, 10
_U64 = np.uint64


@cache
def _constants() -> tuple[int, int, np.ndarray]:
    """The byte-polynomial base and its inverse modulo 2⁶⁴, and the odd shingle weights, from a
    fixed seed of NumPy's frozen legacy generator (stable across NumPy versions)."""
    rng = np.random.RandomState(1)
    base = int(rng.randint(0, 2**62, dtype=np.uint64)) * 2 + 1
    weights = rng.randint(0, 2**62, size=SHINGLE, dtype=np.uint64) * _U64(2) + _U64(1)
    return base, pow(base, -1, 2**64), weights


def _mix(values: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: every input bit affects every output bit (in place, wrapping)."""
    values ^= values >> _U64(30)
    values *= _U64(0xBF58476D1CE4E5B9)
    values ^= values >> _U64(27)
    values *= _U64(0x94D049BB133111EB)
    values ^= values >> _U64(31)
    return values


_POWER_TABLES: dict[int, np.ndarray] = {}


def _powers(base: int, n: int) -> np.ndarray:
    """base⁰ … baseⁿ⁻¹ modulo 2⁶⁴ (a table kept between calls, grown by doubling)."""
    table = _POWER_TABLES.get(base)
    if table is None or table.size < n:
        size = max(n, 2 * table.size if table is not None else 1 << 16)
        table = np.full(size, base, dtype=np.uint64)
        table[0] = 1
        table = np.cumprod(table, dtype=np.uint64)
        _POWER_TABLES[base] = table
    return table[:n]


def _word_hashes(keys: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """64-bit hashes of the space-separated words of each key (`content_key`s: single spaces, no
    newline) and the number of words of each key. A word's hash is the polynomial of its bytes,
    computed for all words at once from prefix sums, then mixed."""
    data = np.frombuffer("\n".join(keys).encode("utf-8"), dtype=np.uint8)
    n_keys = len(keys)
    if data.size == 0:
        return np.zeros(0, dtype=np.uint64), np.zeros(n_keys, dtype=np.int64)
    separator = (data == _SPACE) | (data == _NEWLINE)
    inside = ~separator
    edges = np.diff(np.concatenate(([False], inside, [False])).astype(np.int8))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    key_of_word = np.cumsum(data == _NEWLINE)[starts]
    base, inverse, _ = _constants()
    prefix = np.zeros(data.size + 1, dtype=np.uint64)
    np.cumsum((data.astype(np.uint64) + _U64(1)) * _powers(base, data.size), out=prefix[1:])
    # Σ (byte+1)·base^(j-start) over the word: the prefix difference, shifted back to position 0
    hashes = (prefix[ends] - prefix[starts]) * _powers(inverse, data.size)[starts]
    hashes += (ends - starts).astype(np.uint64)  # the length, so that no word hashes like a shorter one
    return _mix(hashes), np.bincount(key_of_word, minlength=n_keys)


def _shingle_hashes(keys: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """32-bit hashes of the word 5-shingles of each key, concatenated, and the number of shingles of
    each key. A key of fewer than 5 words is one shingle of all its words (an empty key: one shingle
    of nothing). A shingle's hash is the mixed weighted sum of its words' hashes; each key's words are
    laid out with 4 zero hashes after them, so that a shingle never reaches into the next key."""
    word_hashes, n_words = _word_hashes(keys)
    slots = np.maximum(n_words, 1) + (SHINGLE - 1)
    slot_start = np.concatenate(([0], np.cumsum(slots)[:-1]))
    padded = np.zeros(int(slots.sum()), dtype=np.uint64)
    word_start = np.concatenate(([0], np.cumsum(n_words)[:-1]))
    key_of_word = np.repeat(np.arange(len(keys)), n_words)
    padded[slot_start[key_of_word] + np.arange(word_hashes.size) - word_start[key_of_word]] = word_hashes
    _, _, weights = _constants()
    n = padded.size - SHINGLE + 1
    mixed = np.zeros(n, dtype=np.uint64)
    for offset, weight in enumerate(weights):
        mixed += padded[offset : offset + n] * weight
    _mix(mixed)
    n_shingles = np.maximum(n_words - (SHINGLE - 1), 1)
    first = np.concatenate(([0], np.cumsum(n_shingles)[:-1]))
    index = np.repeat(slot_start - first, n_shingles) + np.arange(int(n_shingles.sum()))
    return mixed[index] >> _U64(32), n_shingles


def _chunks(keys: Sequence[str], max_keys: int, max_chars: int) -> list[Sequence[str]]:
    """Consecutive runs of at most `max_keys` keys and about `max_chars` characters (a longer key is a
    run of its own), so that the NumPy arrays of one run stay small whatever the bodies' sizes."""
    runs: list[Sequence[str]] = []
    first, chars = 0, 0
    for i, key in enumerate(keys):
        if i > first and (i - first >= max_keys or chars + len(key) > max_chars):
            runs.append(keys[first:i])
            first, chars = i, 0
        chars += len(key)
    if first < len(keys):
        runs.append(keys[first:])
    return runs


def minhash_signatures(keys: Sequence[str], chunk: int = 200, max_chars: int = 1_000_000) -> list[list[int]]:
    """One signature per `content_key`: NUM_PERM unsigned 32-bit values (see the module docstring).
    Keys are processed in runs of at most `chunk` keys and about `max_chars` characters (each
    character costs ~40 bytes of temporary arrays)."""
    signatures: list[list[int]] = []
    for part in _chunks(keys, chunk, max_chars):
        hashes, n_shingles = _shingle_hashes(part)
        bins = (hashes >> _U64(_VALUE_BITS)).astype(np.int64)
        slot = np.repeat(np.arange(len(part)) * NUM_PERM, n_shingles) + bins
        table = np.full(len(part) * NUM_PERM, _EMPTY, dtype=np.uint64)
        np.minimum.at(table, slot, hashes & (_EMPTY - _U64(1)))
        table = table.reshape(len(part), NUM_PERM)
        signature = table.copy()
        missing = table == _EMPTY
        for distance in range(1, NUM_PERM):
            if not missing.any():
                break
            neighbour = np.roll(table, -distance, axis=1)
            take = missing & (neighbour != _EMPTY)
            signature[take] = neighbour[take] + _U64(distance << _VALUE_BITS)
            missing &= ~take
        signatures += signature.tolist()
    return signatures


def minhash_signature(body: str, key: str | None = None) -> list[int]:
    """The signature of one body (pass `key`, the body's `content_key`, when it is already computed)."""
    return minhash_signatures([key if key is not None else content_key(body)])[0]


@cache
def _bands(threshold: float) -> tuple[tuple[int, int], ...]:
    """The (start, end) bins of each LSH band: datasketch's choice of bands for this threshold (it minimises the
    expected false positives and negatives for 64 bins)."""
    return tuple(MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges)


def near_duplicates(articles: pl.DataFrame, threshold: float = THRESHOLD) -> pl.DataFrame:
    """Args: `article_id`, `minhash` (signature), in ingestion order.
    Returns: one row per article: `article_id`, `near_duplicate_of` (null for the first of a group).

    Candidates come from a looser LSH (few misses near the threshold): articles that agree on every bin of at
    least one band; the estimated Jaccard similarity (the share of equal bins) decides. An article points at
    the earliest-ingested candidate that is not itself a near-duplicate. Bands are compared as whole arrays
    (each band's distinct values numbered once), so a corpus costs a few array sorts, not an index object per
    article."""
    ids = articles["article_id"].to_list()
    signatures = articles["minhash"].to_list()
    present = [i for i, signature in enumerate(signatures) if signature is not None]
    originals: list[str | None] = [None] * len(ids)
    if present:
        matrix = np.array([signatures[i] for i in present], dtype=np.uint64)
        bands = _bands(max(0.2, threshold - 0.3))
        keys = np.column_stack(
            [np.unique(matrix[:, start:end], axis=0, return_inverse=True)[1].reshape(-1) for start, end in bands]
        )
        buckets: list[dict[int, list[int]]] = [{} for _ in bands]  # band value -> rows of originals, in order
        for row, index in enumerate(present):
            found = {c for band, key in enumerate(keys[row].tolist()) for c in buckets[band].get(key, ())}
            if found:
                rows = np.array(sorted(found))
                similar = rows[np.count_nonzero(matrix[rows] == matrix[row], axis=1) / float(NUM_PERM) >= threshold]
                if similar.size:
                    originals[index] = ids[present[int(similar[0])]]
                    continue
            for band, key in enumerate(keys[row].tolist()):
                buckets[band].setdefault(key, []).append(row)
    return pl.DataFrame(
        {"article_id": ids, "near_duplicate_of": originals},
        schema={"article_id": pl.String, "near_duplicate_of": pl.String},
    )
