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
        ruler = nlp.add_pipe("entity_ruler", before="ner")
        ruler.add_patterns(
            [
                {"label": label, "pattern": token_pattern(nlp, phrase), "id": canonical}
                for label, phrase, canonical in patterns
            ]
        )
    return nlp


def token_pattern(nlp: Language, phrase: str) -> list[dict]:
    """Matcher pattern of a dictionary phrase: case-insensitive, except that a capitalised word of the
    phrase must be capitalised in the text (`Le Monde`, `Libération`, `Les Républicains` are names;
    `le monde`, `la libération`, `les républicains` are ordinary French). All-caps words also match
    their title-case spelling (`OTAN` / `Otan`); acronyms of up to three letters match exactly."""
    if len(phrase) <= 3 and phrase.isupper():
        return [{"ORTH": phrase}]  # `EI`, `US`, `AFP`: never the words `ei`, `us`, or a lower-case `afp`
    pattern = []
    for token in nlp.make_doc(phrase):
        if token.text[:1].isupper():
            pattern.append({"LOWER": token.lower_, "IS_LOWER": False})
        else:
            pattern.append({"LOWER": token.lower_})
    return pattern


def parse_texts(
    nlp: Language,
    texts: Sequence[str],
    batch_size: int = 64,
    sentence_starts: Sequence[Sequence[int]] | None = None,
) -> Iterable[Doc]:
    """Parse bodies in batches (a generator: keeps memory flat on large batches).

    With `sentence_starts` (character offsets per text), the parser is held to those sentences, so
    that every tree lies inside one of the project's sentences."""
    if sentence_starts is None:
        return nlp.pipe(texts, batch_size=batch_size)
    return nlp.pipe(
        (_with_sentences(nlp, text, starts) for text, starts in zip(texts, sentence_starts, strict=True)),
        batch_size=batch_size,
    )


def _with_sentences(nlp: Language, text: str, starts: Sequence[int]) -> Doc:
    doc = nlp.make_doc(text)
    wanted = set(starts)
    for token in doc:
        token.is_sent_start = token.i == 0 or token.idx in wanted
    return doc
