import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.near_duplicates import NUM_PERM, minhash_signature, minhash_signatures, near_duplicates
from transforms.text_norm import content_key

WIRE = (
    "Le porte-parole du commandement des opérations conjointes a affirmé jeudi que les opérations "
    "avec la coalition internationale n'avaient pas repris depuis leur suspension au début du mois. "
    "Les responsables américains ont pourtant indiqué mercredi que certaines opérations avaient "
    "recommencé, selon plusieurs sources militaires citées par la presse. La coalition, qui compte "
    "plus de 5000 soldats dans le pays, avait gelé ses activités après la frappe de Bagdad."
)
OTHER = (
    "La grève des transports se poursuit en Île-de-France, où la RATP prévoit un trafic très perturbé "
    "sur la plupart des lignes de métro ce week-end, tandis que les négociations sur la réforme des "
    "retraites reprennent lundi au ministère du Travail avec les syndicats représentatifs."
)


def _agreement(a: list[int], b: list[int]) -> float:
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def test_a_lightly_edited_republication_keeps_most_of_its_signature():
    edited = WIRE.replace("jeudi", "ce jeudi").replace("plusieurs sources", "des sources") + " (AFP)"
    assert _agreement(minhash_signature(WIRE), minhash_signature(edited)) >= 0.6
    assert _agreement(minhash_signature(WIRE), minhash_signature(OTHER)) <= 0.1


def test_signature_ignores_case_quotes_and_line_wrapping():
    rewrapped = WIRE.replace(" que ", "\nque ").replace("'", "’").upper()
    assert minhash_signature(rewrapped) == minhash_signature(WIRE)


def test_near_duplicates_point_at_the_first_copy_only():
    edited = WIRE.replace("jeudi", "ce jeudi")
    frame = pl.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "minhash": [minhash_signature(WIRE), minhash_signature(OTHER), minhash_signature(edited)],
        }
    )
    assert near_duplicates(frame)["near_duplicate_of"].to_list() == [None, None, "a"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=300), min_size=1, max_size=6))
def test_batch_signatures_equal_one_at_a_time(texts):
    keys = [content_key(t) for t in texts]
    batch = minhash_signatures(keys, chunk=4, max_chars=120)
    assert batch == [minhash_signature(t) for t in texts]
    assert all(len(s) == NUM_PERM and all(0 <= v < 2**32 for v in s) for s in batch)


def _by_definition(ids: list[str], signatures: list[list[int] | None], threshold: float) -> list[str | None]:
    """The rule, spelled out pair by pair: an article points at the earliest earlier article that is not itself a
    near-duplicate, agrees with it on every bin of at least one LSH band, and on at least `threshold` of the
    bins."""
    from transforms.near_duplicates import _bands

    bands = _bands(max(0.2, threshold - 0.3))
    originals: list[int] = []
    result: list[str | None] = []
    for signature in signatures:
        found = None
        if signature is not None:
            for earlier in originals:
                other = signatures[earlier]
                if any(other[s:e] == signature[s:e] for s, e in bands) and (
                    sum(a == b for a, b in zip(other, signature, strict=True)) / NUM_PERM >= threshold
                ):
                    found = ids[earlier]
                    break
        result.append(found)
        if signature is not None and found is None:
            originals.append(len(result) - 1)
    return result


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(st.none(), st.lists(st.integers(0, 2), min_size=NUM_PERM, max_size=NUM_PERM)),
        max_size=25,
    ),
    st.sampled_from([0.3, 0.6, 0.9]),
)
def test_near_duplicates_follow_their_definition(signatures, threshold):
    """Signatures over three values, so that bands and bins collide often."""
    ids = [f"a{i}" for i in range(len(signatures))]
    frame = pl.DataFrame(
        {"article_id": ids, "minhash": signatures}, schema={"article_id": pl.String, "minhash": pl.List(pl.UInt64)}
    )
    found = near_duplicates(frame, threshold)
    assert found["article_id"].to_list() == ids
    assert found["near_duplicate_of"].to_list() == _by_definition(ids, signatures, threshold)
