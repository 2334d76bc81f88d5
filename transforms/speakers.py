"""Speakers and relays of claims, resolved to actors.

The speaker is the actor named inside the speaker span (a person preferred to an organisation, an
organisation to a place); a pronoun or a continued quotation takes the speaker of the claim it
continues. The relay (`via`) is a news agency or outlet named in the attribution that is not the
speaker: `a déclaré à l'AFP`, `cités par le New York Times`.
"""

from __future__ import annotations

import re

import polars as pl

_TYPE_RANK = {"PER": 0, "ORG": 1, "MISC": 2, "LOC": 3}
_RELAY_CATEGORIES = {"media", "agency"}
_MODIFIER_BEFORE = re.compile(
    r"\b(?:par|de|du|des|d['’]|à|au|aux|en|contre|avec|pour|sur)\s+(?:l['’]|la\s+|le\s+|les\s+)?$", re.IGNORECASE
)


def resolve_speakers(
    claims: pl.DataFrame, mentions: pl.DataFrame, actors: pl.DataFrame, articles: pl.DataFrame
) -> pl.DataFrame:
    """Args: claims (with speaker/attribution spans), resolved mentions, actors, articles (`article_id`, `body`).
    Returns: claims with `speaker_actor_id`, `via_actor_id`, `via_text` (one row per claim)."""
    actor_type = dict(zip(actors["actor_id"].to_list(), actors["actor_type"].to_list(), strict=True))
    category = dict(zip(actors["actor_id"].to_list(), actors["category"].fill_null("").to_list(), strict=True))
    bodies = dict(zip(articles["article_id"].to_list(), articles["body"].to_list(), strict=True))
    by_article: dict[str, list[dict]] = {}
    for m in mentions.iter_rows(named=True):
        by_article.setdefault(m["article_id"], []).append(m)
    resolved: dict[str, tuple[str | None, str | None, str | None]] = {}
    rows = []
    for c in claims.sort(["article_id", "char_start"]).iter_rows(named=True):
        found = by_article.get(c["article_id"], [])
        speaker = None
        if c["speaker_start"] is not None:
            inside = [m for m in found if c["speaker_start"] <= m["char_start"] and m["char_end"] <= c["speaker_end"]]
            non_relay = [m for m in inside if category.get(m["actor_id"]) not in _RELAY_CATEGORIES] or inside
            # an organisation or place inside a modifier (`dirigée par les États-Unis`, `du ministère`) is
            # not the speaker; a person named in apposition is
            body = bodies.get(c["article_id"], "")
            non_relay = [
                m
                for m in non_relay
                if actor_type.get(m["actor_id"]) == "PER"
                or not _MODIFIER_BEFORE.search(body[max(c["speaker_start"], m["char_start"] - 30) : m["char_start"]])
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
        if speaker is None and c.get("speaker_from_claim_id") in resolved:
            speaker = resolved[c["speaker_from_claim_id"]][0]
        via_id, via_text = None, None
        if c["attribution_start"] is not None:
            relays = [
                m
                for m in found
                if c["attribution_start"] <= m["char_start"]
                and m["char_end"] <= c["attribution_end"]
                and category.get(m["actor_id"]) in _RELAY_CATEGORIES
                and m["actor_id"] != speaker
            ]
            if relays:
                via_id, via_text = relays[0]["actor_id"], relays[0]["surface"]
        if via_id is None and c.get("speaker_from_claim_id") in resolved and c["speaker_start"] is None:
            via_id, via_text = resolved[c["speaker_from_claim_id"]][1:]
        resolved[c["claim_id"]] = (speaker, via_id, via_text)
        rows.append(c | {"speaker_actor_id": speaker, "via_actor_id": via_id, "via_text": via_text})
    schema = dict(claims.schema) | {"speaker_actor_id": pl.String, "via_actor_id": pl.String, "via_text": pl.String}
    return pl.DataFrame(rows, schema=schema) if rows else pl.DataFrame(schema=schema)
