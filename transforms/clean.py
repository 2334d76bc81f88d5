"""Raw dispatch text → metadata, cleaned body and captions.

A dispatch as republished on the web carries, around the story: a header (` date 2020-01 (Belga)`,
an outlet and a section on lines of their own, a headline, a dateline `WASHINGTON –`), photo
captions with credits, a byline (`Mélanie Rostagnat avec AFP`), an agency credit `(Belga)`, and
after the story comment forms, widget notices and teaser headlines for unrelated stories. This
module separates them with rules on the form and position of each line and on the similarity of
trailing lines to the story; it never looks for particular sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

import polars as pl

from transforms.frames import string_list_column
from transforms.text_norm import alias_lexicon, fold_quotes, lexicon_lines, match_key

# --- line patterns ---------------------------------------------------------------------------------
_HEADER_DATE = re.compile(
    r"^\s*(?:date|publié le|mis à jour le|le)\s*:?\s*(\d{4}-\d{2}(?:-\d{2})?)\b\s*", re.IGNORECASE
)
_CREDIT = re.compile(r"\(\s*([^()]{2,40}?)\s*\)")
_DATELINE_LINE = re.compile(r"^([A-ZÀ-Ý][A-ZÀ-Ý'’ .\-]{2,40}?)\s*(?:\(([^)]{2,30})\))?\s*[–—-]\s*$")
_DATELINE_LEAD = re.compile(r"^([A-ZÀ-Ý]{3,}(?:[ \-'][A-ZÀ-Ý]{2,}){0,3})\s*(?:\(([^)]{2,30})\))?\s*[–—-]\s+(?=\S)")
# A photo credit: `- Daphné BENOIT / AFP` at the end of a line, or a `©` / `crédit photo` mark.
_CREDIT_TAIL = re.compile(
    r"\s[-–—]\s*(?:(?:photo|crédit|credit|illustration)\s*:?\s*)?"
    r"[A-ZÀ-Ý][\w'’.\-]*(?:\s+[A-ZÀ-Ý][\w'’.\-]*){0,4}\s*/\s*[A-Z][\w\-]{1,20}(?:\s*/\s*[\w\-]+)?\s*$",
    re.IGNORECASE,
)
_PHOTO_MARK = re.compile(r"©|\bcrédit photo\b|\bphoto d'illustration\b|\(photo\b|\bphoto\s*:", re.IGNORECASE)
_CREDIT_TAIL_CHARS = 200  # a credit is a few names and an agency: only the line's end is searched
_BYLINE = re.compile(
    r"^(?:par\s+)?[A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,3}"
    r"(?:\s*(?:,|et)\s*[A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,3})*"
    r"\s*(?:\(?\s*avec\s+(?P<agency>[\w\- ]{2,30}?)\s*\)?)?\s*$"
)
_BYLINE_PAR = re.compile(r"^par\s+[A-ZÀ-Ý]", re.IGNORECASE)
# Web furniture that is never part of a story (comment forms, widgets, prompts, share lines).
_BOILERPLATE = re.compile(
    r"^(?:laisser un commentaire|laissez un commentaire|ajouter un commentaire|commentaires?\s*(?:\(\d+\))?$"
    r"|votre adresse (?:e-?mail|de messagerie) ne sera pas publiée|les champs obligatoires sont indiqués"
    r"|giphy app key|please check settings|abonnez-vous|inscrivez-vous à (?:la|notre) newsletter"
    r"|recevez (?:notre|la) newsletter|newsletter\b|(?:à )?lire aussi\b|voir aussi\b|partager(?: sur|$)"
    r"|partagez\b|publicité$|tous droits réservés|accepter les cookies|ce site utilise des cookies"
    r"|nous utilisons des cookies|cliquez ici|suivez-nous|retrouvez-nous|s'abonner|se connecter"
    r"|vous devez être connecté|signaler un abus|réagir$|imprimer$|envoyer par e-?mail"
    r"|©\s|copyright\b)",
    re.IGNORECASE,
)
_COMMENT_FORM = re.compile(r"commentaire|adresse (?:e-?mail|de messagerie)|champs obligatoires", re.IGNORECASE)
# `domestique.Consternant`: scraped copy that lost the space between two sentences
# (one regex per mark, each starting with its mark as a literal: the engine then jumps from one
# occurrence of the mark to the next instead of testing every character)
# (and `une information".Le chef`: the mark after a closing quote or bracket, where a quote after the
# mark opens the next sentence)
_GLUED_SENTENCE = tuple(
    (
        mark,
        re.compile(
            re.escape(mark)
            + r"(?<=(?:[a-zà-ÿ]{2}|[a-zà-ÿ][\"»”)])"
            + re.escape(mark)
            + r")((?<=[a-zà-ÿ]{2}"
            + re.escape(mark)
            + r")[»\"”])?(?=[A-ZÀ-Ý][a-zà-ÿ])"
        ),
    )
    for mark in ".!?…"
)


# a line break lost between a lowercase word and the capitalised opening of the next line (a heading
# glued to its paragraph, `Peur des représaillesSelon Le Parisien`; `garder le silenceL'avocat des
# époux`): only before a word that opens French sentences (`lexicons/sentence_openers.txt`), not any
# capital (`HuffPost`, `YouTube`)
def _openers_pattern() -> str:
    forms = (
        re.escape(w[:-1]) + "['’]" if w.endswith("'") else re.escape(w) for w in lexicon_lines("sentence_openers.txt")
    )
    return "|".join(forms)  # (in the file's order, the commonest first: the regex tries them in turn)


def _opener_initials() -> str:
    """A character class of the openers' first letters: tested first, it fails at almost every position in one
    step, where the lookbehind and the alternation of 85 words were tried at each (6x faster, same matches)."""
    return "[" + "".join(sorted({re.escape(w[0]) for w in lexicon_lines("sentence_openers.txt")})) + "]"


_GLUED_LINE = re.compile(rf"(?={_opener_initials()})(?<=[a-zà-ÿ]{{3}})(?=(?:{_openers_pattern()})(?:\b|(?<=['’])))")
# a bullet glued to the previous item (`des fouilles.• Les parents`)
_GLUED_BULLET = re.compile(r"(?<=\S)[ \t]*(?=•)")
_SPACE_RUN = re.compile(" {2,}")
_SENTENCE_END = re.compile(r"[.!?…]\s*[\"»”’)]*\s*$")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_STOP = frozenset(
    [
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d",
        "l",
        "au",
        "aux",
        "et",
        "ou",
        "mais",
        "donc",
        "or",
        "ni",
        "car",
        "que",
        "qui",
        "quoi",
        "dont",
        "où",
        "ce",
        "cet",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "nous",
        "vous",
        "je",
        "tu",
        "se",
        "sur",
        "sous",
        "dans",
        "par",
        "pour",
        "avec",
        "sans",
        "en",
        "est",
        "sont",
        "été",
        "être",
        "avoir",
        "a",
        "ont",
        "plus",
        "moins",
        "très",
        "pas",
        "ne",
        "n",
        "y",
        "à",
        "après",
        "avant",
        "selon",
        "comme",
        "tout",
        "tous",
        "toute",
        "toutes",
        "fait",
        "faire",
        "dit",
        "entre",
        "aussi",
        "alors",
    ]
)


@dataclass
class CleanedDispatch:
    """One dispatch split into its parts. `removed` keeps every dropped line with the reason."""

    body: str
    title: str | None = None
    outlet: str | None = None
    section: str | None = None
    dateline: str | None = None
    byline: str | None = None
    agencies: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    date_hint: str | None = None


def _squeeze_blanks(text: str) -> str:
    """Tabs and non-breaking spaces to spaces, runs of spaces to one (C-level scans, no regex
    unless a run exists)."""
    if "\t" in text:
        text = text.replace("\t", " ")
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    return _SPACE_RUN.sub(" ", text) if "  " in text else text


def _unglue_sentences(text: str) -> str:
    """`domestique.Consternant` → `domestique. Consternant`, `information".Le` → `information". Le`;
    lost line breaks restored as paragraph breaks: `le silenceL'avocat` → `le silence`, a blank line,
    `L'avocat`; likewise before a glued bullet (`•`)."""
    for mark, glued in _GLUED_SENTENCE:
        if mark in text and glued.search(text):
            text = glued.sub(mark + r"\1 ", text)
    text = _GLUED_LINE.sub("\n\n", text)  # (a paragraph break: the body's paragraphs are blank-line separated)
    return _GLUED_BULLET.sub("\n\n", text) if "•" in text else text


def _ends_sentence(line: str) -> bool:
    """The line ends with sentence punctuation, possibly followed by closing quotes or brackets."""
    return bool(_SENTENCE_END.search(line[-24:]))


def _has_photo_credit(line: str) -> bool:
    tail = line[-_CREDIT_TAIL_CHARS:]
    if "/" in tail and _CREDIT_TAIL.search(tail):
        return True
    return ("©" in line or "hoto" in line or "HOTO" in line) and bool(_PHOTO_MARK.search(line))


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(match_key(text)) if len(w) > 3 and w not in _STOP}


def _agency(name: str) -> str | None:
    """Canonical agency for a credit text such as `AFP`, `Belga`, `AFP/Reuters` (first known one)."""
    table = alias_lexicon("agencies.txt")
    for part in re.split(r"\s*[/,&]\s*|\s+et\s+", name.strip()):
        canonical = table.get(match_key(part))
        if canonical:
            return canonical
    return None


def _agencies_in(name: str) -> list[str]:
    table = alias_lexicon("agencies.txt")
    found = [table.get(match_key(part)) for part in re.split(r"\s*[/,&]\s*|\s+et\s+", name.strip())]
    return [name for name in found if name]


@cache
def _outlet_keys() -> frozenset[str]:
    return frozenset(match_key(o) for o in lexicon_lines("outlets.txt"))


def _is_outlet(line: str) -> bool:
    if len(line) > 60:
        return False  # outlet names are short; story lines are not
    if match_key(line) in _outlet_keys():
        return True
    # A brand on a line of its own: one or two tokens with several capitals or digits (`BFMTV`, `LCI`).
    tokens = line.split()
    return 1 <= len(tokens) <= 2 and sum(ch.isupper() for ch in line) >= 3 and not line.isdigit()


def _word_count(line: str, limit: int) -> int:
    """Words in a line, counted exactly only up to `limit` (long lines of story text are common)."""
    return len(_words(line[: limit * 20])) if len(line) < limit * 20 else limit + 1


def _is_prose(line: str) -> bool:
    """A line of running text: a sentence, not a label, headline or name."""
    n = _word_count(line, 25)
    return (n >= 8 and _ends_sentence(line)) or n >= 25


def _is_headline(line: str) -> bool:
    n = _word_count(line, 30)
    return 3 <= n <= 30 and not _ends_sentence(line.rstrip(' "»”')) and not line.endswith(":")


def unwrap_hard_wrapped(text: str) -> str:
    """Join lines of hard-wrapped paragraphs before anything else looks at the lines.

    In a block of at least three consecutive lines of similar width (a wrap column between 40 and 100
    characters), a line that reaches near the wrap column and does not end a sentence continues on the
    next line. Short label lines (`BFMTV`, `Irak`) and one-paragraph-per-line text are left alone."""
    raw_lines = text.split("\n")
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        lengths = [len(line.rstrip()) for line in block]
        width = max(lengths, default=0)
        if len(block) >= 3 and 40 <= width <= 100 and sum(n >= 0.6 * width for n in lengths) >= 0.6 * len(block):
            merged = block[0].rstrip()
            for previous_len, line in zip(lengths, block[1:], strict=False):
                if previous_len >= 0.6 * width and not _ends_sentence(merged) and not merged.endswith(":"):
                    merged = f"{merged} {line.strip()}"
                else:
                    out.append(merged)
                    merged = line.rstrip()
            out.append(merged)
        else:
            out.extend(block)
        block.clear()

    for line in raw_lines:
        if line.strip():
            block.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def _strip_credit_prefix(line: str, parts: CleanedDispatch) -> str:
    """`(Belga) Les autorités…` or a leading `PARIS (AFP) -` dateline: record and remove them."""
    match = _CREDIT.match(line)
    if match and _agency(match.group(1)):
        parts.agencies.extend(_agencies_in(match.group(1)))
        parts.removed.append(f"credit: {match.group(0)}")
        line = line[match.end() :].lstrip()
    match = _DATELINE_LEAD.match(line)
    if match and (match.group(2) is None or _agency(match.group(2))):
        parts.dateline = parts.dateline or match.group(1).strip()
        if match.group(2):
            parts.agencies.extend(_agencies_in(match.group(2)))
        parts.removed.append(f"dateline: {match.group(0).strip()}")
        line = line[match.end() :]
    return line


_CREDIT_SUFFIX = re.compile(r"\s*\(\s*([^()]{2,40}?)\s*\)\s*$")


def _strip_credit_suffix(line: str, parts: CleanedDispatch) -> str:
    """A trailing `(Belga)` / `(AFP)` agency credit at the end of the story."""
    if not line.rstrip().endswith(")"):
        return line
    match = _CREDIT_SUFFIX.search(line)
    if match and _agency(match.group(1)):
        parts.agencies.extend(_agencies_in(match.group(1)))
        parts.removed.append(f"credit: {match.group(0).strip()}")
        return line[: match.start()].rstrip()
    return line


def _captions(lines: list[str]) -> set[int]:
    """Indexes of caption lines: lines with a photo credit, and the same caption repeated without it."""
    credited = {i for i, line in enumerate(lines) if line and _has_photo_credit(line) and not _is_prose_paragraph(line)}
    captions = set(credited)
    if not credited:
        return captions
    credited_keys = [match_key(lines[j]) for j in credited]
    for i, line in enumerate(lines):
        if i in credited or not line or len(line) > 400:
            continue
        key = match_key(line)
        if len(key) >= 20 and any(other.startswith(key) for other in credited_keys):
            captions.add(i)
    return captions


def _is_prose_paragraph(line: str) -> bool:
    """Several sentences: a caption is one or two short lines, never a paragraph of the story."""
    return _word_count(line, 60) > 60


def _related(line: str, story_words: set[str]) -> float:
    words = _content_words(line)
    if not words:
        return 0.0
    return len(words & story_words) / len(words)


def clean_dispatch(text: str) -> CleanedDispatch:
    """Split one decoded dispatch into body and metadata (see the module docstring)."""
    parts = CleanedDispatch(body="")
    text = unwrap_hard_wrapped(text)
    indented = [len(raw) - len(raw.lstrip(" \t")) >= 2 for raw in text.split("\n")]
    lines = [line.strip() for line in _squeeze_blanks(text).split("\n")]

    # --- header: a leading ` date 2020-01 (Belga)` prefix on the first non-empty line -------------
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None:
        return parts
    match = _HEADER_DATE.match(lines[first])
    if match:
        parts.date_hint = match.group(1)
        parts.removed.append(f"header: {match.group(0).strip()}")
        lines[first] = lines[first][match.end() :]
    lines[first] = _strip_credit_prefix(lines[first], parts)

    # --- captions anywhere: credited lines and their uncredited repeats --------------------------
    caption_idx = _captions(lines)
    for i in sorted(caption_idx):
        parts.captions.append(lines[i])
        parts.removed.append(f"caption: {lines[i]}")
        lines[i] = ""
    # A repeated caption is stored once: the credited copy contains the plain one.
    parts.captions = [
        c for c in parts.captions if not any(o != c and match_key(o).startswith(match_key(c)) for o in parts.captions)
    ]

    # --- footer: web furniture, and everything after a comment form ------------------------------
    kept = [(i, line) for i, line in enumerate(lines) if line]
    n = len(kept)
    cut = n
    for k, (_, line) in enumerate(kept):
        if k >= n // 3 and _BOILERPLATE.match(line) and _COMMENT_FORM.search(line):
            cut = k
            break
    tail = kept[cut:]
    kept = kept[:cut]
    kept_boiler = []
    for i, line in kept:
        if _BOILERPLATE.match(line):
            parts.removed.append(f"boilerplate: {line}")
        else:
            kept_boiler.append((i, line))
    kept = kept_boiler
    for _, line in tail:
        reason = "boilerplate" if _BOILERPLATE.match(line) else "after comment form"
        parts.removed.append(f"{reason}: {line}")

    # --- preamble: outlet, section, stray tokens, headline, dateline before the first prose line --
    body_start = next((k for k, (_, line) in enumerate(kept) if _is_prose(line)), len(kept))
    preamble, story = kept[:body_start], kept[body_start:]
    unlabelled: list[tuple[int, str]] = []
    for i, line in preamble:
        words = _words(line)
        dateline = _DATELINE_LINE.match(line)
        if dateline and len(words) <= 4:
            parts.dateline = parts.dateline or dateline.group(1).strip()
            if dateline.group(2):
                parts.agencies.extend(_agencies_in(dateline.group(2)))
            parts.removed.append(f"dateline: {line}")
        elif parts.outlet is None and parts.title is None and _is_outlet(line):
            parts.outlet = line
            parts.removed.append(f"outlet: {line}")
        elif len(words) <= 3 and line[:1].isupper() and parts.title is None and parts.section is None:
            parts.section = line
            parts.removed.append(f"section: {line}")
        elif len(words) <= 2 and not line[:1].isupper():
            parts.removed.append(f"stray: {line}")
        elif parts.title is None and _is_headline(line):
            parts.title = line
            parts.removed.append(f"title: {line}")
        elif _BYLINE_PAR.match(line) and len(words) <= 8:
            parts.byline = parts.byline or line
            parts.removed.append(f"byline: {line}")
        else:
            unlabelled.append((i, line))
    story = unlabelled + story

    # --- trailing lines: byline, agency credit, unrelated teasers --------------------------------
    while story:
        i, line = story[-1]
        n_words = _word_count(line, 30)
        byline = _BYLINE.match(fold_quotes(line)) if len(line) < 200 else None  # bylines are short
        if byline and n_words <= 10 and (byline.group("agency") or _BYLINE_PAR.match(line)):
            agency = byline.group("agency")
            if agency and _agency(agency):
                parts.agencies.extend(_agencies_in(agency))
            parts.byline = line
            parts.removed.append(f"byline: {line}")
            story.pop()
            continue
        if i >= 0 and len(story) > 1 and _is_headline(line) and not _is_prose(line):
            rest = _content_words(" ".join(text for _, text in story[:-1]))
            if _related(line, rest) < 0.34 and (indented[i] or n_words <= 20):
                parts.removed.append(f"teaser: {line}")
                story.pop()
                continue
        break
    if story:
        story[-1] = (story[-1][0], _strip_credit_suffix(story[-1][1], parts))
    parts.body = _unglue_sentences("\n\n".join(line for _, line in story if line))
    parts.agencies = list(dict.fromkeys(parts.agencies))
    return parts


def clean_articles(raw: pl.DataFrame) -> pl.DataFrame:
    """Clean decoded dispatches.

    Args: one row per decoded input with `doc_key` and `text`.
    Returns: one row per input with `doc_key`, `body`, `title`, `outlet`, `section`, `dateline`,
    `byline`, `agencies`, `captions`, `removed`, `date_hint`.
    """
    columns: dict[str, list] = {name: [] for name in CLEAN_SCHEMA}
    for doc_key, text in zip(raw["doc_key"].to_list(), raw["text"].to_list(), strict=True):
        parts = clean_dispatch(text)
        columns["doc_key"].append(doc_key)
        for name in _PART_COLUMNS:
            columns[name].append(getattr(parts, name))
    return pl.DataFrame(
        [
            string_list_column(name, values) if CLEAN_SCHEMA[name] == pl.List(pl.String) else pl.Series(name, values)
            for name, values in columns.items()
        ],
        schema=CLEAN_SCHEMA,
    )


CLEAN_SCHEMA = {
    "doc_key": pl.String,
    "body": pl.String,
    "title": pl.String,
    "outlet": pl.String,
    "section": pl.String,
    "dateline": pl.String,
    "byline": pl.String,
    "agencies": pl.List(pl.String),
    "captions": pl.List(pl.String),
    "removed": pl.List(pl.String),
    "date_hint": pl.String,
}
_PART_COLUMNS = tuple(name for name in CLEAN_SCHEMA if name != "doc_key")
