"""Speakers and relays of claims, resolved to actors.

The speaker is the actor named inside the speaker span (a person preferred to an organisation, an
organisation to a place); a pronoun or a continued quotation takes the speaker of the claim it
continues, `il` and `elle` only a person of their gender or of unknown gender (`person_gender`); a
description (`le ministre de l'Économie`) takes the person the article gives that function in
apposition, else the one person it names whom other articles of the corpus give it. The relay
(`via`) is a news agency or outlet named in the attribution that is not the speaker: `a déclaré à
l'AFP`, `cités par le New York Times`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache

import polars as pl

from transforms.person_gender import FEMININE, MASCULINE, person_genders
from transforms.text_norm import fold_accents, lexicon_lines

_TYPE_RANK = {"PER": 0, "ORG": 1, "MISC": 2, "LOC": 3}
_RELAY_CATEGORIES = {"media", "agency"}
_MODIFIER_BEFORE = re.compile(
    r"\b(?:par|de|du|des|d['’]|à|au|aux|en|contre|avec|pour|sur)\s+(?:l['’]|la\s+|le\s+|les\s+)?$", re.IGNORECASE
)


# where a speaker phrase stops naming the speaker: a time or place adjunct (`le Premier ministre lors de
# la convention de LREM`, `durant un dîner`, `dimanche`), or the person addressed (`aurait dit la reine à
# l'un des parlementaires`, `a confié le ministre aux journalistes`; a title's complement is capitalised
# and stays: `le ministre délégué aux Transports`, `la secrétaire d'État à l'Égalité`)
_DETERMINER_WORDS = r"l['’]|la\s+|le\s+|les\s+|des\s+|un\s+|une\s+|son\s+|sa\s+|ses\s+|leurs?\s+"
_LOWERCASE = r"(?-i:[a-zàâçéèêëîïôûù])"
SPEAKER_TAIL = re.compile(
    r"\s(?:lors d|dans |devant |pendant |durant |au cours d|à l['’]occasion d|en marge d|depuis "
    r"|sur (?:le|la|les|l['’]|son|sa|ses|un|une)\b"
    r"|(?:ce |le )?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)\b"
    rf"|(?:à|au|aux)\s+(?:(?:{_DETERMINER_WORDS}){_LOWERCASE}|(?!(?:{_DETERMINER_WORDS})){_LOWERCASE}))",
    re.IGNORECASE,
)
_MEMBER_ASIDE = re.compile(
    r",\s*(?:dont|parmi (?:eux|elles|lesquels|lesquelles)|notamment|en particulier|comme)\b", re.IGNORECASE
)
# the author of a report named as its complement speaks through it: `les propos de X`, `le communiqué de X`
_REPORT_OF = re.compile(
    r"\b(?:propos|déclarations?|informations?|témoignages?|communiqués?|affirmations?|allégations?|accusations?"
    r"|révélations?|entretien|interview|tweets?|messages?|lettre|courrier|livre|mémoires|avis|récit)"
    r"\s+(?:de|du|des|d['’])\s*(?:l['’]|la\s+|le\s+|les\s+)?$",
    re.IGNORECASE,
)
_DETERMINER_ONLY = re.compile(r"\s*(?:(?:le|la|les|l['’])\s*)?", re.IGNORECASE)
# a subject pronoun, or what stands for one: `selon lui`, `a-t-elle`, `ce dernier`, after any adverbial
# the speaker phrase kept (`En 2014, dans Corse Matin, elle`)
_PRONOUNS = {
    "il": "il",
    "elle": "elle",
    "ils": "ils",
    "elles": "elles",
    "lui": "il",
    "lui-même": "il",
    "elle-même": "elle",
    "ce dernier": "il",
    "cette dernière": "elle",
}
_EUPHONIC_T = re.compile(r"^-?t-", re.IGNORECASE)


def _pronoun_of(speaker_text: str) -> str | None:
    """The personal pronoun a speaker phrase ends with after its adverbials (`il`, `elle`, `ils`,
    `elles`), else None."""
    last = _EUPHONIC_T.sub("", speaker_text.rsplit(",", 1)[-1].strip())
    return _PRONOUNS.get(last.lower())


_OTHER_GENDER = {"il": FEMININE, "elle": MASCULINE}


def _can_stand_for(speaker_text: str | None, actor_id: str | None, genders: dict[str, str]) -> bool:
    """False when the speaker phrase is `il` or `elle` and the actor a person of the other gender."""
    pronoun = _pronoun_of(speaker_text) if speaker_text else None
    return pronoun not in _OTHER_GENDER or genders.get(actor_id or "") != _OTHER_GENDER[pronoun]


# `il a été dit`, `il faut`, `il y a`: an impersonal `il`, not a speaker
_IMPERSONAL = re.compile(r"\s+(?:a été|avait été|est|était|semble|faut|fallait|y a|y avait|paraît|s['’]agit)\b")
_DETERMINER = re.compile(r"^(?:le|la|les|l['’]|ce|cette|ces)\s*", re.IGNORECASE)
_TITLE = re.compile(r"^(?:M\.|Mme|MM\.|Dr|le général|la générale|le président|la présidente)\s+", re.IGNORECASE)


def head_end(body: str, start: int, end: int) -> int:
    """End of the part of a speaker phrase that names the speaker (see `SPEAKER_TAIL`)."""
    tail = SPEAKER_TAIL.search(body, start, end)
    return tail.start() if tail and tail.start() > start else end


class ArticleMentions:
    """The resolved mentions of one article in text order, indexed for the look-ups a claim makes, so
    that resolving the speakers of an article costs about its number of claims times a logarithm (a
    scan of every mention per claim made a long article quadratic)."""

    def __init__(self, mentions: list[dict], actor_type: dict[str, str]) -> None:
        self.all = sorted(mentions, key=lambda m: (m["char_start"], m["char_end"]))
        self.starts = [m["char_start"] for m in self.all]
        self.people = [m for m in self.all if actor_type.get(m["actor_id"]) == "PER"]
        self.people_starts = [m["char_start"] for m in self.people]
        self.person_ids = {m["actor_id"] for m in self.people}
        self.people_by_surname: dict[str, list[dict]] = {}
        for m in self.people:
            for last in m["surface"].lower().split()[-1:]:
                self.people_by_surname.setdefault(last, []).append(m)
        self.organisations_by_word: dict[str, list[dict]] = {}
        for m in self.all:
            if actor_type.get(m["actor_id"]) == "ORG":
                for word in dict.fromkeys(m["surface"].lower().split()):
                    self.organisations_by_word.setdefault(word, []).append(m)
        self.at_start: dict[int, list[dict]] = {}
        for m in self.all:
            self.at_start.setdefault(m["char_start"], []).append(m)

    def within(self, start: int, end: int) -> list[dict]:
        """The mentions lying wholly inside `[start, end)`, in text order."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [m for m in self.all[lo:hi] if m["char_end"] <= end]

    def people_before(self, at: int) -> Iterator[dict]:
        """The people mentioned before `at` (ending at or before it), the nearest first."""
        for m in reversed(self.people[: bisect.bisect_left(self.people_starts, at)]):
            if m["char_end"] <= at:
                yield m


def _last_before(mentions: list[dict], at: int) -> dict | None:
    """The last of `mentions` (in text order) that ends at or before `at`."""
    return next((m for m in reversed(mentions) if m["char_end"] <= at), None)


def _from_context(
    speaker_text: str,
    mentions: list[dict] | ArticleMentions,
    at: int,
    actor_type: dict[str, str],
    body: str,
    genders: dict[str, str] | None = None,
    organisation_prefixes: dict[str, set[str]] | None = None,
) -> str | None:
    """The actor a speaker phrase without a mention refers to, from the article's mentions:
    `il`/`elle` → the most recent person of that gender or of unknown gender (one that is not a
    modifier, `la victime de X`, preferred);
    `Esper`, `M. Khalaf` → the person with that surname; `la coalition`, `le ministère` → the
    organisation whose name holds that noun (the most recent before, else the first after)."""
    index = mentions if isinstance(mentions, ArticleMentions) else ArticleMentions(mentions, actor_type)
    words = speaker_text.strip()
    pronoun = _pronoun_of(words)
    if pronoun is not None:
        if pronoun in ("il", "elle"):
            nearest = None  # the nearest person who can be `il`/`elle`; the nearest one who is no modifier wins
            for m in index.people_before(at):
                if not _can_stand_for(pronoun, m["actor_id"], genders or {}):
                    continue
                if not _MODIFIER_BEFORE.search(body[max(0, m["char_start"] - 30) : m["char_start"]]):
                    return m["actor_id"]
                nearest = nearest or m
            return nearest["actor_id"] if nearest else None
        return None
    bare = _TITLE.sub("", words)
    if bare != words or (bare[:1].isupper() and len(bare.split()) <= 2):
        surname = bare.split()[-1].lower() if bare.split() else ""
        person = _last_before(index.people_by_surname.get(surname, []), at)
        if person is not None:
            return person["actor_id"]
    described = _DETERMINER.match(words)
    if described and len(words.split()) <= 3:
        noun = words[described.end() :].split()[0].lower() if words[described.end() :].split() else ""
        organisations = index.organisations_by_word.get(noun, []) if noun else []
        before = _last_before(organisations, at)
        if before or organisations:
            return (before or organisations[0])["actor_id"]
    if described:
        # `la coalition internationale` when the article never names it: the one organisation of the
        # corpus whose name or alias begins with these words (two at least: `la coalition` alone could be
        # any coalition)
        prefix = " ".join(fold_accents(words[described.end() :].lower()).split())
        hits = (organisation_prefixes or {}).get(prefix, set()) if len(prefix.split()) >= 2 else set()
        if len(hits) == 1:
            return next(iter(hits))
    return None


_ROLE_STOPWORDS = frozenset({"le", "la", "les", "l", "un", "une", "ce", "cette", "son", "sa", "ses", "et"})
_ROLE_PREPOSITIONS = frozenset({"de", "du", "des", "d", "a", "au", "aux", "en", "pour", "chez", "sur"})


@cache
def _role_parts(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """(head words, complement words) of a function, folded: `le Premier ministre` → (premier,
    ministre); `procureur de la République de Reims` → (procureur,), {republique, reims}."""
    words = [w for w in re.findall(r"[\w\-]+", fold_accents(text.lower())) if w]
    while words and words[0] in _ROLE_STOPWORDS:
        words.pop(0)
    cut = next((i for i, w in enumerate(words) if w in _ROLE_PREPOSITIONS), len(words))
    complement = frozenset(w for w in words[cut:] if w not in _ROLE_PREPOSITIONS | _ROLE_STOPWORDS)
    return tuple(words[:cut]), complement


@cache
def _function_nouns() -> frozenset[str]:
    return frozenset(fold_accents(w.lower()) for w in lexicon_lines("human_nouns.txt"))


def _from_role(description: str, roles: list[dict], at: int) -> str | None:
    """The person of the article whose function, given in apposition, the speaker's description
    names (`le procureur de la République de Reims` → Matthieu Bourrette, `procureur de Reims`): same
    head (`premier ministre` is not `ministre`), a noun of people, and complements that share a word
    when both have one (`le ministre de l'Intérieur` is not the `ministre de la Santé`). The best
    overlap wins, then the nearest role before the claim, then the first after."""
    parts = _function_parts(description)
    if parts is None:
        return None
    scored = []
    for role in roles:
        overlap = _role_overlap(parts, role["role"])
        if overlap is None:
            continue
        before = role["char_start"] <= at
        scored.append((overlap, before, role["char_start"] if before else -role["char_start"], role))
    if not scored:
        return None
    return max(scored, key=lambda item: item[:3])[3]["actor_id"]


def _function_parts(description: str) -> tuple[tuple[str, ...], frozenset[str]] | None:
    """`_role_parts` of a description that names a function of people, else None."""
    head, complement = _role_parts(description)
    return (head, complement) if head and head[-1] in _function_nouns() else None


def _role_overlap(parts: tuple[tuple[str, ...], frozenset[str]], role: str) -> int | None:
    """How many complement words a role shares with a described function, or None when it is another
    function (another head, or complements that share no word)."""
    head, complement = parts
    role_head, role_complement = _role_parts(role)
    if role_head != head or (complement and role_complement and not complement & role_complement):
        return None
    return len(complement & role_complement)


def _from_corpus_role(
    description: str, article_people: set[str], roles_by_actor: dict[str, dict[str, set[str]]]
) -> str | None:
    """The one person named in the article whom other articles of the corpus give, in apposition, the
    function the description names (`le Premier ministre` in an article that names Édouard Philippe,
    called `Premier ministre` elsewhere). A described complement must be shared (`le président du
    MoDem` is not a `président` without one); a bare function (`le ministre`) must be given to the
    person in at least two articles (one apposition may be misread or out of date). Two such people
    (a former and a current minister): none."""
    parts = _function_parts(description)
    if parts is None:
        return None
    described_complement = bool(parts[1])
    holders = set()
    for actor in article_people:
        support: set[str] = set()
        for role, articles in roles_by_actor.get(actor, {}).items():
            overlap = _role_overlap(parts, role)
            if overlap is not None and (overlap > 0 or not described_complement):
                support |= articles
        if (described_complement and support) or len(support) >= 2:
            holders.add(actor)
    return next(iter(holders)) if len(holders) == 1 else None


_COMMA = re.compile(r"\s*,\s*")


def _apposed_person(body: str, claim: dict, mentions: ArticleMentions, actor_type: dict[str, str]) -> str | None:
    """The person named in apposition right after a speaker phrase that names nobody: `Ancien garde des
    Sceaux de Jacques Chirac, Dominique Perben révèle…` (not the start of the proposition itself: `Selon le
    ministre, Paul Martin a menti`)."""
    comma = _COMMA.match(body, claim["speaker_end"])
    if comma is None:
        return None
    person = next((m for m in mentions.at_start.get(comma.end(), []) if actor_type.get(m["actor_id"]) == "PER"), None)
    if person is None or claim["char_start"] <= person["char_start"] < claim["char_end"]:
        return None
    return person["actor_id"]


def prefixes_of_organisations(actors: pl.DataFrame) -> dict[str, set[str]]:
    """The organisations whose canonical name or an alias (folded, lowercased) begins with each run of two
    words or more: `coalition internationale` → {the coalition's id}."""
    prefixes: dict[str, set[str]] = {}
    aliases = actors["aliases"].to_list() if "aliases" in actors.columns else [None] * actors.height
    for actor_id, actor_type, canonical, more in zip(
        actors["actor_id"].to_list(),
        actors["actor_type"].to_list(),
        actors["canonical_name"].to_list(),
        aliases,
        strict=True,
    ):
        if actor_type != "ORG":
            continue
        for name in [canonical, *(more or [])]:
            words = fold_accents((name or "").lower()).split()
            for n in range(2, len(words) + 1):
                prefixes.setdefault(" ".join(words[:n]), set()).add(actor_id)
    return prefixes


def corpus_roles(roles: pl.DataFrame) -> dict[str, dict[str, set[str]]]:
    """actor → function given in apposition → the articles giving it (`actor_roles`: `actor_id`, `role`,
    `article_id`)."""
    found: dict[str, dict[str, set[str]]] = {}
    for actor_id, role, article_id in roles.select("actor_id", "role", "article_id").iter_rows():
        found.setdefault(actor_id, {}).setdefault(role, set()).add(article_id)
    return found


def resolve_speakers(
    claims: pl.DataFrame,
    mentions: pl.DataFrame,
    actors: pl.DataFrame,
    articles: pl.DataFrame,
    roles: pl.DataFrame | None = None,
    *,
    genders: dict[str, str] | None = None,
    organisation_prefixes: dict[str, set[str]] | None = None,
    roles_by_actor: dict[str, dict[str, set[str]]] | None = None,
) -> pl.DataFrame:
    """Args: claims (with speaker/attribution spans), resolved mentions, actors, articles (`article_id`,
    `body`), and the people's functions given in apposition (`actor_roles`: `actor_id`, `role`,
    `article_id`, `char_start`). What the rest of the corpus tells may be given when the claims are those of
    some articles only: the people's `genders` (`person_genders`), the `organisation_prefixes` of the actors
    (`prefixes_of_organisations`) and the functions the corpus gives each person (`corpus_roles`); by default they
    are computed from these frames. Returns: claims with `speaker_actor_id`, `via_actor_id`, `via_text`
    (one row per claim)."""
    roles_by_article: dict[str, list[dict]] = {}
    for role in roles.iter_rows(named=True) if roles is not None else []:
        roles_by_article.setdefault(role["article_id"], []).append(role)
    if roles_by_actor is None:
        roles_by_actor = corpus_roles(roles) if roles is not None else {}
    actor_type = dict(zip(actors["actor_id"].to_list(), actors["actor_type"].to_list(), strict=True))
    if genders is None:
        genders = person_genders(mentions, actors, articles, roles)
    if organisation_prefixes is None:
        organisation_prefixes = prefixes_of_organisations(actors)
    category = dict(zip(actors["actor_id"].to_list(), actors["category"].fill_null("").to_list(), strict=True))
    bodies = dict(zip(articles["article_id"].to_list(), articles["body"].to_list(), strict=True))
    by_article: dict[str, list[dict]] = {}
    for m in mentions.iter_rows(named=True):
        by_article.setdefault(m["article_id"], []).append(m)
    indexes = {article_id: ArticleMentions(found, actor_type) for article_id, found in by_article.items()}
    no_mentions = ArticleMentions([], actor_type)
    resolved: dict[str, tuple[str | None, str | None, str | None]] = {}
    rows = []
    for c in claims.sort(["article_id", "char_start", "char_end"], maintain_order=True).iter_rows(named=True):
        found = indexes.get(c["article_id"], no_mentions)
        speaker = None
        if c["speaker_start"] is not None:
            speaker_end = head_end(bodies.get(c["article_id"], ""), c["speaker_start"], c["speaker_end"])
            inside = found.within(c["speaker_start"], speaker_end)
            non_relay = [m for m in inside if category.get(m["actor_id"]) not in _RELAY_CATEGORIES] or inside
            # an actor inside a modifier is not the speaker (`dirigée par les États-Unis`, `du ministère`,
            # `la compagne de Bixente Lizarazu`, `un proche de François Hollande`), except the author of a
            # report (`les propos de X`); a person named in apposition is (`le secrétaire d'État Mike Pompeo`)
            body = bodies.get(c["article_id"], "")
            non_relay = [
                m
                for m in non_relay
                if not _MODIFIER_BEFORE.search(
                    before := body[max(c["speaker_start"], m["char_start"] - 40) : m["char_start"]]
                )
                or (actor_type.get(m["actor_id"]) == "PER" and _REPORT_OF.search(before))
            ]
            # a member named in an aside (`des responsables américains, dont Mike Pompeo,`) is one of the
            # speakers, not the speaker
            non_relay = [m for m in non_relay if not _MEMBER_ASIDE.search(body, c["speaker_start"], m["char_start"])]
            # a place speaks only as the head of the phrase (`Washington a démenti`), not as a modifier
            # of someone else (`l'ex-maire de Tourcoing (Nord)`)
            non_relay = [
                m
                for m in non_relay
                if actor_type.get(m["actor_id"]) != "LOC"
                or _DETERMINER_ONLY.fullmatch(body[c["speaker_start"] : m["char_start"]])
            ]
            if non_relay:
                best = min(
                    non_relay,
                    key=lambda m: (
                        _TYPE_RANK.get(actor_type.get(m["actor_id"], "MISC"), 9),
                        -(m["char_end"] - m["char_start"]),
                    ),
                )
                speaker = best["actor_id"]
            else:
                speaker = _apposed_person(body, c, found, actor_type)
        at = c["speaker_start"] if c["speaker_start"] is not None else c["char_start"]
        body = bodies.get(c["article_id"], "")
        impersonal = bool(c["speaker_text"]) and bool(_IMPERSONAL.match(body, at + len(c["speaker_text"].strip())))
        continued = resolved.get(c.get("speaker_from_claim_id") or "", (None,))[0]
        if speaker is None and not impersonal and _can_stand_for(c["speaker_text"], continued, genders):
            speaker = continued
        if speaker is None and c["speaker_text"] and not impersonal:
            speaker = _from_context(c["speaker_text"], found, at, actor_type, body, genders, organisation_prefixes)
        if speaker is None and c["speaker_start"] is not None and not impersonal:
            description = body[c["speaker_start"] : head_end(body, c["speaker_start"], c["speaker_end"])]
            speaker = _from_role(description, roles_by_article.get(c["article_id"], []), at)
            if speaker is None:
                speaker = _from_corpus_role(description, found.person_ids, roles_by_actor)
        via_id, via_text = None, None
        if c["attribution_start"] is not None:
            relays = [
                m
                for m in found.within(c["attribution_start"], c["attribution_end"])
                if category.get(m["actor_id"]) in _RELAY_CATEGORIES and m["actor_id"] != speaker
            ]
            if relays:
                via_id, via_text = relays[0]["actor_id"], relays[0]["surface"]
        if via_id is None and c.get("speaker_from_claim_id") in resolved and c["speaker_start"] is None:
            via_id, via_text = resolved[c["speaker_from_claim_id"]][1:]
        resolved[c["claim_id"]] = (speaker, via_id, via_text)
        rows.append(c | {"speaker_actor_id": speaker, "via_actor_id": via_id, "via_text": via_text})
    schema = dict(claims.schema) | {"speaker_actor_id": pl.String, "via_actor_id": pl.String, "via_text": pl.String}
    return pl.DataFrame(rows, schema=schema) if rows else pl.DataFrame(schema=schema)


CUE_SCHEMA = {
    "claim_id": pl.String,
    "article_id": pl.String,
    "pronoun": pl.Boolean,
    "organisation_prefix": pl.String,
    "function_head": pl.String,
}


def speaker_cues(claims: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """What resolving a claim's speaker may read from the rest of the corpus, as `resolve_speakers` reads it:
    whether the speaker phrase is `il`/`elle` (the genders of the article's people), the words after a
    determiner (`la coalition internationale`: the organisations whose names begin with them), and the head of
    a function named as the speaker (`le Premier ministre`: the functions other articles give the article's
    people). Args: claims (`claim_id`, `article_id`, `speaker_text`, `speaker_start`, `speaker_end`), articles
    (`article_id`, `body`). Returns: one row per claim with at least one cue."""
    bodies = dict(zip(articles["article_id"].to_list(), articles["body"].to_list(), strict=True))
    rows = []
    for claim_id, article_id, text, start, end in claims.select(
        "claim_id", "article_id", "speaker_text", "speaker_start", "speaker_end"
    ).iter_rows():
        pronoun, prefix, head = False, None, None
        if text:
            pronoun = _pronoun_of(text) in _OTHER_GENDER
            words = text.strip()
            described = _DETERMINER.match(words)
            if _pronoun_of(words) is None and described:
                folded = " ".join(fold_accents(words[described.end() :].lower()).split())
                prefix = folded if len(folded.split()) >= 2 else None
        if start is not None:
            body = bodies.get(article_id, "")
            parts = _function_parts(body[start : head_end(body, start, end)])
            head = " ".join(parts[0]) if parts is not None else None
        if pronoun or prefix or head:
            rows.append((claim_id, article_id, pronoun, prefix, head))
    return pl.DataFrame(rows, schema=CUE_SCHEMA, orient="row")


def role_head(role: str) -> str:
    """The head words of a function (`procureur de la République` → `procureur`), as `speaker_cues` gives them."""
    return " ".join(_role_parts(role)[0])
