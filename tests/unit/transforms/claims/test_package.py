"""What other modules import from `transforms.claims` (extract, sourced_counts, the benches, other transforms)."""

import re
from pathlib import Path

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


# the package's layers, as its docstring gives them: a module imports only from those before it
LAYERS = [
    "model",
    "lexicon",
    "syntax",
    "negation",
    "hedging",
    "aspect",
    "participants",
    "event_key",
    "quantities",
    "clauses",
    "reporting",
    "attribution",
    "describe",
    "sentence",
    "linking",
]


def test_every_module_imports_only_from_the_layers_before_it():
    package = Path(transforms.claims.__file__).parent
    assert sorted(LAYERS) == sorted(p.stem for p in package.glob("*.py") if p.stem != "__init__")
    for layer in LAYERS:
        source = (package / f"{layer}.py").read_text(encoding="utf-8")
        for imported in re.findall(r"from transforms\.claims\.(\w+) import", source):
            assert LAYERS.index(imported) < LAYERS.index(layer), f"{layer} imports {imported}"
