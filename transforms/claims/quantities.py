"""The counted quantity of a proposition: value, unit, comparator and range."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from transforms.claims.aspect import time_words
from transforms.claims.event_key import is_projectile
from transforms.claims.lexicon import pairs, toll_classes, words
from transforms.claims.participants import is_new_instance
from transforms.claims.syntax import DE
from transforms.numbers_fr import APPROXIMATE, parse_number


def quantity_of(tokens: list[Token], toll: bool = False) -> tuple[float | None, str | None, str | None, float | None]:
    """The first counted quantity in the proposition: (value, unit, op, upper bound). `toll`: the
    event is a casualty, whose `un`/`une` counts."""
    units = pairs("units")
    grouped = -1  # (the groups of digits already read with the number they continue)
    for i, t in enumerate(tokens):
        if t.lower_ in ("un", "une") and not toll:
            continue
        if i <= grouped:
            continue
        head = t.head
        low = t.lower_
        if low.rstrip("s") in APPROXIMATE and t.pos_ == "NOUN":
            base = APPROXIMATE[low.rstrip("s")]
            plural = low.endswith("s")
            nxt = [c for c in tokens[i + 1 : i + 4] if c.pos_ == "NOUN"]
            if nxt:
                unit = units.get(nxt[0].lemma_.lower(), nxt[0].lemma_.lower())
                return float(base * 2 if plural else base), unit, "~", None
        written, last = _digit_groups(tokens, i)
        if last > i:
            # `2 012 morts`, `46 600 manifestants`: thousands set apart by a space are one number, whose noun
            # is the head of one of its groups
            grouped = last
            head = next((g.head for g in tokens[i : last + 1] if g.head.pos_ == "NOUN" and g.head.i > last), head)
        if not (t.like_num or t.pos_ == "NUM") or head.pos_ != "NOUN" or head.i <= t.i:
            continue  # (a number after its noun is a label or a measure: `magnitude 4,9`, `article 3`)
        value = parse_number(written)
        if value is None or (1900 <= value <= 2100 and head.lemma_ in ("an", "année")):
            continue
        if _is_age(t, head):
            continue  # `son compagnon, âgé de 19 ans`: an attribute of a person, not a count of the event
        if is_new_instance(head):
            continue  # `deux nouvelles explosions`, `38 nouveaux départements`: an increment, not a total
        if toll and not _counts_victims(head):
            continue  # `les 15 missiles … avaient fait 80 morts`, `tué dans une frappe`: a toll counts people
        factor = _scale_factors().get(head.lemma_.lower(), 1.0)
        counted = next((c for c in head.children if c.dep_ == "nmod" and c.pos_ == "NOUN"), None)
        if factor != 1.0 and counted is not None:
            value, head = value * factor, counted
        unit = units.get(head.lemma_.lower(), head.lemma_.lower())
        before = " ".join(x.lower_ for x in tokens[max(0, i - 3) : i])
        op = "="
        if re.search(r"pas moins d(?:['’]|e)$", before):
            op = ">"  # `pas moins de 15`: at least 15
        elif re.search(r"pas plus d(?:['’]|e)$", before):
            op = "<"
        elif re.search(r"(plus d['e]|au moins|plus de)$", before):
            op = ">"
        elif re.search(r"moins d['e]$|moins de$", before):
            op = "<"
        elif re.search(r"(près d['e]|environ|quelque|presque|près de)$", before):
            op = "~"
        after = tokens[last + 1 : last + 3]
        if len(after) == 2 and after[0].lower_ in ("à", "-", "et") and (after[1].like_num or after[1].pos_ == "NUM"):
            upper = parse_number(_digit_groups(tokens, last + 2)[0])
            upper = upper * factor if upper is not None else None
            if upper is not None and upper > value:
                return value, unit, "range", upper
        return value, unit, op, None
    return None, None, None, None


def _digit_groups(tokens: list[Token], i: int) -> tuple[str, int]:
    """The number written from token `i` on, with the groups of three digits that follow it after a single
    space (`2 012`, `46 600`, `1 200 000`), and the index of its last token."""
    last = i
    if re.fullmatch(r"\d{1,3}", tokens[i].text):
        while (
            last + 1 < len(tokens) and tokens[last].whitespace_ == " " and re.fullmatch(r"\d{3}", tokens[last + 1].text)
        ):
            last += 1
    return " ".join(t.text for t in tokens[i : last + 1]), last


def _counts_victims(noun: Token) -> bool:
    """A casualty's count counts people (`80 morts`, `11 soldats`, `trois passants`), not the weapons, the
    events or the times around them (`15 missiles`, `une frappe`, `deux jours`)."""
    lemma = noun.lemma_.lower()
    if is_projectile(noun) or lemma in time_words():
        return False
    verb = pairs("nominalisations").get(lemma)
    return verb is None or pairs("predicate_classes").get(verb) in toll_classes()


def _is_age(number: Token, noun: Token) -> bool:
    """`âgé de 19 ans`, `Jean, 20 ans,`, `un homme de 35 ans`: a person's age (a count of years after
    `âgé de`, in apposition, or complementing a person), not a count (`condamné à 20 ans de prison`)."""
    if noun.lemma_.lower() not in ("an", "ans") or number.i == 0:
        return False
    before = number.doc[number.i - 1]
    if before.text in (",", "(") or (
        before.lower_ in DE and number.i > 1 and number.doc[number.i - 2].lower_.startswith("âgé")
    ):
        return True
    owner = noun.head
    return before.lower_ in DE and (
        owner.pos_ == "PROPN" or owner.ent_type_ == "PER" or owner.lemma_.lower() in words("human_nouns")
    )


@cache
def _scale_factors() -> dict[str, float]:
    """{scale noun: factor} (`lexicons/scale_nouns.csv`): `1,2 milliard d'euros` counts 1.2e9 euros."""
    return {noun: float(factor) for noun, factor in pairs("scale_nouns").items()}
