"""What other modules import from `transforms.claims` (extract, sourced_counts, the benches, other transforms)."""

import transforms.claims


def test_the_public_names_are_importable_from_the_package():
    for name in transforms.claims.__all__:
        assert getattr(transforms.claims, name) is not None, name
    # those the rest of the project imports today
    from transforms.claims import (  # noqa: F401
        CLAIM_SCHEMA,
        Claim,
        claim_id,
        claim_rows,
        extract_sentence_claims,
        is_near_future,
        is_reflexive,
        link_article_claims,
    )
