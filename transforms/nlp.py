"""The spaCy French pipeline, loaded lazily and once, with an EntityRuler fed by the actor dictionary."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import TypeVar

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from thinc.api import NumpyOps, get_current_ops, set_current_ops

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
    with numpy_matrix_products():
        nlp = spacy.load(model)
    index_lemmas_by_set(nlp)
    nlp.add_pipe("repair_verb_lemmas", after="lemmatizer")
    if patterns:
        ruler = nlp.add_pipe("entity_ruler", before="ner")
        ruler.add_patterns(
            [
                {"label": label, "pattern": token_pattern(nlp, phrase), "id": canonical}
                for label, phrase, canonical in patterns
            ]
        )
        ruler.matcher = DictionaryMatcher(nlp.vocab, ruler.token_patterns)
    return nlp


@contextmanager
def numpy_matrix_products() -> Iterator[None]:
    """Build the layers of a model loaded inside this block on thinc's numpy operations with BLIS turned off, so
    that their matrix products go to numpy's BLAS (OpenBLAS in numpy's wheels) instead of the BLIS kernels
    thinc ships. Three quarters of the model's time is the products of its maxout layers (the two CNN encoders:
    the shared `tok2vec` and the NER's own); on the reference machine (AMD EPYC, AVX-512) BLIS reaches 40
    GFLOP/s on their shapes and OpenBLAS 118 on one thread, and the six components take 7.9 s instead of 11.7
    on 300 OrangeSum bodies. Same annotations: POS, morphology, heads, labels, lemmas and entities identical on
    1,000 held-out bodies (360,298 tokens). The parser's own Cython products keep BLIS. The operations in use
    before are restored after the block (layers keep the ones they were built with)."""
    previous = get_current_ops()
    set_current_ops(NumpyOps(use_blis=False))
    try:
        yield
    finally:
        set_current_ops(previous)


class DictionaryMatcher:
    """The matches spaCy's `Matcher` gives for the patterns of `token_pattern`, found by hash lookups.

    The `Matcher` tries every pattern at every token: with the 427 patterns of the seeds' dictionary the
    entity ruler took a fifth of the parse. Here a `PhraseMatcher` on `LOWER` (and one on `ORTH` for short
    acronyms) finds the candidates, and a candidate is kept when one of the patterns that spell it holds
    (its capitalised words capitalised in the text): the same (match id, start, end) set, which the ruler
    then sorts and filters as before. Installed as the ruler's `matcher` once its patterns are added."""

    def __init__(self, vocab, token_patterns: dict[str, list[list[dict]]]) -> None:
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.orth = PhraseMatcher(vocab, attr="ORTH")
        # (match id, the words lower-cased) → for each pattern so spelt, which words must not be lower-case
        self.capitals: dict[tuple[int, tuple[str, ...]], list[tuple[bool, ...]]] = {}
        for label, patterns in token_patterns.items():
            key = vocab.strings.add(label)
            for pattern in patterns:
                if len(pattern) == 1 and set(pattern[0]) == {"ORTH"}:
                    self.orth.add(label, [Doc(vocab, words=[pattern[0]["ORTH"]])])
                    continue
                if not all(
                    set(token) <= {"LOWER", "IS_LOWER"} and token.get("IS_LOWER", False) is False for token in pattern
                ):
                    raise ValueError(f"not a dictionary pattern: {pattern}")
                words = tuple(token["LOWER"] for token in pattern)
                self.lower.add(label, [Doc(vocab, words=list(words))])
                self.capitals.setdefault((key, words), []).append(tuple("IS_LOWER" in token for token in pattern))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        found = list(self.orth(doc))
        for key, start, end in self.lower(doc):
            words = doc[start:end]
            spellings = self.capitals.get((key, tuple(t.lower_ for t in words)), ())
            if any(
                all(not (capital and t.is_lower) for capital, t in zip(spelling, words, strict=True))
                for spelling in spellings
            ):
                found.append((key, start, end))
        return found


def index_lemmas_by_set(nlp: Language) -> None:
    """Turn the rule lemmatizer's `lemma_index` tables (the known lemmas of each part of speech) from lists into
    sets. The French lemmatizer asks `form in index` for every word form it has not seen yet: a scan of up to
    66,191 lemmas (verbs) each time, 87 s for the first 1,000 OrangeSum bodies, as long as the neural
    networks. A set answers the same membership: 1,000 held-out bodies (442,476 tokens) got the same
    lemmas in 5.2 s."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key in list(table.keys()):
        table[key] = frozenset(table[key])


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


# Bodies longer than this are parsed in pieces cut at sentence starts and joined back into one `Doc`
# whose offsets are the whole body's: spaCy refuses texts over `nlp.max_length` (1,000,000 characters,
# E088), and its parser needs about 1 GB of working memory per 100,000 characters. Bodies up to this size
# are parsed whole, exactly as before pieces existed.
PIECE_CHARS = 100_000
# at most this many characters in one parser batch (past its first document)
BATCH_CHARS = 400_000
T = TypeVar("T")


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per `Doc`: spaCy rebuilds it from every token at each access, so reading it
    once per claim made extraction quadratic in the length of a document."""
    text = doc.user_data.get("recoupe_text")
    if text is None:
        text = doc.user_data["recoupe_text"] = doc.text
    return text


def piece_bounds(text: str, sentence_starts: Sequence[int], max_chars: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Cut `text` into consecutive pieces `[a, b)` of at most `max_chars` characters that cover it exactly.
    Cuts fall on sentence starts; a sentence longer than `max_chars` is cut after its last whitespace
    before the limit, or at the limit when it has none (a line of a million characters without a space)."""
    if len(text) <= max_chars:
        return [(0, len(text))]
    starts = sorted(s for s in set(sentence_starts) if 0 < s < len(text))
    bounds: list[tuple[int, int]] = []
    a = 0
    while len(text) - a > max_chars:
        limit = a + max_chars
        i = bisect.bisect_right(starts, limit) - 1
        cut = starts[i] if i >= 0 and starts[i] > a else None
        if cut is None:
            space = max(text.rfind(" ", a + 1, limit), text.rfind("\n", a + 1, limit))
            cut = space + 1 if space > a else limit
        bounds.append((a, cut))
        a = cut
    bounds.append((a, len(text)))
    return bounds


def parse_texts(
    nlp: Language,
    texts: Sequence[str],
    batch_size: int = 64,
    sentence_starts: Sequence[Sequence[int]] | None = None,
    max_chars: int = PIECE_CHARS,
) -> Iterator[Doc]:
    """Parse bodies in batches (a generator: keeps memory flat on large batches), one `Doc` per body.

    With `sentence_starts` (character offsets per text), the parser is held to those sentences, so
    that every tree lies inside one of the project's sentences. A body longer than `max_chars` is
    parsed piece by piece (`piece_bounds`) and its pieces joined: offsets stay the body's own."""

    def pieces() -> Iterator[tuple[Doc, tuple[int, bool]]]:
        for index, text in enumerate(texts):
            starts = sentence_starts[index] if sentence_starts is not None else ()
            bounds = piece_bounds(text, starts, max_chars)
            for number, (a, b) in enumerate(bounds):
                piece = text[a:b]
                if len(piece) > nlp.max_length:
                    raise ValueError(f"a piece of {len(piece)} characters exceeds nlp.max_length ({nlp.max_length})")
                doc = nlp.make_doc(piece)
                if sentence_starts is not None:
                    _hold_sentences(doc, [s - a for s in starts if a <= s < b])
                yield doc, (index, number == len(bounds) - 1)

    parsed: list[Doc] = []
    for group in _char_batches(pieces(), batch_size, max(max_chars, BATCH_CHARS)):
        for doc, (_, last) in nlp.pipe(group, batch_size=len(group), as_tuples=True):
            parsed.append(doc)
            if last:
                yield _joined(parsed)
                parsed = []


def _joined(pieces: list[Doc]) -> Doc:
    """One `Doc` of a body parsed in pieces; the pieces cover it exactly, so no whitespace is added."""
    return pieces[0] if len(pieces) == 1 else Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"])


def _char_batches(items: Iterable[tuple[Doc, T]], size: int, max_chars: int) -> Iterator[list[tuple[Doc, T]]]:
    """Batches of at most `size` docs and, past the first doc, at most `max_chars` characters: the parser's
    working memory grows with the characters of a batch, not with its number of documents."""
    batch: list[tuple[Doc, T]] = []
    chars = 0
    for item in items:
        n = len(item[0].text)
        if batch and (len(batch) >= size or chars + n > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += n
    if batch:
        yield batch


def _hold_sentences(doc: Doc, starts: Sequence[int]) -> None:
    """Mark the tokens that begin at `starts` (and the first) as sentence starts and every other token as
    inside a sentence, in one array write (token by token, spaCy rescans the doc at each assignment)."""
    wanted = set(starts)
    values = numpy.array([1 if token.i == 0 or token.idx in wanted else -1 for token in doc], dtype=numpy.int64).astype(
        numpy.uint64
    )
    if len(values):
        doc.from_array([SENT_START], values)
