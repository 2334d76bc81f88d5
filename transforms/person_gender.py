"""The gender of the people a corpus names, so that a pronoun stands only for someone it can: `elle`
is not Patrick Cohen, `il` is not Nathalie Goulet.

Evidence, strongest first:
1. what the articles say of the person: a civil title before the name (`M.`, `Mme`, counted twice), a
   function or participle given in apposition, by its determiner (`la ministre`, `le porte-parole`) or
   its ending (`actrice`, `député`, `née`, `mis en examen` tells nothing); a noun whose gender is only
   grammatical (`la victime`, `le témoin`) is no evidence (`lexicons/person_nouns_gender.csv`);
2. the first name (`lexicons/first_names_*.txt`; names given to both sexes are in neither list);
3. the gender the corpus gives the other people with that first name (a name the lists miss).
A person stays unknown — a pronoun of either gender may stand for them — when the evidence is absent or
split.
"""

from __future__ import annotations

import re
from functools import cache

import polars as pl

from transforms.text_norm import fold_accents, lexicon_lines

FEMININE, MASCULINE = "f", "m"

_TITLE_BEFORE = re.compile(
    r"(?:\b(?P<m>M\.|MM\.|Monsieur|monsieur)|\b(?P<f>Mmes?|Madame|madame|Mlle|Mademoiselle)\.?)\s*$"
)
_DETERMINER_BEFORE = re.compile(r"\b(?:(?P<f>la|cette|une|sa)|(?P<m>le|ce|cet|un))\s+$", re.IGNORECASE)
_FEMININE_ENDINGS = ("trice", "euse", "enne", "ière", "esse", "ée", "ante", "ente")
_MASCULINE_ENDINGS = ("teur", "eur", "ien", "ier", "ant", "ent", "é")
_WORD = re.compile(r"[^\W\d_][\w\-’']*")


@cache
def _noun_genders() -> dict[str, str]:
    """`lexicons/person_nouns_gender.csv`: noun → `f`, `m` or `-` (grammatical gender only)."""
    lines = lexicon_lines("person_nouns_gender.csv")
    if lines[0] != "noun,gender":
        raise ValueError(f"person_nouns_gender.csv: unexpected header {lines[0]!r}")
    table = {}
    for line in lines[1:]:
        noun, _, gender = line.partition(",")
        if gender not in (FEMININE, MASCULINE, "-"):
            raise ValueError(f"person_nouns_gender.csv: bad line {line!r}")
        table[noun] = gender
    return table


@cache
def _first_names() -> dict[str, str]:
    """Folded first name → gender, from the two first-name lexicons."""
    table = {fold_accents(name.lower()): FEMININE for name in lexicon_lines("first_names_feminine.txt")}
    table |= {fold_accents(name.lower()): MASCULINE for name in lexicon_lines("first_names_masculine.txt")}
    return table


@cache
def _people_nouns() -> frozenset[str]:
    return frozenset(lexicon_lines("human_nouns.txt"))


def word_gender(word: str) -> str | None:
    """The gender a noun, adjective or participle for a person tells (`actrice` → f, `député` → m,
    `victime` → `-`: grammatical only), else None (`ministre`, `journaliste`: either)."""
    word = word.lower().removeprefix("ex-")
    listed = _noun_genders().get(word)
    if listed is not None:
        return listed
    if word.endswith(_FEMININE_ENDINGS):
        return FEMININE
    if word.endswith(_MASCULINE_ENDINGS) and not word.endswith("té"):  # `société`, `personnalité`
        return MASCULINE
    return None


def role_gender(role: str, before: str) -> str | None:
    """The gender a function given in apposition tells of its holder: its determiner when the function
    is a noun for people (`la ministre`, `le porte-parole`), else its first word's ending (`actrice`,
    `ancienne ministre`, `mis en examen` → None). `before` is the text just before the role."""
    words = _WORD.findall(role)
    if not words:
        return None
    first = words[0].lower().removeprefix("ex-")
    own = word_gender(first)
    if own == "-":
        return None
    determiner = _DETERMINER_BEFORE.search(before)
    if determiner and (own or first in _people_nouns()):
        return FEMININE if determiner.group("f") else MASCULINE
    return own


def first_name(canonical_name: str) -> str | None:
    """The first word of a person's name, folded (`Jean-Luc Mélenchon` → `jean-luc`)."""
    words = canonical_name.split()
    return fold_accents(words[0].lower()) if words and words[0][:1].isupper() else None


def _name_gender(name: str | None, table: dict[str, str]) -> str | None:
    """A first name's gender; a compound name not listed takes its first part's (`Alain-Fabien`)."""
    if name is None:
        return None
    return table.get(name) or (table.get(name.split("-")[0]) if "-" in name else None)


TITLE_VOTE_SCHEMA = {"article_id": pl.String, "char_start": pl.Int32, "char_end": pl.Int32, "gender": pl.String}
ROLE_VOTE_SCHEMA = {"article_id": pl.String, "char_start": pl.Int32, "role": pl.String, "gender": pl.String}


def title_gender(before: str) -> str | None:
    """The gender a civil title right before a name tells (`M.` → m, `Mme` → f), from the text before the
    name (`before`: its last 14 characters suffice), else None."""
    title = _TITLE_BEFORE.search(before[-14:])
    if not title:
        return None
    return FEMININE if title.group("f") else MASCULINE


def title_votes(mentions: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """Args: mentions (`article_id`, `char_start`, `char_end`), articles (`article_id`, `body`).
    Returns: one row per mention with a civil title before it: `article_id`, `char_start`, `char_end`, `gender`."""
    bodies = dict(zip(articles["article_id"].to_list(), articles["body"].to_list(), strict=True))
    rows = []
    for article_id, start, end in mentions.select("article_id", "char_start", "char_end").iter_rows():
        gender = title_gender(bodies.get(article_id, "")[max(0, start - 14) : start])
        if gender is not None:
            rows.append((article_id, start, end, gender))
    return pl.DataFrame(rows, schema=TITLE_VOTE_SCHEMA, orient="row")


def role_votes(roles: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """Args: functions given in apposition (`article_id`, `role`, `char_start`), articles (`article_id`, `body`).
    Returns: one row per function that tells its holder's gender: `article_id`, `char_start`, `role`, `gender`, in the
    order the functions first appear in `roles` (the lake part written from them is the same from run to run)."""
    bodies = dict(zip(articles["article_id"].to_list(), articles["body"].to_list(), strict=True))
    rows = []
    functions = roles.select("article_id", "role", "char_start").unique(maintain_order=True)
    for article_id, role, start in functions.iter_rows():
        gender = role_gender(role, bodies.get(article_id, "")[max(0, start - 8) : start])
        if gender is not None:
            rows.append((article_id, start, role, gender))
    return pl.DataFrame(rows, schema=ROLE_VOTE_SCHEMA, orient="row")


def genders_from_votes(votes: pl.DataFrame, actors: pl.DataFrame) -> dict[str, str]:
    """Args: votes (`actor_id`, `gender`, `weight`: a title counts 2, a function 1), actors (`actor_id`,
    `canonical_name`, `actor_type`). Returns: person actor id → `f` or `m`, for the people whose gender the
    votes or their first name tell (see the module docstring)."""
    people = {
        a: name
        for a, name, kind in zip(actors["actor_id"], actors["canonical_name"], actors["actor_type"], strict=True)
        if kind == "PER"
    }
    totals = (
        votes.filter(pl.col("actor_id").is_in(list(people)))
        .group_by("actor_id")
        .agg(
            pl.col("weight").filter(pl.col("gender") == FEMININE).sum().alias("f"),
            pl.col("weight").filter(pl.col("gender") == MASCULINE).sum().alias("m"),
        )
    )
    genders = {
        actor_id: FEMININE if f > m else MASCULINE for actor_id, f, m in totals.iter_rows() if (f or 0) != (m or 0)
    }
    listed = _first_names()
    # a first name the lists miss takes the gender of its other bearers, when they all agree
    bearers: dict[str, set[str]] = {}
    for actor_id, gender in genders.items():
        name = first_name(people[actor_id])
        if name is not None and len(people[actor_id].split()) > 1 and _name_gender(name, listed) is None:
            bearers.setdefault(name, set()).add(gender)
    learned = {name: next(iter(found)) for name, found in bearers.items() if len(found) == 1}
    for actor_id, name in people.items():
        if actor_id not in genders:
            gender = _name_gender(first_name(name), listed) or _name_gender(first_name(name), learned)
            if gender is not None:
                genders[actor_id] = gender
    return genders


VOTE_SCHEMA = {"actor_id": pl.String, "gender": pl.String, "weight": pl.Int64}


def person_genders(
    mentions: pl.DataFrame, actors: pl.DataFrame, articles: pl.DataFrame, roles: pl.DataFrame | None = None
) -> dict[str, str]:
    """Args: resolved mentions (`article_id`, `actor_id`, `char_start`), actors (`actor_id`,
    `canonical_name`, `actor_type`), articles (`article_id`, `body`), and the functions given in
    apposition (`actor_roles`: `actor_id`, `role`, `article_id`, `char_start`). Returns: person actor
    id → `f` or `m`, for the people whose gender the corpus or their first name tells."""
    with_ends = (
        mentions if "char_end" in mentions.columns else mentions.with_columns(pl.col("char_start").alias("char_end"))
    )
    titled = title_votes(with_ends, articles).join(
        with_ends.select("article_id", "char_start", "char_end", "actor_id"),
        on=["article_id", "char_start", "char_end"],
    )
    votes = [titled.select("actor_id", "gender", pl.lit(2, pl.Int64).alias("weight"))]
    if roles is not None and not roles.is_empty():
        told = role_votes(roles, articles).join(
            roles.select("article_id", "char_start", "role", "actor_id"), on=["article_id", "char_start", "role"]
        )
        votes.append(told.select("actor_id", "gender", pl.lit(1, pl.Int64).alias("weight")))
    return genders_from_votes(pl.concat(votes).cast(VOTE_SCHEMA), actors)
