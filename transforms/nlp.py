"""The spaCy French pipeline, loaded lazily and once, with an EntityRuler fed by the actor dictionary."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc


@cache
def load_pipeline(model: str, patterns: tuple[tuple[str, str, str], ...] = ()) -> Language:
    """Load `model` once per process. `patterns` are (label, phrase, canonical id) for known actors.

    The ruler runs before the statistical NER so that dictionary actors are always found and typed
    consistently; the model still finds everything else.
    """
    nlp = spacy.load(model)
    if patterns:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(
            [{"label": label, "pattern": phrase, "id": canonical} for label, phrase, canonical in patterns]
        )
    return nlp


def parse_texts(nlp: Language, texts: Sequence[str], batch_size: int = 64) -> Iterable[Doc]:
    """Parse bodies in batches (a generator: keeps memory flat on large batches)."""
    return nlp.pipe(texts, batch_size=batch_size)
