"""The claims vocabulary and its loader (`transforms.claims.lexicon`, `transforms/lexicons/`)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from transforms.claims.lexicon import pairs, reporting_lexicon, reporting_verb_table, table, words

PACKAGE = Path(__file__).resolve().parents[4] / "transforms" / "claims"


def _named_lexicons() -> set[tuple[str, str]]:
    """(loader, name) of every lexicon the package's code names literally (`words("negators")`, …)."""
    found = set()
    for path in PACKAGE.glob("*.py"):
        found |= set(re.findall(r'\b(words|table|pairs)\("(\w+)"\)', path.read_text(encoding="utf-8")))
    return found


def test_every_lexicon_the_rules_name_exists_and_is_not_empty():
    # a misspelt name would raise only when its rule first runs, on some sentence of some run
    named = _named_lexicons()
    assert ("words", "negators") in named and ("pairs", "nominalisations") in named
    for loader, name in named:
        found = {"words": words, "table": table, "pairs": pairs}[loader](name)
        assert len(found) > 0, (loader, name)


def test_words_are_the_lines_that_are_not_comments():
    negators = words("negators")
    assert {"pas", "jamais", "personne", "aucune"} <= negators
    assert not any(w.startswith("#") or w != w.strip() for w in negators)


def test_a_table_is_keyed_by_its_header_and_pairs_need_two_columns():
    modal = {row["verb"]: row["modality"] for row in table("modal_verbs")}
    assert modal == pairs("modal_verbs") == {"pouvoir": "pouvoir", "devoir": "devoir", "savoir": "pouvoir"}
    with pytest.raises(ValueError, match="not 2"):
        pairs("reporting_verbs")  # four columns


def test_reporting_verbs_carry_their_stance_position_and_reflexive_use():
    verbs = reporting_verb_table()
    assert {v.stance for v in verbs.values()} == {"assert", "deny", "evaluate", "request"}
    assert {v.position for v in verbs.values()} == {"", "after", "clause"}
    assert {v.reflexive for v in verbs.values()} == {"", "only", "never"}
    # `"…", a-t-il poursuivi`; `il se défend d'avoir…`; `il assure que P`, not `il s'assure que`
    assert (verbs["poursuivre"].position, verbs["défendre"].reflexive, verbs["assurer"].reflexive) == (
        "after",
        "only",
        "never",
    )
    assert reporting_lexicon()["démentir"] == "deny"


def test_no_lexicon_is_read_at_import():
    code = (
        "import transforms.claims, transforms.extract\n"
        "from transforms.text_norm import lexicon_lines\n"
        "print(lexicon_lines.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"
