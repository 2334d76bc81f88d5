"""Actor mentions and alias resolution.

Mentions come from the spaCy NER plus the dictionary ruler. Resolution, in order:
1. the dictionary: any alias of a curated actor maps to it;
2. within an article: an acronym in parentheses joins the name before it (`groupe Etat islamique (EI)`);
   a surname alone (`M. Esper`, `Esper`) joins the one full person name of its story that ends with it
   (the article, else the articles linked to it as one story), never when two people of that scope bear
   it (`Marine Le Pen` and `Jean-Marie Le Pen`: see `_join_short_forms`);
3. across articles: a transliteration-tolerant key (accents, `al-`/`Abou`, `ou`/`u`, vowels inside a
   name, doubled consonants, `h`) joins spellings of the same name; the final vowel of each name part
   must agree, so that `Marie` and `Mario` stay apart.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations

import polars as pl
from rapidfuzz.distance import Levenshtein

from transforms.links import link_articles
from transforms.text_norm import fold_accents, fold_quotes, match_key

_SURNAME_PARTICLES = frozenset({"Le", "La", "De", "Du", "Des", "Van", "Von", "Di", "Da", "Del"})
_SURNAME_PARTICLE = re.compile(r"^(?:Le|La)\s+[A-ZÀ-Ý][\w\-]+$")
# `le clan Le Pen`, `les Kennedy`, `les époux Balkany`: a family, not one person
_FAMILY_BEFORE = re.compile(r"\b(?:clan|famille|frères|sœurs|soeurs|époux|couple|les)\s+$", re.IGNORECASE)
# (a word determiner is followed by a space: `Laurent`, `Dupont`, `Audrey`, `Les Républicains` keep their letters)
_DETERMINERS = re.compile(r"^(?:(?:le|la|les|du|des|de la|au|aux)\s+|(?:de\s+)?l['’]\s*)", re.IGNORECASE)
_TITLES = re.compile(
    r"^(?:M\.|Mme|MM\.|Mlle|Dr|Pr|Me|Mgr|général|colonel|président|ministre|premier ministre)\s+", re.IGNORECASE
)
# before a person's name only (`le sénateur Bernie Sanders`, `la juge Dupont`, `Dr. Fauci`, `Monsieur Macron` in a
# quotation; `Madame Figaro` is a magazine); regnal and religious names (`le pape François`, `le roi Salmane`)
# are no surnames and keep their title
_PERSON_TITLES = re.compile(
    r"^(?:Monsieur|Madame|Mademoiselle|Mr\.?|Mmes|Mlles|Dr\.|Pr\.|Mgr\.|présidente|sénat(?:eur|rice)|député|députée|maire|juge"
    r"|procureure?|commandant|capitaine|lieutenant|amiral|sergent|secrétaire d['’]État)\s+(?=(?-i:[A-ZÀ-Ý]))",
    re.IGNORECASE,
)
_TRAILING_SMALL = re.compile(r"(?:\s+(?:de|du|des|d['’]|et|à|au|aux|en|l['’]))+$", re.IGNORECASE)
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
    """(label, phrase, canonical) for the EntityRuler (short all-caps acronyms match case-sensitively:
    see `transforms.nlp.token_pattern`)."""
    patterns = []
    for actor in dictionary:
        for phrase in (actor.canonical_name, *actor.aliases):
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


def clean_surface(text: str, start: int, end: int, label: str | None = None) -> tuple[int, int]:
    """Trim determiners and titles from a mention span (`le Pentagone` → `Pentagone`); a person's
    capitalised `Le`/`La` before one name is part of the surname (`Le Pen`, `Le Drian`)."""
    for pattern in (_DETERMINERS, _TITLES, _PERSON_TITLES):
        m = pattern.match(text[start:end])
        if pattern is _DETERMINERS and label == "PER" and _SURNAME_PARTICLE.match(text[start:end]):
            continue
        if pattern is _PERSON_TITLES and label != "PER":
            continue
        if m and m.end() < end - start:
            start += m.end()
    while end > start and text[end - 1] in " ,.;:'’\"»)":
        end -= 1
    trailing = _TRAILING_SMALL.search(text, start, end)
    if trailing and trailing.start() > start:
        end = trailing.start()  # `XIXe arrondissement de` (the NER stopped before `Paris`)
    return start, end


def is_family_reference(text: str, start: int) -> bool:
    """`le clan Le Pen`, `les Kennedy`, `les époux Balkany`: the name stands for a family."""
    return bool(_FAMILY_BEFORE.search(text[max(0, start - 20) : start]))


def is_actor_surface(surface: str, label: str, known: bool = False) -> bool:
    """Drop pronouns, lone titles, lower-case fragments and numbers. A phrase of the actor dictionary
    may start in lower case (`ministère américain de la Défense`, `coalition antidjihadiste`)."""
    words = surface.split()
    if not surface or not (surface[0].isupper() or (known and len(words) > 1)) or surface.lower() in _NON_ACTORS:
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
    `label`, `dict_canonical` (the ruler's canonical name, or null), `alias_of` (the name an acronym stands for).
    Returns: (mentions with `actor_id`, one row per actor: `actor_id`, `canonical_name`, `actor_type`,
    `aliases`, `n_mentions`, `n_articles`, `category`).

    Mentions are read in text order (article, offsets); where counts tie, the spelling or type met first wins.
    The corpus-wide steps work on columns, so that memory holds the mentions' columns, not one object each.
    """
    by_alias: dict[str, DictionaryActor] = {}
    for actor in dictionary:
        for phrase in (actor.canonical_name, *actor.aliases):
            by_alias[match_key(phrase)] = actor
    for optional in ("dict_canonical", "alias_of"):
        if optional not in mentions.columns:
            mentions = mentions.with_columns(pl.lit(None, pl.String).alias(optional))
    ordered = mentions.sort(["article_id", "char_start", "char_end"], maintain_order=True).with_row_index("row")

    # 1. dictionary, acronyms and names within each article; 2. a surname alone joins its story's bearer
    clusters, short = _article_clusters(ordered, by_alias)
    ordered = ordered.with_columns(pl.Series("cluster", clusters, pl.String), pl.Series("short", short, pl.Boolean))
    ordered = _join_short_forms(ordered)
    # 3. spellings of one person's name one letter apart
    merged = typo_merges(*_cluster_stats(ordered))
    if merged:
        ordered = ordered.with_columns(pl.col("cluster").replace(merged))
    names_of, type_of, _ = _cluster_stats(ordered, with_articles=False)

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
            # the most frequent of the longest spellings (its short forms, `Sarkozy`, count for it)
            longest = max(len(n.split()) for n in names)

            def support(name: str, names: Counter[str] = names) -> tuple[int, str]:
                # its own count and those of the spellings it ends with after a space (`Sarkozy` for
                # `Nicolas Sarkozy`): looked up suffix by suffix, not by scanning every spelling
                ends = (name[i + 1 :] for i, char in enumerate(name) if char == " ")
                return names[name] + sum(names.get(end, 0) for end in ends), name

            canonical = max((n for n in names if len(n.split()) == longest), key=support)
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
    mention_frame = ordered.with_columns(
        pl.col("cluster").replace_strict(actor_id_of, return_dtype=pl.String).alias("actor_id")
    ).select(
        *[c for c in MENTION_SCHEMA if c in mentions.columns],
        "actor_id",
        *[c for c in mentions.columns if c not in MENTION_SCHEMA],
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
    return mention_frame.drop("dict_canonical", "alias_of", strict=False), actor_frame


def _article_clusters(ordered: pl.DataFrame, by_alias: dict[str, DictionaryActor]) -> tuple[list[str], list[bool]]:
    """The cluster of each mention from its article alone (the dictionary, an acronym defined or used again, the
    transliteration key of a name), and whether it may be a surname alone. One pass in text order; only the
    current article's names are held."""
    key = functools.cache(match_key)  # a surface's keys, computed once per call
    translit = functools.cache(translit_key)

    clusters: list[str] = []
    short: list[bool] = []
    local: dict[str, str] = {}  # key of a surface → cluster, within the current article (acronyms)
    current = None
    for article_id, surface, label, dict_canonical, alias_of in ordered.select(
        "article_id", "surface", "label", "dict_canonical", "alias_of"
    ).iter_rows():
        if article_id != current:
            current, local = article_id, {}
        if alias_of and key(alias_of) in local:
            local[key(surface)] = local[key(alias_of)]
            clusters.append(local[key(alias_of)])
            short.append(False)
            continue
        if key(surface) in local and surface.isupper():
            clusters.append(local[key(surface)])  # the acronym used again
            short.append(False)
            continue
        known = by_alias.get(key(surface))
        if dict_canonical and not known:
            known = by_alias.get(key(dict_canonical))
        if not known and (label == "ORG" or " " not in surface):
            # `du Monde`, `au Point`: a title's article is dropped after `de`/`à`
            known = next((by_alias[k] for k in _with_articles(surface) if k in by_alias), None)
        if known:
            clusters.append("dict:" + known.canonical_name)
            local[key(surface)] = clusters[-1]
            short.append(False)
            continue
        clusters.append("name:" + translit(surface))
        short.append(_is_short_form(surface))
        local[key(surface)] = clusters[-1]
    return clusters, short


def _cluster_stats(
    ordered: pl.DataFrame, with_articles: bool = True
) -> tuple[dict[str, Counter[str]], dict[str, Counter[str]], dict[str, set[str]]]:
    """Per cluster, in the order clusters are first met: its spellings and its NER labels with their counts
    (each in the order first met), and (for `typo_merges`) the articles of the person clusters."""
    names_of: dict[str, Counter[str]] = {}
    type_of: dict[str, Counter[str]] = {}
    first = ordered.group_by("cluster").agg(pl.col("row").min().alias("first")).sort("first")
    for cluster in first["cluster"].to_list():
        names_of[cluster], type_of[cluster] = Counter(), Counter()
    for target, column in ((names_of, "surface"), (type_of, "label")):
        counted = (
            ordered.group_by("cluster", column)
            .agg(pl.len().alias("n"), pl.col("row").min().alias("first"))
            .sort("first")
        )
        for cluster, value, n in counted.select("cluster", column, "n").iter_rows():
            target[cluster][value] = n
    articles_of: dict[str, set[str]] = {}
    if with_articles:
        people = [c for c in names_of if c.startswith("name:") and type_of[c].most_common(1)[0][0] == "PER"]
        pairs = ordered.filter(pl.col("cluster").is_in(people)).select("cluster", "article_id").unique()
        for cluster, article_id in pairs.iter_rows():
            articles_of.setdefault(cluster, set()).add(article_id)
    return names_of, type_of, articles_of


def _is_short_form(surface: str) -> bool:
    """A surname alone: one word (`Esper`, also `M. Esper` or `le président Trump` once the title is trimmed by
    `clean_surface`) or a particle and a word (`Le Pen`)."""
    words = surface.split()
    return len(words) == 1 or (len(words) == 2 and words[0] in _SURNAME_PARTICLES)


def _join_short_forms(ordered: pl.DataFrame) -> pl.DataFrame:
    """A surname alone is the person of its story who bears it, when only one does.

    The bearers of a surname are the full person names that end with it (`Mark Esper`, `le chef du Pentagone
    Mark Esper` for `Esper`). The scope is the article when it names a bearer (a journalist gives the full
    name before the surname alone), else the articles linked to it as one story (`transforms.links`, on the
    clusters found before any surname joins: the same links whatever the order of the articles), and then only
    for a surname the NER itself read as a person (`Washington` the capital does not join `Denzel Washington`
    of another article). Two bearers in the scope (`Marine Le Pen` and `Jean-Marie Le Pen`, two Kennedy) leave
    the surname alone. Args: mentions in text order with `row`, `cluster`, `short`. Returns them with the
    joined surnames' `cluster` and `label` (`PER`) changed."""
    shorts = ordered.filter(pl.col("short")).select("row", "article_id", "surface", "label")
    if shorts.is_empty():
        return ordered
    key = functools.cache(translit_key)  # a surface's key, computed once per call

    bearer_rows = []
    for article_id, surface, cluster in (
        ordered.filter((pl.col("label") == "PER") & ~pl.col("short"))
        .select("article_id", "surface", "cluster")
        .iter_rows()
    ):
        parts = surface.split()
        for n in (1, 2):
            if len(parts) > n:
                bearer_rows.append((article_id, key(" ".join(parts[-n:])), cluster))
    bearer_schema = {"article_id": pl.String, "key": pl.String, "bearer": pl.String}
    bearers = pl.DataFrame(bearer_rows, schema=bearer_schema, orient="row").unique()
    shorts = shorts.with_columns(pl.Series("key", [key(s) for s in shorts["surface"].to_list()], pl.String))
    found = shorts.join(bearers, on=["article_id", "key"]).select("row", "bearer")
    # a surname its own article names no bearer of, read as a person by the NER: the bearers of its story
    wanting = shorts.filter(pl.col("label") == "PER").join(found, on="row", how="anti")
    if not wanting.is_empty():
        links = link_articles(ordered.select("article_id", pl.col("cluster").alias("actor_id")))
        neighbours = pl.concat(
            [
                links.select(pl.col("article_id_a").alias("article_id"), pl.col("article_id_b").alias("other")),
                links.select(pl.col("article_id_b").alias("article_id"), pl.col("article_id_a").alias("other")),
            ]
        )
        found = pl.concat(
            [
                found,
                wanting.join(neighbours, on="article_id")
                .join(bearers.rename({"article_id": "other"}), on=["other", "key"])
                .select("row", "bearer"),
            ]
        )
    joined = found.unique().group_by("row").agg(pl.col("bearer").first(), pl.len().alias("n")).filter(pl.col("n") == 1)
    return (
        ordered.join(joined.select("row", "bearer"), on="row", how="left")
        .with_columns(
            pl.coalesce("bearer", "cluster").alias("cluster"),
            pl.when(pl.col("bearer").is_not_null()).then(pl.lit("PER")).otherwise(pl.col("label")).alias("label"),
        )
        .drop("bearer")
        .sort("row")
    )


MENTION_SCHEMA = {
    "article_id": pl.String,
    "sentence_idx": pl.Int32,
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "surface": pl.String,
    "label": pl.String,
    "dict_canonical": pl.String,
    "alias_of": pl.String,
}
ACTOR_BASE_SCHEMA = {
    "actor_id": pl.String,
    "canonical_name": pl.String,
    "actor_type": pl.String,
    "aliases": pl.List(pl.String),
    "category": pl.String,
}


_NAME_TAIL = re.compile(r"\.\s+([A-ZÀ-Ý][\w'’\-]+)(\s+(?:III|II|IV|VI|V|Jr\.?|Sr\.?))?")
_SUFFIX = re.compile(r"\s+(?:(?:III|II|IV|VI|V)\b|Jr\.?|Sr\.?)")
_ACRONYM = re.compile(r"\s*\(\s*([A-ZÀ-Ý][A-ZÀ-Ý0-9\-]{1,9})\s*\)")
_SMALL_WORDS = frozenset(
    ["de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "à", "au", "aux", "pour"]
    + ["un", "une", "sur", "par", "dans"]
)


def extend_name(text: str, start: int, end: int) -> int:
    """`William H` + `. Seely III` → `William H. Seely III`: a name cut at a middle initial, or
    followed by a generational suffix, is extended. Returns the new end."""
    surface = text[start:end]
    if re.search(r"(?:^|\s)[A-ZÀ-Ý]$", surface):
        match = _NAME_TAIL.match(text, end)
        if match:
            end = match.end()
    match = _SUFFIX.match(text, end)
    return match.end() if match else end


def typo_merges(
    names_of: dict[str, Counter[str]], type_of: dict[str, Counter[str]], articles: dict[str, set[str]]
) -> dict[str, str]:
    """`Nicolas Sarozy` → `Nicolas Sarkozy`: a person's name misspelt by one letter.

    Two person clusters join when their longest names have the same number of words, the same first
    name, and surnames of at least six letters one edit apart, and when the evidence says typo rather
    than namesake: both spellings in one article, or one spelling ten times rarer than the other.
    Different first names never join (`Carole Ghosn` / `Carlos Ghosn`). `articles`: the articles of each
    person cluster."""
    blocks: dict[tuple[str, int, str], list[tuple[str, str]]] = defaultdict(list)
    for cluster, names in names_of.items():
        if not cluster.startswith("name:") or type_of[cluster].most_common(1)[0][0] != "PER":
            continue
        words = match_key(max(names, key=lambda n: (len(n.split()), names[n]))).split()
        if len(words) >= 2 and len(words[-1]) >= 6:
            blocks[(words[0], len(words), words[-1][0])].append((cluster, words[-1]))
    merged: dict[str, str] = {}
    for members in blocks.values():
        for (a, surname_a), (b, surname_b) in combinations(members, 2):
            if Levenshtein.distance(surname_a, surname_b) != 1:
                continue
            total_a, total_b = sum(names_of[a].values()), sum(names_of[b].values())
            rare, common = (a, b) if total_a < total_b else (b, a)
            ratio = max(total_a, total_b) / min(total_a, total_b)
            if articles.get(a, set()) & articles.get(b, set()) or ratio >= 10:
                merged[rare] = merged.get(common, common)
    return merged


def _with_articles(surface: str) -> list[str]:
    key = match_key(surface)
    return [f"le {key}", f"la {key}", f"les {key}", f"l'{key}"]


def acronym_after(text: str, end: int, surface: str) -> tuple[int, int, str] | None:
    """`Forces démocratiques syriennes (FDS)`: the acronym defined right after a name, when its
    letters are the initials of the name's words (small words may be skipped)."""
    match = _ACRONYM.match(text, end)
    if not match:
        return None
    if is_acronym_of(match.group(1), surface):
        return match.start(1), match.start(1) + len(match.group(1)), match.group(1)
    return None


def is_acronym_of(acronym: str, name: str) -> bool:
    """`FDS` / `Forces démocratiques syriennes`: the letters are the initials of the name's words,
    with or without its small words."""
    words = [w for w in re.split(r"[\s'’\-]+", fold_accents(name)) if w]
    if len(words) < 2:
        return False
    initials = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in _SMALL_WORDS).upper()
    return fold_accents(acronym.replace("-", "")).upper() in (initials, content)


def expansion_pairs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`l'UMP (Union pour un mouvement populaire)`: (acronym index, expansion index) for an acronym
    mention followed by its expansion in parentheses (the converse of `acronym_after`)."""
    pairs = []
    for i in range(len(spans) - 1):
        (a_start, a_end), (e_start, e_end) = spans[i], spans[i + 1]
        acronym = text[a_start:a_end]
        between = text[a_end:e_start]
        in_parentheses = re.fullmatch(r"\s*\(\s*", between) and text[e_end : e_end + 2].strip()[:1] == ")"
        if acronym.isupper() and in_parentheses and is_acronym_of(acronym, text[e_start:e_end]):
            pairs.append((i, i + 1))
    return pairs


def apposition_roles(doc, person_spans: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Roles given by apposition to a person: `Mark Esper, secrétaire américain à la Défense`,
    `le porte-parole du ministère, Johnathan Hoffman`, `le porte-parole de la coalition Myles Caggins`.
    Returns (person start, role start, role end) character offsets."""
    roles = []
    for start, end in person_spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        role = None
        appos = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if appos:
            role = (appos[0].left_edge.i, appos[0].right_edge.i)
        elif (
            root.dep_ in ("appos", "nmod", "flat:name")
            and root.head.pos_ == "NOUN"
            and root.head.i < root.i
            # (`la compagne de François Hollande`, `l'avocat de X`: the person is the noun's complement, not
            # the holder of the function)
            and not any(c.dep_ == "case" for c in root.children)
        ):
            head = root.head
            role = (head.left_edge.i, min(head.right_edge.i, span.start - 1))
        if role is None or role[1] < role[0]:
            continue
        tokens = [t for t in doc[role[0] : role[1] + 1] if not (span.start <= t.i < span.end)]
        while tokens and (tokens[-1].is_punct or tokens[-1].pos_ in ("DET", "ADP")):
            tokens.pop()
        while tokens and (tokens[0].is_punct or tokens[0].pos_ == "DET"):
            tokens.pop(0)
        if tokens and tokens[0].pos_ == "NOUN":
            roles.append((start, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
    return roles


ROLE_TABLE_SCHEMA = {
    "actor_id": pl.String,
    "role": pl.String,
    "organisation_actor_id": pl.String,
    "article_id": pl.String,
    "char_start": pl.Int32,
    "char_end": pl.Int32,
}


def resolve_roles(roles: pl.DataFrame, mentions: pl.DataFrame, actors: pl.DataFrame) -> pl.DataFrame:
    """Args: raw roles (`article_id`, `person_start`, `char_start`, `char_end`, `role`), resolved mentions,
    actors. Returns: one row per (actor, role, article): the person's actor, the role as written, and the
    organisation or place named in the role, if any (`porte-parole du ministère américain de la Défense`
    → Pentagone). The person is the mention starting at `person_start` (the shortest, if two do); a role
    naming another person, or shorter than four characters (`M.`), or running over a line, is no function;
    of two roles of one person at one place, the first (by person, role start and end, then text) is kept."""
    if roles.is_empty():
        return pl.DataFrame(schema=ROLE_TABLE_SCHEMA)
    typed = mentions.select("article_id", "char_start", "char_end", "actor_id").join(
        actors.select("actor_id", "actor_type"), on="actor_id", how="left"
    )
    ordered = (
        roles.select("article_id", "person_start", "char_start", "char_end", "role")
        .unique()
        .sort("article_id", "person_start", "char_start", "char_end", "role")
        .with_row_index("row")
    )
    person = (
        ordered.select("row", "article_id", "person_start")
        .join(
            typed.select("article_id", pl.col("char_start").alias("person_start"), "char_end", "actor_id"),
            on=["article_id", "person_start"],
        )
        .sort("row", "char_end")
        .group_by("row", maintain_order=True)
        .agg(pl.col("actor_id").first())
    )
    inside = (
        ordered.select("row", "article_id", "char_start", "char_end")
        .join(typed, on="article_id", suffix="_mention")
        .filter(
            (pl.col("char_start_mention") >= pl.col("char_start")) & (pl.col("char_end_mention") <= pl.col("char_end"))
        )
    )
    naming_a_person = inside.filter(pl.col("actor_type") == "PER").select("row").unique()
    organisation = (
        inside.filter(pl.col("actor_type").is_in(["ORG", "LOC"]))
        .sort("row", "char_start_mention", "char_end_mention")
        .group_by("row", maintain_order=True)
        .agg(pl.col("actor_id").first().alias("organisation_actor_id"))
    )
    stripped = pl.col("role").str.strip_chars()
    return (
        ordered.join(person, on="row")
        .filter((stripped.str.len_chars() >= 4) & ~stripped.str.contains("\n", literal=True))
        .join(naming_a_person, on="row", how="anti")
        .join(organisation, on="row", how="left")
        .sort("row")
        .unique(["actor_id", "article_id", "char_start"], keep="first", maintain_order=True)
        .select(list(ROLE_TABLE_SCHEMA))
        .cast(ROLE_TABLE_SCHEMA)
    )
