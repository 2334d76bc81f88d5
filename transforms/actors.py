"""Actor mentions and alias resolution.

Mentions come from the spaCy NER plus the dictionary ruler. Resolution, in order:
1. the dictionary: any alias of a curated actor maps to it;
2. within an article: a later short form (`M. Esper`, `Esper`) joins the full name it ends;
   an acronym in parentheses joins the name before it (`groupe Etat islamique (EI)`);
3. across articles: a transliteration-tolerant key (accents, `al-`/`Abou`, `ou`/`u`, vowels inside a
   name, doubled consonants, `h`) joins spellings of the same name; the final vowel of each name part
   must agree, so that `Marie` and `Mario` stay apart.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import polars as pl

from transforms.text_norm import fold_accents, fold_quotes, match_key

_LABELS = {"PER", "ORG", "LOC", "MISC"}
_DETERMINERS = re.compile(r"^(?:le|la|les|l['’]|du|des|de la|de l['’]|au|aux)\s*", re.IGNORECASE)
_TITLES = re.compile(
    r"^(?:M\.|Mme|MM\.|Mlle|Dr|Pr|Me|Mgr|général|colonel|président|ministre|premier ministre)\s+", re.IGNORECASE
)
_PARTICLES = {"al", "el", "ad", "ed", "ar", "as", "at", "az", "an", "ash", "ach"}
_NON_ACTORS = frozenset({"il", "elle", "ils", "elles", "on", "nous", "vous", "je", "lui", "monsieur", "madame"})
_TITLE_WORDS = frozenset(
    {
        "premier",
        "ministre",
        "président",
        "porte-parole",
        "secrétaire",
        "général",
        "commandant",
        "chef",
        "directeur",
        "ambassadeur",
        "gouvernement",
        "parlement",
    }
)
_VOWELS = set("aeiouy")
_DEMONYM = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ\-]+(?:iens|iennes|ains|aines|ais|aises|ois|oises|ites)$")


@dataclass(frozen=True)
class DictionaryActor:
    canonical_name: str
    actor_type: str
    category: str
    aliases: tuple[str, ...]


def parse_dictionary(text: str) -> list[DictionaryActor]:
    """Read the actor dictionary CSV (comment lines start with `#`)."""
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    actors = []
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        name = (row.get("canonical_name") or "").strip()
        if not name:
            continue
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        actors.append(
            DictionaryActor(
                name, (row.get("actor_type") or "MISC").strip().upper(), (row.get("category") or "").strip(), aliases
            )
        )
    return actors


def ruler_patterns(dictionary: list[DictionaryActor]) -> tuple[tuple[str, str, str], ...]:
    """(label, phrase, canonical) for the EntityRuler; short all-caps acronyms stay case-sensitive."""
    patterns = []
    for actor in dictionary:
        for phrase in (actor.canonical_name, *actor.aliases):
            if len(phrase) <= 3 and phrase.isupper():
                continue  # `EI`, `US`, `IS`: matched case-sensitively by the acronym rule instead
            patterns.append((actor.actor_type, phrase, actor.canonical_name))
    return tuple(patterns)


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold_accents(fold_quotes(name)).lower()).strip("-") or "actor"


def _token_key(token: str) -> str:
    """Consonant skeleton of one name part, with its first letter and final vowel kept."""
    token = token.replace("ph", "f").replace("ou", "u")
    if not token:
        return ""
    first, rest = token[0], token[1:]
    final = rest[-1] if rest and rest[-1] in _VOWELS else ""
    final = {"o": "u", "y": "i"}.get(final, final)
    skeleton = []
    for ch in rest:
        if ch in _VOWELS or ch == "h" or not ch.isalpha():
            continue
        ch = {"c": "k", "q": "k", "z": "s"}.get(ch, ch)
        if not skeleton or skeleton[-1] != ch:
            skeleton.append(ch)
    first = {"q": "k", "c": "k"}.get(first, first)
    return first + "".join(skeleton) + final


def translit_key(name: str) -> str:
    """Transliteration-tolerant key of a name: `Abou Mehdi al-Mouhandis` = `Abu Mahdi al-Muhandis`."""
    text = re.sub(r"[-'’.]", " ", match_key(name))
    tokens = [t for t in text.split() if t not in _PARTICLES]
    normalised = []
    for token in tokens:
        if token in ("abou", "abu", "abo"):
            token = "abu"
        for prefix in ("abdul", "abdel", "abdoul", "abdol", "abd"):
            if token.startswith(prefix):
                token = "abd" + token[len(prefix) :]
                break
        normalised.append(token)
    return " ".join(_token_key(t) for t in normalised if t)


def clean_surface(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim determiners and titles from a mention span (`le Pentagone` → `Pentagone`)."""
    for pattern in (_DETERMINERS, _TITLES):
        m = pattern.match(text[start:end])
        if m and m.end() < end - start:
            start += m.end()
    while end > start and text[end - 1] in " ,.;:'’\"»)":
        end -= 1
    return start, end


def is_actor_surface(surface: str, label: str) -> bool:
    """Drop pronouns, lone titles, lower-case fragments and numbers."""
    words = surface.split()
    if not surface or not surface[0].isupper() or surface.lower() in _NON_ACTORS:
        return False
    if any(ch.isdigit() for ch in surface) and not any(ch.isalpha() for ch in surface):
        return False
    if all(w.lower() in _TITLE_WORDS or w.lower() in ("de", "du", "la", "des", "irakien", "américain") for w in words):
        return False
    if len(words) == 1 and _DEMONYM.match(surface):
        return False  # `Irakiens`, `Américains`: the people of a place, not one actor
    if surface.endswith("-") or len(surface) < 2:
        return False
    return not (label == "MISC" and words and words[0].lower() in _TITLE_WORDS)


def resolve_actors(mentions: pl.DataFrame, dictionary: list[DictionaryActor]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Assign an `actor_id` to every mention and build the actors table.

    Args: one row per raw mention: `article_id`, `sentence_idx`, `char_start`, `char_end`, `surface`,
    `label`, `dict_canonical` (the ruler's canonical name, or null).
    Returns: (mentions with `actor_id`, one row per actor: `actor_id`, `canonical_name`, `actor_type`,
    `aliases`, `n_mentions`, `n_articles`, `category`).
    """
    by_alias: dict[str, DictionaryActor] = {}
    for actor in dictionary:
        for phrase in (actor.canonical_name, *actor.aliases):
            by_alias[match_key(phrase)] = actor
    rows = mentions.sort(["article_id", "char_start"]).to_dicts()

    # 1. dictionary, 2. within-article short forms
    cluster_of: list[str] = []
    type_of: dict[str, Counter[str]] = defaultdict(Counter)
    names_of: dict[str, Counter[str]] = defaultdict(Counter)
    for i, row in enumerate(rows):
        surface = row["surface"]
        known = by_alias.get(match_key(surface))
        if row.get("dict_canonical") and not known:
            known = by_alias.get(match_key(row["dict_canonical"]))
        if known:
            cluster_of.append("dict:" + known.canonical_name)
            continue
        key = translit_key(surface)
        cluster = "name:" + key
        if len(surface.split()) == 1 and row["label"] in ("PER", "MISC", "ORG", "LOC"):
            # a surname alone joins a full name of the same article that ends with it
            for j in range(len(rows)):
                other = rows[j]
                if other["article_id"] != row["article_id"] or j == i:
                    continue
                parts = other["surface"].split()
                if len(parts) > 1 and translit_key(parts[-1]) == key and other["label"] == "PER":
                    cluster = "name:" + translit_key(other["surface"])
                    row["label"] = "PER"
                    break
        cluster_of.append(cluster)
    for row, cluster in zip(rows, cluster_of, strict=True):
        type_of[cluster][row["label"]] += 1
        names_of[cluster][row["surface"]] += 1

    actors = []
    actor_id_of: dict[str, str] = {}
    dictionary_by_name = {a.canonical_name: a for a in dictionary}
    for cluster, names in names_of.items():
        if cluster.startswith("dict:"):
            entry = dictionary_by_name[cluster[5:]]
            canonical, actor_type, category = entry.canonical_name, entry.actor_type, entry.category
            aliases = sorted(set(names) | set(entry.aliases) | {entry.canonical_name})
        else:
            actor_type = type_of[cluster].most_common(1)[0][0]
            # the most frequent of the longest spellings
            longest = max(len(n.split()) for n in names)
            canonical = max((n for n in names if len(n.split()) == longest), key=lambda n: (names[n], n))
            category = ""
            aliases = sorted(names)
        actor_id_of[cluster] = slugify(canonical)
        actors.append(
            {
                "actor_id": slugify(canonical),
                "canonical_name": canonical,
                "actor_type": actor_type,
                "aliases": aliases,
                "category": category,
            }
        )
    resolved = [{**row, "actor_id": actor_id_of[cluster]} for row, cluster in zip(rows, cluster_of, strict=True)]
    mention_frame = (
        pl.DataFrame(resolved, schema={**MENTION_SCHEMA, "actor_id": pl.String})
        if resolved
        else pl.DataFrame(schema={**MENTION_SCHEMA, "actor_id": pl.String})
    )
    actor_frame = pl.DataFrame(actors, schema=ACTOR_BASE_SCHEMA) if actors else pl.DataFrame(schema=ACTOR_BASE_SCHEMA)
    # two clusters can slug to the same id (e.g. a dictionary name also seen as a plain name): merge them
    actor_frame = actor_frame.group_by("actor_id", maintain_order=True).agg(
        pl.col("canonical_name").first(),
        pl.col("actor_type").first(),
        pl.col("aliases").list.explode(keep_nulls=False, empty_as_null=False).unique().sort(),
        pl.col("category").first(),
    )
    counts = mention_frame.group_by("actor_id").agg(
        pl.len().cast(pl.Int32).alias("n_mentions"), pl.col("article_id").n_unique().cast(pl.Int32).alias("n_articles")
    )
    actor_frame = actor_frame.join(counts, on="actor_id", how="left").sort("actor_id")
    return mention_frame.drop("dict_canonical", strict=False), actor_frame


MENTION_SCHEMA = {
    "article_id": pl.String,
    "sentence_idx": pl.Int32,
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "surface": pl.String,
    "label": pl.String,
    "dict_canonical": pl.String,
}
ACTOR_BASE_SCHEMA = {
    "actor_id": pl.String,
    "canonical_name": pl.String,
    "actor_type": pl.String,
    "aliases": pl.List(pl.String),
    "category": pl.String,
}
