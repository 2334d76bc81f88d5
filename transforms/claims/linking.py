"""Links between the claims of one article: continued speakers, denials of an earlier report, anaphoric
event nouns."""

from __future__ import annotations

import re

from transforms.claims.lexicon import words
from transforms.claims.model import NO_EVENT_KEY, NO_THEME, Claim
from transforms.claims.reporting import ANAPHORIC_REPORT
from transforms.text_norm import fold_accents

# `les accusations de la jeune fille`, `les allégations du documentaire`: a report named by its author
_REPORT_AUTHOR = re.compile(
    r"^\S+\s+\S+\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*(?P<words>(?:[\w\-]+\s*){1,3})", re.I
)


def _report_author(text: str) -> str | None:
    """The author an anaphoric report names (folded, lower case): `les accusations de la jeune fille` →
    `fille`, `les allégations de Mediapart` → `mediapart`; None when its complement is its content
    (`les accusations de harcèlement`)."""
    match = _REPORT_AUTHOR.match(text)
    if match is None:
        return None
    for word in match.group("words").split():
        if word[:1].isupper() or word.lower() in words("report_author_nouns") or word.lower() in words("human_nouns"):
            return fold_accents(word.lower())
    return None


# how many sentences back a demonstrative (`ces informations`) finds the report it takes up (a report is
# often developed over a few sentences before it is denied)
_REPORT_ANAPHORA_WINDOW = 4


def _is_report_antecedent(claims: list[Claim], target: int, index: int) -> bool:
    """Whether `claims[target]` can be the report that `claims[index]` (`ces accusations`) takes up: a
    demonstrative points to something just said, within four sentences, and to the nearest mention of
    its noun (`… enquêtent sur des accusations de financement. L'ex-président a toujours rejeté ces
    accusations`: those accusations, not a quotation four sentences back)."""
    anaphor, candidate = claims[index], claims[target]
    if anaphor.sentence_idx - candidate.sentence_idx > _REPORT_ANAPHORA_WINDOW:
        return False
    noun = ANAPHORIC_REPORT.match(anaphor.text)
    if noun is None:
        return True
    stem = fold_accents(noun.group("noun").lower()).rstrip("sx")
    return not any(
        stem in fold_accents(c.text.lower())
        for c in claims[target + 1 : index]
        if c.sentence_idx > candidate.sentence_idx
    )


def link_article_claims(claims: list[Claim]) -> list[Claim]:
    """Within one article: pronoun and continuation speakers take the most recent named speaker; a
    denial of `ces informations` responds to the most recent attributed claim before it."""
    last_speaker: Claim | None = None
    for index, claim in enumerate(claims):
        if claim.responds_to_previous:
            previous = [
                c for c in claims[:index] if c.quote_kind != "narrative" and c.sentence_idx < claim.sentence_idx
            ]
            target = previous[-1] if previous else (claims[index - 1] if index else None)
            author = _report_author(claim.text)
            if author is not None:
                # `les allégations du documentaire`: the report of whoever it names, or of nobody quoted
                named = [c for c in previous if author in fold_accents((c.speaker_text or "").lower())]
                target = named[-1] if named else None
            elif target is not None and not _is_report_antecedent(claims, claims.index(target), index):
                target = None
            if target is not None:
                claim.responds_to_index = claims.index(target)
                claim.predicate, claim.theme, claim.event_key = target.predicate, target.theme, target.event_key
                claim.polarity = -target.polarity
                claim.negation = f"{claim.reporting_verb} « {target.text[:60]} »"
        if claim.anaphoric and claim.event_key != NO_EVENT_KEY:
            # `notre départ` after `quitter l'Irak`: the departure from Iraq (the theme of the latest
            # claim of the same class that names one)
            klass = claim.event_key.split("|")[0]
            antecedent = next(
                (c for c in reversed(claims[:index]) if c.event_key.startswith(f"{klass}|") and c.theme != NO_THEME),
                None,
            )
            if antecedent is not None:
                claim.theme, claim.event_key = antecedent.theme, antecedent.event_key
        if claim.pronoun_speaker and last_speaker is not None and claim.quote_kind != "narrative":
            claim.speaker_from = last_speaker
        elif claim.quote_kind != "narrative" and claim.speaker_text and not claim.pronoun_speaker:
            last_speaker = claim
    return claims
