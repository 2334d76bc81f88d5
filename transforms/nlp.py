"""The spaCy French pipeline, loaded lazily and once, with an EntityRuler fed by the actor dictionary."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# a finite verb whose lemma the model left inflected (`indique`, `estime`, `conteste`, `quitte`: forms that
# are also nouns or adjectives); the present endings of the first group, and the few `-ir` verbs conjugated
# like it (`ouvre`, `offre`, `souffre`, `accueille`)
INFINITIVE_ENDINGS = ("er", "ir", "re", "oir")
_PRESENT_ENDING = re.compile(r"^(?P<stem>.+?)(?:ent|es|e)$")
_IR_LIKE_ER = re.compile(r"(?:ouvr|offr|ouffr|ueill)(?:ent|es|e)$")


@Language.component("repair_verb_lemmas")
def repair_verb_lemmas(doc: Doc) -> Doc:
    """Give a finite verb left with an inflected lemma its infinitive (`La RATP indique que…` →
    `indiquer`, `Le ministre estime que…` → `estimer`), so that reporting verbs and event classes are
    found in the present tense too. `-oie`/`-aie`/`-uie` take `-yer` (`emploie` → `employer`); verbs
    whose stem changes (`achète`, `appelle`) are left as the model gave them."""
    for token in doc:
        if token.pos_ != "VERB" or set(token.morph.get("VerbForm")) & {"Part", "Inf", "Ger"}:
            continue  # (a finite verb, or one the tagger gave no form)
        if token.lemma_.lower().endswith(INFINITIVE_ENDINGS):
            continue
        form = token.lower_
        present = _PRESENT_ENDING.match(form)
        if (
            present is None
            or present.group("stem").endswith("é")  # a feminine participle (`tuée`)
            or any(c in present.group("stem")[-3:] for c in "èê")
            or present.group("stem").endswith(("ell", "ett"))  # `appelle`, `jette` (`appeler`, `jeter`)
        ):
            continue
        stem = present.group("stem")
        if _IR_LIKE_ER.search(form):
            token.lemma_ = stem + "ir"
        elif stem.endswith(("oi", "ai", "ui")):
            token.lemma_ = stem[:-1] + "yer"
        else:
            token.lemma_ = stem + "er"
    return doc


@cache
def load_pipeline(model: str, patterns: tuple[tuple[str, str, str], ...] = ()) -> Language:
    """Load `model` once per process. `patterns` are (label, phrase, canonical id) for known actors.

    The ruler runs before the statistical NER so that dictionary actors are always found and typed
    consistently; the model still finds everything else.
    """
    nlp = spacy.load(model)
    nlp.add_pipe("repair_verb_lemmas", after="lemmatizer")
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
