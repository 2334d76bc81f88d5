"""French temporal expressions: tagging (spans and a symbolic reading) and TIMEX3 normalisation.

Tagging and resolution are separate so that an article's relative dates can be re-resolved when its
publication day becomes known or narrower (`resolve_timex(reading, anchor_interval, direction)`).

A reading is a plain dict: `kind` plus fields. Kinds: `date` (day/month/year, any may be missing, with
`mod` START/MID/END, `daypart`, `direction`), `weekday`, `weekday_day` (`samedi 15`), `rel_day` (offset in
days), `anaphoric` (days from the day last named), `rel_period` (week/month/quarter/half/year/decade/century
offset), `clock` (an hour or a part of a day), `season`, `quarter`, `ago`, `duration`, `set`, `ref` (PAST_REF,
PRESENT_REF, FUTURE_REF), `value` (a fixed TIMEX3 value: decades, centuries), `easter` (days from Easter
Sunday), `nth_of_month` (`le premier dimanche de mai`), `week_of` (the week of a day, counted in weeks).

How the tagger reads a text: every pattern proposes candidates, the longest wins (ties: the earlier pattern),
spans never overlap; a reading may say `NOT_TIME` (a name such as `24 Heures du Mans`: neither it nor any
part of it is a time). A second pass reads what depends on the expressions around: a day number alone after
a month (`le 12 septembre … le 22`) and a period counted from the last one named (`la même année`). Patterns
run only on texts that hold one of their words (`_TRIGGERS`), which keeps the rarer classes cheap.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from transforms.numbers_fr import NUMBER_WORD_PATTERN, parse_number

MONTHS = {
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
    "janv.": 1,
    "févr.": 2,
    "sept.": 9,
    "oct.": 10,
    "nov.": 11,
    "déc.": 12,
    "fév.": 2,
    "avr.": 4,
    "juil.": 7,
}
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
_DAY_PARTS = {
    "matin": "MO",
    "matinée": "MO",
    "midi": "12:00",  # noon (`samedi midi`); `la mi-journée` is the part of the day MI
    "après-midi": "AF",
    "soir": "EV",
    "soirée": "EV",
    "nuit": "NI",
}
_UNITS = {
    "jour": "D",
    "jours": "D",
    "journée": "D",
    "journées": "D",
    "semaine": "W",
    "semaines": "W",
    "mois": "M",
    "an": "Y",
    "ans": "Y",
    "année": "Y",
    "années": "Y",
    "heure": "H",
    "heures": "H",
    "minute": "MIN",
    "minutes": "MIN",
    "seconde": "S",
    "secondes": "S",
    "décennie": "DE",
    "décennies": "DE",
    "siècle": "CE",
    "siècles": "CE",
    "trimestre": "Q",
    "trimestres": "Q",
    "week-end": "WE",
    "week-ends": "WE",
}
_HOLIDAYS = {
    "nouvel an": (1, 1),
    "jour de l'an": (1, 1),
    "saint-sylvestre": (12, 31),
    "noël": (12, 25),
    "réveillon de noël": (12, 24),
    "réveillon du nouvel an": (12, 31),
    "fête nationale": (7, 14),
    "toussaint": (11, 1),
    "armistice": (11, 11),
    "fête du travail": (5, 1),
    "assomption": (8, 15),
    "saint-valentin": (2, 14),
    "halloween": (10, 31),
    "fête de la musique": (6, 21),
    "saint-nicolas": (12, 6),
    "épiphanie": (1, 6),
    "chandeleur": (2, 2),
    "saint-patrick": (3, 17),
}
_REFS = {
    "récemment": "PAST_REF",
    "dernièrement": "PAST_REF",
    "naguère": "PAST_REF",
    "jadis": "PAST_REF",
    "autrefois": "PAST_REF",
    "auparavant": "PAST_REF",
    "nouvellement": "PAST_REF",
    "bientôt": "FUTURE_REF",
    "prochainement": "FUTURE_REF",
    "sous peu": "FUTURE_REF",
    "à l'avenir": "FUTURE_REF",
    "désormais": "PRESENT_REF",
    "actuellement": "PRESENT_REF",
    "maintenant": "PRESENT_REF",
    "aujourd'hui encore": "PRESENT_REF",
    "à présent": "PRESENT_REF",
    "jusqu'à présent": "PRESENT_REF",
    "en ce moment": "PRESENT_REF",
    "à ce jour": "PRESENT_REF",
    "de nos jours": "PRESENT_REF",
    "pour l'instant": "PRESENT_REF",
    "pour le moment": "PRESENT_REF",
    "pour l'heure": "PRESENT_REF",
    "à l'heure actuelle": "PRESENT_REF",
    "dorénavant": "PRESENT_REF",
    "ces derniers temps": "PAST_REF",
    "dans le passé": "PAST_REF",
    "par le passé": "PAST_REF",
    "ultérieurement": "FUTURE_REF",
    "dans l'avenir": "FUTURE_REF",
}

_MONTH = r"(?P<month>janv\.|févr\.|fév\.|avr\.|juil\.|sept\.|oct\.|nov\.|déc\.|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)"  # noqa: E501
_WEEKDAY = r"(?P<weekday>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_DAYPART = r"(?P<daypart>matin|matinée|midi|après-midi|soir|soirée|nuit)"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
# two digits after a month are a year (`le 10 novembre 93`) unless a noun follows: then they count it
# or thousands follow (`placé jeudi 1er mars 24 départements en alerte`, `en mars 12 000 emplois`)
_NOT_A_COUNT = (
    r"(?![\d\w])(?!\s\d{3}\b)(?!\s+(?!(?:à|au|aux|en|et|dans|par|lors|sur|chez|pour|avec|contre|entre)\b)[^\W\d_])"
)
_MOD = r"(?P<mod>plus d[e'’]\s*|près d[e'’]\s*|environ |moins d[e'’]\s*|au moins |quelque |presque |une? bonne )?"
# a number in words, at most eight words long (`quatre-vingt-dix-neuf`): bounded, so that a long run of number
# words (`vingt et un vingt et un …`) is scanned in linear time, not once from each of its words
_NUMBER_WORDS = NUMBER_WORD_PATTERN.removesuffix("*)") + "{0,7})"
_QTY = rf"(?P<qty>\d+(?:[.,]\d+)?|{_NUMBER_WORDS}|quelques|plusieurs|une?|des)"
_UNIT = (
    r"(?P<unit>jours?|journées?|semaines?|mois|ans?|années?|heures?|minutes?|secondes?|décennies?|siècles?|trimestres?|"
    r"week-ends?)"
    r"(?P<half>\s+et\s+demie?)?"
)
# `une dizaine d'années`, `une quinzaine de jours`, `des dizaines d'années`: a round, approximate count
_APPROX = {
    "huitaine": "8",
    "dizaine": "10",
    "douzaine": "12",
    "quinzaine": "15",
    "vingtaine": "20",
    "trentaine": "30",
    "quarantaine": "40",
    "cinquantaine": "50",
    "soixantaine": "60",
    "centaine": "100",
}
_QTY_APPROX = (
    r"(?P<approx>une\s+(?:huitaine|dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine)"
    r"|(?:des|quelques|plusieurs)\s+(?:dizaines|centaines))\s+d[e'’]\s*"
)
_AMOUNT = rf"(?:{_QTY_APPROX}|{_QTY}\s+){_UNIT}"
# durations said with a fraction or a noun of their own: `une demi-heure`, `un quart de siècle`, `le septennat`
_FIXED_DURATIONS = {
    "une demi-heure": "PT30M",
    "une demi-journée": "PT12H",
    "un quart d'heure": "PT15M",
    "trois quarts d'heure": "PT45M",
    "un demi-siècle": "P50Y",
    "un quart de siècle": "P25Y",
    "quinquennat": "P5Y",
    "septennat": "P7Y",
}
_ORDINALS = {
    "premier": 1,
    "1er": 1,
    "deuxième": 2,
    "second": 2,
    "2e": 2,
    "2ème": 2,
    "troisième": 3,
    "3e": 3,
    "3ème": 3,
    "quatrième": 4,
    "4e": 4,
    "4ème": 4,
}
_ORDINAL = r"(?P<ord>premier|1er|deuxième|second|2e|2ème|troisième|3e|3ème|quatrième|4e|4ème)"
_REL_AFTER = (
    r"(?:\s+(?P<rel>dernière|dernier|prochaine|prochain|passée|passé|précédente|précédent|suivante|suivant|en cours))?"
)
_DECADE_WORDS = {
    "vingt": 2,
    "trente": 3,
    "quarante": 4,
    "cinquante": 5,
    "soixante": 6,
    "soixante-dix": 7,
    "quatre-vingt": 8,
    "quatre-vingts": 8,
    "quatre-vingt-dix": 9,
}
_ROMAN = {"I": 1, "V": 5, "X": 10}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "numeric",
        re.compile(
            r"\b(?P<day>[0-3]?\d)[/.](?P<mnum>[01]?\d)[/.](?:(?P<year>(?:19|20)\d\d)|(?P<yy>\d\d))(?![\d/.]\d)\b"
        ),
    ),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    (
        "set",
        re.compile(
            r"\b(?:chaque|tous les|toutes les)\s+(?:(?P<every>deux|trois|quatre|cinq|six|dix|quinze|[2-9]|1\d)\s+)?(?:(?P<weekday>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?(?:\s+(?P<daypart>matin|soir)s?)?|(?P<setunit>jours|semaines|mois|ans|années|jour|semaine|année|an|week-ends?|heures?|minutes?|trimestres?|semestres?)|(?P<setpart>matin|soir|nuit|après-midi)s?|(?P<setseason>été|hiver|printemps|automne)s?)\b",
            re.I,
        ),
    ),  # noqa: E501
    (
        "per_unit",
        re.compile(
            r"\bpar\s+(?P<setunit>jour|semaine|mois|an|année|trimestre|semestre)\b(?!\s+d[eu]\b)",  # `deux fois par an`, `50 euros par jour`
            re.I,
        ),
    ),
    (
        "weekday_date",
        re.compile(
            rf"\b{_WEEKDAY}\s+(?P<day>1er|[0-3]?\d)\s+{_MONTH}(?:\s+{_YEAR})?(?:\s+(?:au\s+)?{_DAYPART})?\b", re.I
        ),
    ),  # noqa: E501
    (
        "part_month",
        re.compile(
            rf"\b(?P<part>début|fin|mi-|courant|milieu)\s*(?:d[e'’]\s*)?{_MONTH}(?:\s+{_YEAR}|\s+(?P<rel>dernier|prochain))?\b",
            re.I,
        ),
    ),  # noqa: E501
    ("part_year", re.compile(rf"\b(?P<part>début|fin|mi-|courant|milieu)\s*(?:de\s+l['’]année\s+)?{_YEAR}\b", re.I)),  # noqa: E501
    (
        "day_range",
        re.compile(
            rf"\b(?:(?:du|entre\s+le|les)\s+)?(?P<d1>1er|[0-3]?\d)\s*(?:au|et(?:\s+le)?|ou(?:\s+le)?|-|–)\s*(?P<d2>1er|[0-3]?\d)\s+{_MONTH}"
            rf"(?:\s+{_YEAR})?(?:\s+(?P<rel>derniers?|prochains?))?\b",
            re.I,
        ),
    ),  # `du 7 au 10 mars`, `les 15 et 16 mars`, `entre le 26 et le 28 mai 2019`: two days, one month
    (
        "day_month",
        re.compile(
            rf"\b(?:le\s+|du\s+|au\s+)?(?P<day>1er|[0-3]?\d)(?:\s+|-(?=\w)){_MONTH}(?:\s+(?:(?:de\s+)?{_YEAR}|(?P<yy>\d\d){_NOT_A_COUNT}))?(?:\s+(?P<rel>dernier|prochain))?(?!\w)",
            re.I,
        ),
    ),
    ("month_year", re.compile(rf"\b(?:en\s+|depuis\s+)?{_MONTH}\s+(?:{_YEAR}|(?P<yy>\d\d){_NOT_A_COUNT})", re.I)),
    ("month_rel", re.compile(rf"\b(?:(?:au\s+)?mois\s+d[e'’]\s*)?{_MONTH}\s+(?P<rel>dernier|prochain)\b", re.I)),
    (
        "month_cue",
        re.compile(
            rf"\b(?P<cue>en|depuis|dès|jusqu['’]en|courant|(?:au\s+|le\s+)?mois\s+d['’e]\s*)\s*{_MONTH}(?![\w-])"
            rf"(?:\s+(?:{_YEAR}|(?P<yy>\d\d){_NOT_A_COUNT}))?",  # `dès octobre 98`
            re.I,
        ),
    ),
    (
        "clock",
        re.compile(
            r"\b(?:(?:vers|à|dès|jusqu['’]à|avant|après)\s+)?(?<![\d.,])(?P<hour>[01]?\d|2[0-3])\s?h\s?(?P<minute>[0-5]\d)?(?![\w])"
            r"(?:\s+(?P<ampm>du\s+matin|du\s+soir|de\s+l['’]après-midi))?",
            re.I,
        ),
    ),
    (
        # `à 16 heures`, `vers 7 heures 30`: a time of day spelt out (a bare `16 heures` is a duration)
        "clock",
        re.compile(
            r"\b(?:vers|à|dès|jusqu['’]à|à\s+partir\s+de)\s+(?P<hour>[01]?\d|2[0-3])\s+heures?(?:\s+(?P<minute>[0-5]\d))?(?![\w])"
            r"(?:\s+(?P<ampm>du\s+matin|du\s+soir|de\s+l['’]après-midi))?",
            re.I,
        ),
    ),
    ("noon", re.compile(r"\b(?:(?:à|vers|dès|avant|après|jusqu['’]à)\s+)(?P<noon>midi|minuit)\b", re.I)),
    (
        "season",
        re.compile(
            rf"\b(?P<det>l['’]|cet|ce|en|au)\s*(?P<season>été|hiver|automne|printemps)\b(?:\s+(?P<rel>dernier|prochain)|\s+(?:de\s+l['’]année\s+)?{_YEAR}\b)?",
            re.I,
        ),
    ),
    (
        "daypart_ctx",
        re.compile(
            r"\b(?:dans |durant |pendant |au cours de )?(?:la |le |l['’])(?P<daypart>nuit|soirée|matinée|après-midi|matin même|soir même)(?P<last>\s+dernière)?\b",
            re.I,
        ),
    ),
    ("bare_year", re.compile(r"(?<![\d,.\-/])\b(?P<year>19[5-9]\d|20[0-4]\d)\b(?![\d\-/]|[,.]\d)")),
    (
        "recent",
        re.compile(
            rf"\b(?:ces|les|des)\s+(?:tout\s+)?(?:(?P<qty>\d+|{_NUMBER_WORDS})(?P<alt>\s+(?:ou|à)\s+(?:\d+|{_NUMBER_WORDS}))?\s+)?"
            r"(?:(?P<rel>derniers|dernières|prochains|prochaines|premiers|premières)\s+(?P<unit>jours|semaines|mois|années|ans|heures|minutes|"
            r"secondes|trimestres|décennies|siècles)|(?P<unit2>jours|semaines|mois|années|heures|décennies)\s+à\s+venir)\b",
            re.I,
        ),
    ),
    (
        "since_duration",
        re.compile(
            rf"\b(?P<since>depuis|pendant|durant|il y a|voici|voilà|en|dans|après|pour)\s+{_MOD}{_AMOUNT}\b", re.I
        ),
    ),  # noqa: E501
    ("duration", re.compile(rf"\b{_MOD}{_AMOUNT}\b", re.I)),
    (
        "fixed_duration",
        re.compile(
            r"\b(?P<fixed>une demi-heure|une demi-journée|un quart d['’]heure|trois quarts d['’]heure|un demi-siècle|un quart de siècle|quinquennat|septennat)\b",
            re.I,
        ),
    ),
    (
        # `les années 90`, `des années 1960`, `au début des années soixante`: a decade
        "decade",
        re.compile(
            r"\b(?:(?P<part>début|fin|milieu)\s+)?(?:les|des|aux)\s+années\s+(?:(?P<dnum>(?:19|20)?[0-9]0)|(?P<dword>soixante-dix|quatre-vingt-dix|quatre-vingts?|vingt|trente|quarante|cinquante|soixante))\b(?!-)"
            r"(?:\s*(?:et|ou|à|-)\s*(?P<dnum2>(?:19|20)?[0-9]0)\b(?![\w-]))?",
            re.I,
        ),
    ),
    (
        # `le XIXe siècle`, `au 20e siècle`, `au début du XXe siècle`: a century
        "century",
        re.compile(
            r"\b(?:(?P<part>[Dd]ébut|[Ff]in|[Mm]ilieu)\s+d[ue]\s+)?(?:(?P<roman>[IVX]{1,5})|(?P<cnum>[12]?\d))\s?(?:e|è|ème|eme)\s+siècle\b"
        ),
    ),
    (
        # `le premier trimestre 2001`, `au troisième trimestre`, `le second semestre de l'année 2002`
        "quarter",
        re.compile(
            rf"\b{_ORDINAL}\s+(?P<qunit>trimestre|semestre)(?:\s+(?:de\s+l['’]année\s+|de\s+)?{_YEAR})?\b",
            re.I,
        ),
    ),
    (
        # `(à) la fin de l'année`, `début du mois prochain`, `en fin de semaine`, `le début de l'année dernière`
        "part_period",
        re.compile(
            rf"\b(?:(?:la|le|en|au)\s+)?(?P<part>début|fin|milieu|courant)\s+(?:de\s+la\s+|du\s+|de\s+l['’]|d['’]|de\s+)(?P<period>semaine|mois|année|an|trimestre|week-end){_REL_AFTER}\b",
            re.I,
        ),
    ),
    (
        # `en fin de matinée`, `en début d'après-midi`, `dans la soirée`, `à la mi-journée`, `en soirée`
        "part_day",
        re.compile(
            r"\b(?:(?:en|au|à la|dans la|la|le)\s+(?P<part>début|fin|milieu)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|de\s+|d['’])\s*|(?:en|à la\s+mi-)\s*)(?P<daypart>matinée|après-midi|soirée|journée|nuit)\b",
            re.I,
        ),
    ),
    (
        # `la veille`, `le lendemain matin`, `le jour même`, `ce jour-là`: a day counted from the last one named
        "anaphoric",
        re.compile(
            r"\b(?P<ana>la veille|l['’]avant-veille|le lendemain|le surlendemain|le jour même|le même jour|ce jour-là|dans la journée|(?:à\s+)?ce moment-?\s?là|au même moment|le jour (?:suivant|d['’]après|précédent|d['’]avant))(?:\s+(?:au\s+)?(?P<daypart>matin|midi|après-midi|soir))?\b",
            re.I,
        ),
    ),
    (
        # `de 1995 à 1999`, `1999-2000`, `la saison 2002/2003`: both years
        "year_range",
        re.compile(
            r"(?<![\d\-])\b(?:(?:de|depuis)\s+)?(?P<y1>1[89]\d\d|20\d\d)\s*(?:à|au|jusqu['’]en|-|–|/)\s*(?P<y2>1[89]\d\d|20\d\d)\b(?![\d\-/]|[,.]\d)",
            re.I,
        ),
    ),
    (
        # `samedi 15`, `le mardi 3`: a weekday and a day of a month the text leaves to the reader
        "weekday_day",
        re.compile(rf"\b{_WEEKDAY}\s+(?P<day>1er|[0-3]?\d)(?![/.]\d)(?!\s*[hH]\b)(?!\s+heures?\b){_NOT_A_COUNT}", re.I),
    ),
    (
        "rel_period",
        re.compile(
            r"\b(?P<det>la|le|l['’]|cette|ce|cet|au)\s*(?P<period>semaine|mois|an|année|week-end|trimestre|semestre|décennie|siècle)(?:-ci)?(?:\s+(?P<rel>dernière|dernier|prochaine|prochain|passée|passé|précédente|précédent|suivante|suivant|en cours))?\b",
            re.I,
        ),
    ),  # noqa: E501
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<ce>ce|dès ce|depuis)\s+)?{_WEEKDAY}(?:\s+{_DAYPART})?(?:\s+(?P<rel>dernier|prochain|passé|précédent|suivant))?\b",
            re.I,
        ),
    ),  # noqa: E501
    (
        "rel_day",
        re.compile(
            r"\b(?P<word>avant-hier|après-demain|aujourd['’]hui|hier|demain)(?:\s+(?P<daypart>matin|midi|après-midi|soir|soirée))?\b",
            re.I,
        ),
    ),  # noqa: E501
    (
        "this_part",
        re.compile(r"\b(?P<this>ce|cette|cet)\s+(?P<daypart>matin|soir|nuit|après-midi|matinée|soirée)\b", re.I),
    ),  # noqa: E501
    (
        "holiday",
        re.compile(
            r"\b(?:le\s+|du\s+|au\s+|la\s+|à\s+)?(?<!-)(?P<holiday>nouvel an|jour de l['’]an|saint-sylvestre|réveillon (?:de noël|du nouvel an)|noël|toussaint|saint-valentin|halloween|fête de la musique|saint-nicolas|épiphanie|chandeleur|assomption|fête du travail|saint-patrick)(?:\s+(?P<year>1[89]\d\d|20\d\d))?(?![\w-])",
            re.I,
        ),
    ),  # noqa: E501
    (
        "ref",
        re.compile(
            r"\b(?P<ref>récemment|dernièrement|auparavant|nouvellement|bientôt|prochainement|sous peu|désormais|dorénavant|actuellement|à présent|jusqu['’]à présent|en ce moment|à ce jour|de nos jours|pour l['’]instant|pour le moment|pour l['’]heure|à l['’]heure actuelle|ces derniers temps|naguère|jadis|autrefois|ultérieurement|à l['’]avenir|dans l['’]avenir|dans le passé|par le passé)\b",
            re.I,
        ),
    ),  # noqa: E501
    (
        "year",
        re.compile(
            rf"\b(?P<cue>en|depuis|dès|de|d['’]|jusqu['’]en|jusqu['’]à|d['’]ici(?:\s+à)?|à\s+partir\s+de|avant|après|l['’]année|année|l['’]an|entre|et|fin|début|mi-|courant|printemps|été|automne|hiver)\s*{_YEAR}\b",
            re.I,
        ),
    ),  # noqa: E501
]
# What makes a number that could be a year (1950–2049) a count: a plural noun or a unit after it (`2000
# soldats`, `2019 km`), a quantifier before it (`plus de 2000`), a second number after it (`de 2000 à 3000`),
# a number sign. A singular word, a verb or a name after it leaves it a year (`l'édition 2019 se tiendra`,
# `les 24 Heures du Mans 1970 grâce à`, `un châssis de 1981 concocté par`).
_PLURAL_OR_UNIT_AFTER = re.compile(
    r"^[\s\u00a0]*(?:(?!(?:ans|dans|sous|sans|depuis|plus|moins|puis|mais|alors|lors|très|après|vers|dès|tous|toutes|"
    r"nous|vous|ils|elles|les|des|ses|ces|mes|tes|nos|vos|leurs|pas|jamais|toujours|ailleurs|selon|hors|parmi|"
    r"chez|jusqu|près|avions|avaient|étaient|seraient|auraient|fois|is|was|has|as)\b)[a-zà-ÿ][\w'’-]*[sx]\b|"
    r"(?:km|kg|ha|mm|cm|m|t|mw|kw|gw|ch|cv|l|hl|g|mg|euros?|dollars?|francs?)(?![\w'’])|[€$£%])",
    re.I,
)
_QUANTIFIER_BEFORE = re.compile(
    r"(?:\b(?:plus|moins|près|autour|au-delà|quelque|environ|les|des|ces|aux|n°|no|numéro)\s*(?:de\s*|d['’]\s*)?|"
    r"\b(?:de|à|et|entre)\s+)$",
    re.I,
)
_NUMBER_AFTER = re.compile(r"^\s*(?:à|-|–|et|ou)\s*(?!(?:19[5-9]\d|20[0-4]\d)\b)\d")  # `2014 et 2015` are years


def _counts_something(m: re.Match[str]) -> bool:
    before = m.string[max(0, m.start() - 14) : m.start()]
    after = m.string[m.end() : m.end() + 30]
    if _PLURAL_OR_UNIT_AFTER.match(after) or _NUMBER_AFTER.match(after):
        return True
    quantified = _QUANTIFIER_BEFORE.search(before)
    return quantified is not None and not re.match(r"\s*(?:de|entre|à|et)\s+$", quantified.group(0), re.I)


# A reading that says "no temporal expression here, nor in any part of this span": `24 Heures du Mans`
# (a race), `Il y a des jours où` (there are days when), `le Journal du dimanche` (a newspaper).
NOT_TIME = ("", {})
_THAT_AFTER = re.compile(r"\s*(?:que\b|qu['’])")
_WHERE_AFTER = re.compile(r"\s*(?:où|qui|dont)\b")
# a person or a young animal `de N mois/semaines/jours` is an age: `un bébé de 16 mois`
_YOUNG_BEFORE = re.compile(
    r"\b(?:bébé|nourrisson|nouveau-né|enfant|fillette|garçonnet|petite?|fils|fille|chiot|chaton|poulain|"
    r"âgée?|l['’]âge)s?\s+(?:âgée?s?\s+)?d[e'’]\s*$",
    re.I,
)


_TITLE_BEFORE = re.compile(r"\b(?:[A-Z][\w'’-]+|journal)\s+du\s+$")


def _not_a_duration(g: dict, unit: str, since: str, m: re.Match[str]) -> bool:
    """A quantity of time units that is no duration: a name (`les 24 Heures du Mans`: the unit capitalised
    inside a sentence), an age (`un bébé de 16 mois`), an ordinal (`une seconde injection`: `une seconde`
    without a preposition of time), existential `il y a des jours où`."""
    unit_text = g["unit"]
    if unit_text[0].isupper() and not unit_text.isupper():
        return True
    if unit in ("M", "W", "D") and not since and _YOUNG_BEFORE.search(m.string[max(0, m.start() - 30) : m.start()]):
        return True
    if unit == "S" and not since and g.get("qty", "").lower() == "une" and not g.get("half"):
        after_de = re.search(r"\bd(?:['’]|e\s)\s*$", m.string[max(0, m.start() - 4) : m.start()])
        return not after_de or bool(_NOT_A_YEAR_AFTER.match(m.string[m.end() : m.end() + 30]))  # `d'une seconde chance`
    return since == "il y a" and g.get("qty", "").lower() == "des" and bool(_WHERE_AFTER.match(m.string, m.end()))


_MONTH_NAMES = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
)
_WEEKDAY_NAMES = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_DAY_NUMBER = r"(?:1er|[0-3]?\d)"
# Days counted from Easter Sunday (`Pâques`): the movable feasts of the French calendar
_EASTER_OFFSETS = {
    "pâques": 0,
    "lundi de pâques": 1,
    "vendredi saint": -2,
    "ascension": 39,
    "pentecôte": 49,
    "lundi de pentecôte": 50,
    "mardi gras": -47,
    "mercredi des cendres": -46,
}

# Round 3 (issue 24 part 4, second pass): classes of French expressions found missing on unseen text.
_PATTERNS += [
    # `septembre`, `la rentrée de septembre`, `entre août et octobre`: a month named alone, in lower case;
    # capitalised only where a sentence starts (`Mars`, `Mai` inside a sentence are a planet, a name)
    ("bare_month", re.compile(rf"(?<![\w\-])(?:(?P<this>ce|cet)\s+)?(?P<month>{_MONTH_NAMES})(?![\w\-])")),
    (
        "bare_month",
        re.compile(
            r"(?:^|(?<=[.!?\n]\s)|(?<=\n))(?P<month>Janvier|Février|Avril|Juin|Juillet|Août|Septembre|Octobre|"
            r"Novembre|Décembre)(?![\w\-])"
        ),
    ),
    # `la nuit de samedi à dimanche`, `dans la nuit du 27 au 28 avril`, `la soirée de mardi`: a part of the
    # (first) day named after it
    (
        "part_of_day_of",
        re.compile(
            rf"\b(?:(?:la|l['’])\s*(?P<daypart>nuit|soirée|matinée|après-midi|journée)|(?:le|au)\s+(?P<daypart2>soir|matin))\s+(?:de|du)\s+"
            rf"(?:{_WEEKDAY}(?:\s+(?P<rel>dernier|prochain))?\s*)?(?P<day>{_DAY_NUMBER})?(?:\s+{_MONTH}(?:\s+{_YEAR})?)?"
            rf"(?:\s+(?:à|au)\s+(?:(?P<weekday2>{_WEEKDAY_NAMES})\s*)?(?P<day2>{_DAY_NUMBER})?"
            rf"(?:\s+(?P<month2>{_MONTH_NAMES})(?:\s+(?P<year2>1[89]\d\d|20\d\d))?)?)?(?![\w-])",
            re.I,
        ),
    ),
    # `maintenant` (not the participle `en maintenant`), `à l'époque`, `de l'époque`, `à cette époque`
    ("ref_now", re.compile(r"(?<!\ben )(?<!\bEn )\bmaintenant\b")),
    (
        "ref_epoch",
        re.compile(
            r"\b(?:(?:à|de|d['’]ici)\s+l['’]|(?:à\s+)?cette\s+|(?:à\s+)?la\s+même\s+)époque(?:-là)?(?![\w-])", re.I
        ),
    ),
    # Easter and the feasts counted from it: `Pâques`, `le lundi de Pentecôte`, `l'Ascension` (capitalised:
    # `l'ascension du Mont-Blanc` is a climb), `mardi gras`
    (
        "easter",
        re.compile(
            r"\b(?P<feast>(?:[Ll]undi\s+de\s+)?(?:Pâques|Pentecôte)|(?<=l['’])Ascension|[Mm]ardi\s+gras|"
            rf"[Vv]endredi\s+saint|[Mm]ercredi\s+des\s+[Cc]endres)(?:\s+{_YEAR})?(?![\w-])"
        ),
    ),
    # `le 20/11`, `du 05/07 au 08/07`: a day and a month in figures, after a word that announces a day
    (
        "day_slash_month",
        re.compile(
            rf"\b(?:le|du|au|dès\s+le|depuis\s+le|jusqu['’]au|avant\s+le|après\s+le|(?P<weekday>{_WEEKDAY_NAMES}))\s+"
            r"(?P<day>[0-3]?\d)/(?P<mnum>[01]?\d)"
            r"\b(?![/.]\d)",
            re.I,
        ),
    ),
    # `le 17, 18 ou 19 juillet`, `les 3, 4 et 5 mai`, `le 22, le 23, le 30 ou le 31 mars`: each day a date
    (
        "day_list",
        re.compile(
            rf"\b(?:les?\s+)?{_DAY_NUMBER}(?:\s*,\s*(?:le\s+)?{_DAY_NUMBER}){{1,6}}\s*,?\s*(?:et|ou)\s+(?:le\s+)?{_DAY_NUMBER}"
            rf"\s+{_MONTH}(?:\s+{_YEAR})?(?:\s+(?P<rel>derniers?|prochains?))?\b",
            re.I,
        ),
    ),
]
_HOUR_WORDS = {
    "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "dix-sept": 17, "dix-huit": 18,
    "dix-neuf": 19, "vingt": 20, "vingt et une": 21, "vingt-deux": 22, "vingt-trois": 23,
}  # fmt: skip
_HOUR_WORD = "|".join(sorted(_HOUR_WORDS, key=len, reverse=True))
_TIME_CUE = r"(?:vers|à|dès|jusqu['’]à|avant|après|à\s+partir\s+de)"  # not `de`: `retardé de trois heures`
_SPECIAL_DAYPARTS = {
    "l'aube": "MO",
    "le petit matin": "MO",
    "le petit jour": "MO",
    "le lever du jour": "MO",
    "la tombée de la nuit": "EV",
    "la nuit tombée": "EV",
    "le crépuscule": "EV",
    "la pleine nuit": "NI",
}
_ORDINAL_NTH = {
    "premier": 1, "première": 1, "1er": 1, "1re": 1, "deuxième": 2, "second": 2, "seconde": 2, "2e": 2,
    "troisième": 3, "3e": 3, "quatrième": 4, "4e": 4, "dernier": -1, "dernière": -1,
}  # fmt: skip
_WHOLE = {"journée": "P1D", "semaine": "P1W", "mois": "P1M", "année": "P1Y", "an": "P1Y", "week-end": "P1WE"}
_FREQUENCY_ADVERBS = {
    "quotidiennement": "P1D",
    "hebdomadairement": "P1W",
    "mensuellement": "P1M",
    "annuellement": "P1Y",
}
_PATTERNS += [
    # `les mercredis`, `les lundis matin`: every such day
    (
        "set",
        re.compile(
            rf"\b(?:les|des)\s+(?:(?P<weekday>{_WEEKDAY_NAMES})s(?:\s+(?P<daypart>matin|soir)s?)?|(?P<setunit>week-ends))\b",
            re.I,
        ),
    ),
    # `quotidiennement`, `24 heures sur 24`, `7 jours sur 7`, `24h/24`
    ("frequency", re.compile(r"\b(?P<adverb>quotidiennement|hebdomadairement|mensuellement|annuellement)\b", re.I)),
    (
        "round_the_clock",
        re.compile(
            r"\b(?:(?P<allday>24\s*(?:heures|h)\s*(?:sur\s+|/\s*)24(?:\s*h\b)?)|(?P<allweek>7\s*(?:jours|j)\s*(?:sur\s+|/\s*)7)\b)",
            re.I,
        ),
    ),
    # `toute la journée`, `tout le mois`, `la journée entière`, `tout au long de l'année`: a whole period
    (
        "whole_period",
        re.compile(
            r"\b(?:tout(?:e)?\s+(?:au\s+long\s+de\s+)?(?:la|le|l['’])\s*(?P<whole>journée|semaine|mois|année|an|week-end)"
            r"|(?:la|l['’])\s*(?P<whole2>journée|semaine|année)\s+entière)"
            r"(?!\s+(?:d[eu]\b|d['’]|prochaine?|dernière?|suivante?|précédente?|passée?|en\s+cours))(?![\w-])",
            re.I,
        ),
    ),
    # `la dernière semaine`, `le prochain trimestre`, `la précédente décennie`: a period before its adjective
    (
        "rel_period_before",
        re.compile(
            r"\b(?:la|le|l['’]|cette|ce)\s*(?P<rel>dernière|dernier|prochaine|prochain|précédente|précédent)\s+"
            r"(?P<period>semaine|mois|année|an|décennie|trimestre|semestre|week-end|siècle)"
            r"(?!\s+(?:d[eu]\b|d['’]|des\b)|[\w-])",
            re.I,
        ),
    ),
    # `la dernière semaine de juillet`, `le premier dimanche de mai`, `le premier week-end d'août`
    (
        "nth_of_month",
        re.compile(
            r"\b(?:la|le)\s+(?P<nth>premier|première|1er|1re|deuxième|second|seconde|2e|troisième|3e|quatrième|4e|"
            rf"dernier|dernière)\s+(?P<what>semaine|week-end|{_WEEKDAY_NAMES})\s+(?:de|d['’]|du\s+mois\s+d(?:e\s+|['’]))\s*"
            rf"{_MONTH}(?:\s+{_YEAR})?\b",
            re.I,
        ),
    ),
    # `à 15:30`, `vers dix heures`, `à 8 heures et demie`, `midi et demi`: times of day written otherwise
    (
        "clock_colon",
        re.compile(
            rf"\b(?:{_TIME_CUE}\s+)?(?<![:\d])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::[0-5]\d)?(?![\d:])(?!\s*(?:min|mn)\b)",
            re.I,
        ),
    ),
    (
        "clock_words",
        re.compile(
            rf"\b{_TIME_CUE}\s+(?P<hword>{_HOUR_WORD})\s+heures?"
            r"(?:\s+(?P<frac>et\s+demie|et\s+quart|moins\s+le\s+quart))?(?![\w-])(?!\s+d(?:[eu]\s|['’]))",  # `à trois heures d'avion`
            re.I,
        ),
    ),
    (
        "clock_words",
        re.compile(
            rf"\b(?:{_TIME_CUE}\s+)?(?P<hour>[01]?\d|2[0-3])\s*(?:h|heures?)\s+(?P<frac>et\s+demie|et\s+quart|moins\s+le\s+quart)"
            r"(?![\w-])",
            re.I,
        ),
    ),
    (
        "clock_words",
        re.compile(r"\b(?P<noon>midi|minuit)\s+(?P<frac>et\s+demie?|et\s+quart|moins\s+le\s+quart)\b", re.I),
    ),
    (
        "special_daypart",
        re.compile(
            r"\b(?P<special>[Ll]['’]aube|[Ll]e\s+petit\s+matin|[Ll]e\s+petit\s+jour|[Ll]e\s+lever\s+du\s+jour|"
            r"[Ll]a\s+tombée\s+de\s+la\s+nuit|[Ll]a\s+nuit\s+tombée|[Ll]e\s+crépuscule)\b(?!\s+d[eu]\b|\s+des\b)"
            r"|\b[Aa]u\s+(?P<special2>petit\s+matin|petit\s+jour|lever\s+du\s+jour|crépuscule)\b"
            r"|\b[Ee]n\s+(?P<special3>pleine\s+nuit)\b",
        ),
    ),
    # `au lendemain de l'attaque`, `à la veille du sommet`: the day after (before) an event, told that day
    (
        "event_day",
        re.compile(
            r"\b(?:au|du)\s+(?P<ana>lendemain|surlendemain)\s+(?=d[eu]\b|des\b|d['’])"
            r"|\bà\s+(?P<ana2>la\s+veille|l['’]avant-veille)\s+(?=d[eu]\b|des\b|d['’])",
            re.I,
        ),
    ),
    # `la même année`, `cette année-là`, `l'année d'après`, `le même mois`, `ce mois-là`: the year (month)
    # last named; with none, the publication's
    (
        "same_period",
        re.compile(
            r"\b(?:(?:la|le)\s+même\s+(?P<same>année|mois|semaine)|(?:cette|ce)\s+(?P<that>année|mois|semaine)-là"
            r"|(?:l['’]|le\s+|la\s+)(?P<after>année|mois|semaine)\s+(?:d['’](?P<side>après|avant)|(?P<follows>qui\s+(?:suit|suivait|a\s+suivi)))"
            r")(?![\w-])",
            re.I,
        ),
    ),
    # `en 98`, `depuis 95`, `dès 2002` written `dès 02`: a year in two figures after a cue of time
    (
        "year_two_digits",
        re.compile(rf"\b(?P<cue>en|depuis|dès|jusqu['’]en)\s+(?P<yy>\d\d)(?!\s*%){_NOT_A_COUNT}", re.I),
    ),
    # `entre 14 et 16 heures`, `de 9 à 12 h`: two times of day, the unit written once
    (
        "clock_range",
        re.compile(
            r"\b(?:entre|de)\s+(?P<h1>[01]?\d|2[0-3])\s+(?:et|à)\s+(?P<h2>[01]?\d|2[0-3])\s*(?:h\b|heures\b)(?!\s*\d)",
            re.I,
        ),
    ),
    # `en 2 h 30`, `pendant 1 h 45`: hours and minutes after a preposition of duration are a duration
    (
        "clock_duration",
        re.compile(
            r"\b(?P<cue>en|pendant|durant|dans|plus\s+de|moins\s+de|près\s+de)\s+(?P<hour>\d{1,2})\s?h\s?(?P<minute>[0-5]\d)\b",
            re.I,
        ),
    ),
    # `les mois qui viennent`, `les dix années écoulées`, `les dernières 24 heures`, `plus tard dans la journée`
    (
        "recent_more",
        re.compile(
            rf"\b(?:ces|les|des)\s+(?:(?P<rel>derniers|dernières|prochains|prochaines)\s+)?(?:(?P<qty>\d+|{_NUMBER_WORDS})\s+)?"
            r"(?P<unit>jours|semaines|mois|années|ans|heures|minutes|décennies)"
            r"(?:\s+(?P<after>qui\s+viennent|qui\s+suivent|écoulée?s|passée?s))?\b",
            re.I,
        ),
    ),
    (
        "earlier_later",
        re.compile(
            r"\b(?:plus\s+)?(?:tôt|tard)\s+dans\s+(?:la\s+|l['’]|le\s+)(?P<period>semaine|année|mois|journée|soirée|nuit|"
            r"matinée|après-midi)\b",
            re.I,
        ),
    ),
    # `les deuxième et quatrième jeudis de chaque mois`, `le premier lundi du mois`, `chaque premier mardi du mois`:
    # a weekday of every month
    (
        "nth_weekday_set",
        re.compile(
            r"\b(?:les?|chaque)\s+(?P<nth>(?:premier|1er|deuxième|second|2e|troisième|3e|quatrième|4e|dernier)"
            r"(?:\s*(?:,|et)\s*(?:premier|1er|deuxième|second|2e|troisième|3e|quatrième|4e|dernier)){0,4})\s+"
            rf"(?P<weekday>{_WEEKDAY_NAMES})s?(?=\s+(?:de\s+chaque\s+mois|du\s+mois|de\s+tous\s+les\s+mois)\b)",
            re.I,
        ),
    ),
    # `ces jours-ci`, `ces temps-ci`; `d'aujourd'hui`, `aujourd'hui encore`: the present, not the day
    (
        "ref_present",
        re.compile(
            r"\b(?:ces\s+(?:jours|temps)-ci|d['’]aujourd['’]hui|aujourd['’]hui\s+encore|encore\s+aujourd['’]hui)\b",
            re.I,
        ),
    ),
    # `le reste de la semaine`, `le reste de l'année`
    (
        "rest_of",
        re.compile(r"\ble\s+reste\s+(?:de\s+la|de\s+l['’]|du)\s*(?P<period>semaine|année|mois|journée)\b", re.I),
    ),
]
_MONTH_TRIGGERS = (
    "jan",
    "fév",
    "fev",
    "mar",
    "avr",
    "mai",
    "juin",
    "juil",
    "aoû",
    "aou",
    "sep",
    "oct",
    "nov",
    "déc",
    "dec",
)
_WEEKDAY_TRIGGERS = tuple(WEEKDAYS)
_DAYPART_TRIGGERS = ("nuit", "soir", "matin", "après-midi", "journée")
# Words without one of which a pattern cannot match (lower case): a pattern none of whose words the text holds
# is not run, so that the rarer classes cost a substring test on most texts, not a regular-expression scan.
_TRIGGERS = {
    "set": ("chaque", "tous les", "toutes les", "lundis", "mardis", "mercredis", "jeudis", "vendredis", "samedis",
            "dimanches", "week-ends"),
    "per_unit": ("par",),
    "weekday_date": _WEEKDAY_TRIGGERS,
    "weekday_day": _WEEKDAY_TRIGGERS,
    "weekday": _WEEKDAY_TRIGGERS,
    "part_month": _MONTH_TRIGGERS,
    "month_year": _MONTH_TRIGGERS,
    "month_rel": _MONTH_TRIGGERS,
    "month_cue": _MONTH_TRIGGERS,
    "day_month": _MONTH_TRIGGERS,
    "day_range": _MONTH_TRIGGERS,
    "day_list": _MONTH_TRIGGERS,
    "bare_month": _MONTH_TRIGGERS,
    "nth_of_month": _MONTH_TRIGGERS,
    "part_year": ("début", "fin", "mi-", "courant", "milieu"),
    "noon": ("midi", "minuit"),
    "clock_colon": (":",),
    "clock_words": ("heure", "midi", "minuit", "demi", "quart"),
    "season": ("été", "hiver", "automne", "printemps"),
    "daypart_ctx": _DAYPART_TRIGGERS,
    "part_day": _DAYPART_TRIGGERS,
    "part_of_day_of": _DAYPART_TRIGGERS,
    "this_part": _DAYPART_TRIGGERS,
    "special_daypart": ("aube", "petit matin", "petit jour", "lever du jour", "tombée", "crépuscule", "pleine nuit"),
    "recent": ("dernier", "dernière", "prochain", "à venir", "premier", "première"),
    "rel_period_before": ("dernier", "dernière", "prochain", "précédent"),
    "fixed_duration": ("demi", "quart", "quinquennat", "septennat"),
    "decade": ("années",),
    "century": ("siècle",),
    "quarter": ("trimestre", "semestre"),
    "part_period": ("début", "fin", "milieu", "courant"),
    "anaphoric": ("veille", "lendemain", "même", "jour-là", "journée", "moment", "jour suivant", "jour précédent",
                  "jour d'", "jour d’"),
    "event_day": ("lendemain", "veille"),
    "rel_day": ("hier", "demain", "aujourd"),
    "holiday": ("noël", "toussaint", "nouvel an", "jour de l", "sylvestre", "réveillon", "valentin", "halloween",
                "musique", "nicolas", "épiphanie", "chandeleur", "assomption", "travail", "patrick"),
    "easter": ("pâques", "pentecôte", "ascension", "gras", "saint", "cendres"),
    "ref_now": ("maintenant",),
    "ref_epoch": ("époque",),
    "day_slash_month": ("/",),
    "frequency": ("quotidiennement", "hebdomadairement", "mensuellement", "annuellement"),
    "round_the_clock": ("sur 24", "/24", "/ 24", "sur 7", "/7", "/ 7"),
    "whole_period": ("tout", "entière"),
    "same_period": ("même", "-là", "d'après", "d'avant", "d’après", "d’avant", "qui suit", "qui a suivi"),
    "rest_of": ("reste",),
    "nth_weekday_set": ("mois",),
    "ref_present": ("-ci", "aujourd"),
    "year_two_digits": ("en ", "depuis", "dès", "jusqu"),
    "clock_range": ("h",),
    "clock_duration": ("h",),
    "recent_more": ("dernier", "dernière", "prochain", "viennent", "suivent", "écoulé", "passé"),
    "earlier_later": ("tôt", "tard"),
}  # fmt: skip

# `le 22` after `le 12 septembre`: a day number alone, of the month last named (second pass)
_BARE_DAY = re.compile(
    rf"\b(?:le|du|au|dès\s+le|depuis\s+le|jusqu['’]au|avant\s+le|après\s+le|à\s+partir\s+du)\s+(?P<day>1er|[1-9]|[12]\d|3[01])"
    rf"(?![\w,.]?\d)(?!\s*(?:[hH]\b|heures?\b|%|°)){_NOT_A_COUNT}",
    re.I,
)
_BARE_DAY_REACH = 300
_STREET_BEFORE = re.compile(
    r"\b(?:rue|place|avenue|av\.|boulevard|bd|quai|cours|square|pont|allée|impasse|lycée|collège|école|stade|parc|"
    r"promenade|esplanade|carrefour|rond-point)\s+(?:du\s+)?$",
    re.I,
)

# `une peine de deux ans`, `un mandat de cinq ans`: a noun that measures time before `de N ans` makes it a
# duration, not an age (`un homme de 38 ans`)
_DURATION_NOUN_BEFORE = re.compile(
    r"\b(?:peine|prison|mandat|délai|durée|contrat|période|épreuve|sursis|bail|interdiction|suspension|garantie|"
    r"absence|retard|exil|détention|réclusion|emprisonnement|règne|carrière|mission|stage|formation|séjour|congé|"
    r"pause|trêve|moratoire|programme|plan|engagement|gel|attente|travaux|chantier|procès|enquête|guerre|conflit|"
    r"crise|occupation|présidence|captivité|silence|exclusion|bannissement|inéligibilité)s?"
    r"(?:\s+(?:ferme|avec\s+sursis|supplémentaire|maximale?|minimale?|totale?))?\s+d[e'’]\s*$",
    re.I,
)
# an age in apposition ends where it began (`Jean, 38 ans, a été`, `(54 ans)`); `, un an après la tragédie` goes on
_NO_APPOSITION = re.compile(r"\s+(?:après|avant|plus\s+tard|plus\s+tôt|auparavant|durant|pendant|jour\s+pour\s+jour)\b")
_AGE_BEFORE = re.compile(r"(?:\bde|\(|,|\bâgée?s? de|\ba|\bavait|\baura|\bmoins de|\bplus de|\bles)\s*$", re.I)
_NOT_A_YEAR_AFTER = re.compile(
    r"^\s+(?!(?:et|à|au|aux|en|pour|dans|puis|par|contre|avec|après|avant|lors|ou|où|selon|sur|quand|lorsque|alors|mais|le|la|les|l['’]|un|une|de|des|du|d['’])\b)[a-zà-ÿ]{2,}",
    re.I,
)  # noqa: E501


# Columns every table of temporal expressions starts with (raw `timex` and resolved `dates`).
SPAN_COLUMNS = {
    "date_id": pl.String,
    "article_id": pl.String,
    "sentence_idx": pl.Int32,
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "surface": pl.String,
    "timex_type": pl.String,
}


@dataclass(frozen=True)
class TimexMention:
    """One tagged expression: span over the text and its symbolic reading."""

    start: int
    end: int
    surface: str
    timex_type: str
    reading: dict


def _overlaps(taken: bytearray, start: int, end: int) -> bool:
    """Whether any character of [start, end) is already in a tagged span (a mask over the text, so that
    each test costs the span's length, not the number of spans tagged so far)."""
    return 1 in taken[start:end]


def _take(taken: bytearray, start: int, end: int) -> None:
    taken[start:end] = b"\x01" * (end - start)


def _rel_offset(rel: str) -> int:
    """-1 for `dernier`, `passé`, `précédent`; +1 for `prochain`, `suivant`; 0 otherwise (`en cours`, none)."""
    return -1 if rel.startswith(("dern", "pass", "précéd")) else 1 if rel.startswith(("proch", "suiv")) else 0


def _day(text: str) -> int:
    return 1 if text.lower() == "1er" else int(text)


def _reading(kind: str, m: re.Match[str]) -> tuple[str, dict] | None:
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    year = int(g["year"]) if "year" in g else None
    month = MONTHS.get(g.get("month", "").lower()) if "month" in g else None
    if kind in ("numeric", "iso"):
        if year is None:  # `12/05/01`
            year = 1900 + int(g["yy"]) if int(g["yy"]) >= 50 else 2000 + int(g["yy"])
        month = int(g["mnum"])
        day = int(g["day"])
        if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None
        return "DATE", {"kind": "date", "year": year, "month": month, "day": day}
    if kind == "weekday_date":
        r = {
            "kind": "date",
            "year": year,
            "month": month,
            "day": _day(g["day"]),
            "weekday": WEEKDAYS[g["weekday"].lower()],
        }
        if "daypart" in g:
            r["daypart"] = _DAY_PARTS[g["daypart"].lower()]
        return ("TIME" if "daypart" in g else "DATE"), r
    if "yy" in g:  # `octobre 98`, `le 10 novembre 93`
        yy = int(g["yy"])
        year = 1900 + yy if yy >= 50 else 2000 + yy
    rel = (g.get("rel") or "").lower()
    if kind == "day_month":
        day = _day(g["day"])
        if not 1 <= day <= 31:
            return None
        reading = {"kind": "date", "year": year, "month": month, "day": day}
        if rel and year is None:
            reading["direction"] = _rel_offset(rel)
        return "DATE", reading
    if kind == "month_year":
        return "DATE", {"kind": "date", "year": year, "month": month}
    if kind in ("month_rel", "month_cue"):
        reading = {"kind": "date", "year": year, "month": month}
        if year is not None:  # `le mois d'avril 2018`, `depuis mars 2017`
            return "DATE", reading
        if rel:
            reading["direction"] = _rel_offset(rel)
        elif (g.get("cue") or "").lower() == "depuis":  # `depuis mars`: a state that began in a past March
            reading["direction"] = -1
        return "DATE", reading
    if kind in ("clock", "clock_colon"):
        minute, hour = int(g.get("minute") or 0), int(g["hour"])
        if g.get("ampm") and not g["ampm"].lower().endswith("matin") and hour < 12:
            hour += 12  # `à 8 h du soir`
        return "TIME", {"kind": "clock", "hour": hour, "minute": minute}
    if kind == "noon":
        return "TIME", {"kind": "clock", "hour": 12 if g["noon"].lower() == "midi" else 0, "minute": 0}
    if kind == "season":
        code = {"été": "SU", "hiver": "WI", "automne": "FA", "printemps": "SP"}[g["season"].lower()]
        this = g["det"].lower() in ("cet", "ce")
        offset = _rel_offset(rel)
        if year is not None:  # `l'été 1999`, `au printemps 2000`
            return "DATE", {"kind": "value", "value": f"{year}-{code}", "mod": None}
        return "DATE", {"kind": "season", "season": code, "anchored": this or bool(rel), "offset": offset}
    if kind == "daypart_ctx":
        daypart = _DAY_PARTS[g["daypart"].split()[0].lower()]
        if "last" in g:  # `la nuit dernière`: the night before
            return "TIME", {"kind": "rel_day", "offset": -1, "daypart": daypart}
        return "TIME", {"kind": "clock", "daypart": daypart}
    if kind == "bare_year":
        if _counts_something(m):
            return None  # `2000 soldats`, `de 2000 à 3000`, `plus de 2000`: a count
        return "DATE", {"kind": "date", "year": year}
    if kind == "recent":  # `ces derniers jours`, `les trois derniers mois`, `les prochaines années`, `les mois à venir`
        unit = _UNITS[(g.get("unit") or g["unit2"]).lower()]
        number = parse_number(g["qty"]) if "qty" in g and "alt" not in g else None  # `ces deux ou trois dernières`
        qty = "X" if number is None else f"{number:g}"
        return "DURATION", {"kind": "duration", "value": _duration_value(qty, unit), "mod": None}
    if kind in ("part_month", "part_year"):
        part = g["part"].lower().rstrip("-")
        mod = {"début": "START", "fin": "END", "mi": "MID", "milieu": "MID", "courant": None}[part]
        reading = {"kind": "date", "year": year, "month": month, "mod": mod}
        if rel:  # `fin mars dernier`
            reading["direction"] = _rel_offset(rel)
        return "DATE", reading
    if kind == "year":
        cue = g.get("cue", "").lower()
        if _NOT_A_YEAR_AFTER.match(m.string[m.end() : m.end() + 30]) and cue in ("de", "d'", "d’", "entre", "et"):
            return None
        return "DATE", {"kind": "date", "year": year, "since": cue == "depuis"}
    if kind in ("since_duration", "duration"):
        qty_text = g["approx"].split()[-1].lower() if "approx" in g else g["qty"].lower()
        qty = {"quelques": "X", "plusieurs": "X", "des": "X", "dizaines": "X", "centaines": "X"}.get(qty_text)
        qty = qty or _APPROX.get(qty_text)
        if qty_text in _APPROX and "mod" not in g:
            g["mod"] = "environ"
        if "half" in g and qty != "X":
            number = parse_number(qty_text) if qty is None else float(qty)
            qty = None if number is None else f"{number + 0.5:g}"
            if qty is None:
                return None
        if qty is None:
            number = parse_number(qty_text)
            if number is None:
                return None
            qty = str(int(number)) if float(number).is_integer() else str(number)
        unit = _UNITS[g["unit"].lower()]
        since = g.get("since", "").lower()
        of_what = re.match(r"\s+d[e'’]", m.string[m.end() : m.end() + 4])  # `au terme de trois ans de tractations`
        if (
            unit == "Y"
            and not since
            and not of_what
            and _AGE_BEFORE.search(m.string[max(0, m.start() - 25) : m.start()])
            and not _DURATION_NOUN_BEFORE.search(m.string[max(0, m.start() - 40) : m.start()])
            and not _NO_APPOSITION.match(m.string, m.end())
        ):
            return None  # `un homme de 38 ans`, `(54 ans)`, `les moins de 17 ans`: an age, not a time
        if unit == "Y" and "approx" in g and re.search(r"\bd['’]\s*$", m.string[max(0, m.start() - 3) : m.start()]):
            return None  # `un homme d'une quarantaine d'années`
        if _not_a_duration(g, unit, since, m):
            return NOT_TIME
        qty = qty.replace(",", ".")
        value = _duration_value(qty, unit)
        mod_text = g.get("mod", "").strip().lower()
        mod = (
            "MORE_THAN"
            if mod_text.startswith("plus") or mod_text.startswith("au moins")
            else "LESS_THAN"
            if mod_text.startswith("moins")
            else "APPROX"
            if mod_text
            else None
        )
        if since in ("il y a", "voici", "voilà") and not _THAT_AFTER.match(m.string, m.end()):
            return "DATE", {"kind": "ago", "qty": qty, "unit": unit, "mod": mod}
        return "DURATION", {"kind": "duration", "value": value, "mod": mod}  # `il y a deux ans que …`: a duration
    if kind == "rel_period":
        period = g["period"].lower()
        rel = (g.get("rel") or "").lower()
        offset = _rel_offset(rel)
        if not rel and g["det"].lower() in ("la", "le", "l'", "l’", "au"):
            return None  # "la semaine" alone is not a reference to a particular week
        unit = _PERIOD_UNITS[period]
        reading = {"kind": "rel_period", "unit": unit, "offset": offset}
        if rel.startswith(("suiv", "précéd")):
            reading["anaphoric"] = True  # `l'année suivante`: after the year last named, if any
        return "DATE", reading
    if kind == "weekday":
        if _TITLE_BEFORE.search(m.string[max(0, m.start() - 30) : m.start()]):
            return NOT_TIME  # `le Journal du dimanche`: a newspaper's name
        rel = (g.get("rel") or "").lower()
        direction = _rel_offset(rel)
        r = {"kind": "weekday", "weekday": WEEKDAYS[g["weekday"].lower()], "direction": direction}
        if "daypart" in g:
            r["daypart"] = _DAY_PARTS[g["daypart"].lower()]
        return ("TIME" if "daypart" in g else "DATE"), r
    if kind == "rel_day":
        word = g["word"].lower().replace("’", "'")
        offset = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "demain": 1, "après-demain": 2}[word]
        r = {"kind": "rel_day", "offset": offset}
        if "daypart" in g:
            r["daypart"] = _DAY_PARTS[g["daypart"].lower()]
        return ("TIME" if "daypart" in g else "DATE"), r
    if kind == "this_part":
        return "TIME", {"kind": "rel_day", "offset": 0, "daypart": _DAY_PARTS[g["daypart"].lower()]}
    if kind == "holiday":
        month, day = _HOLIDAYS[g["holiday"].lower().replace("’", "'")]
        return "DATE", {"kind": "date", "year": year, "month": month, "day": day}
    if kind == "ref":
        if re.match(r"\s+d['’](?:été|hiver)\b", m.string[m.end() : m.end() + 10]):
            return NOT_TIME  # `pour l'heure d'été`: the summer time, not `for now`
        return "DATE", {"kind": "ref", "value": _REFS[re.sub(r"\s+", " ", g["ref"].lower().replace("’", "'"))]}
    if kind in ("set", "per_unit"):
        return "SET", {"kind": "set", "value": _set_value(g)}
    return _reading_more(kind, g, m)


_PERIOD_UNITS = {
    "semaine": "W",
    "mois": "M",
    "an": "Y",
    "année": "Y",
    "week-end": "WE",
    "trimestre": "Q",
    "semestre": "H",
    "décennie": "DE",
    "siècle": "CE",
}
_SEASONS = {"été": "SU", "hiver": "WI", "automne": "FA", "printemps": "SP"}
_SET_UNITS = {"jour": "D", "semaine": "W", "mois": "M", "an": "Y", "année": "Y", "heure": "H", "minute": "MIN"}
_SET_MONTHS = {"trimestre": 3, "semestre": 6}


def _duration_value(qty: str, unit: str) -> str:
    """`P3Y`, `PT2H`, `PT10M` (minutes), `P2DE` (decades), `P1CE` (centuries), `P3Q` (quarters)."""
    return f"PT{qty}{'M' if unit == 'MIN' else unit[0]}" if unit in ("H", "MIN", "S") else f"P{qty}{unit}"


def _set_value(g: dict) -> str:
    """TIMEX3 value of a set: `chaque jeudi` XXXX-WXX-4, `tous les soirs` XXXX-XX-XXTEV, `chaque été`
    XXXX-SU, `tous les deux ans` P2Y, `deux fois par an` P1Y."""
    if g.get("weekday"):
        daypart = f"T{_DAY_PARTS[g['daypart'].lower()]}" if g.get("daypart") else ""
        return f"XXXX-WXX-{WEEKDAYS[g['weekday'].lower()] + 1}{daypart}"
    if g.get("setpart"):
        return f"XXXX-XX-XXT{_DAY_PARTS[g['setpart'].lower()]}"
    if g.get("setseason"):
        return f"XXXX-{_SEASONS[g['setseason'].lower()]}"
    unit = g["setunit"].lower()
    if unit.startswith("week-end"):
        return "XXXX-WXX-WE"
    every = (parse_number(g["every"]) if g.get("every") else 1) or 1
    singular = unit if unit == "mois" else unit.rstrip("s")
    if singular in _SET_MONTHS:  # `chaque trimestre` P3M, `tous les deux semestres` P12M
        return f"P{every * _SET_MONTHS[singular]:g}M"
    code = _SET_UNITS[singular]
    return f"PT{every:g}{code[0]}" if code in ("H", "MIN") else f"P{every:g}{code}"


def _reading_more(kind: str, g: dict, m: re.Match[str]) -> tuple[str, dict] | None:
    """Readings of the expression classes added for unseen text (decades, centuries, quarters, parts of a
    period or a day, days counted from another day, a weekday with a bare day number)."""
    if kind == "fixed_duration":
        return "DURATION", {
            "kind": "duration",
            "value": _FIXED_DURATIONS[g["fixed"].lower().replace("’", "'")],
            "mod": None,
        }
    part = (g.get("part") or "").lower()
    mod = {"début": "START", "fin": "END", "milieu": "MID"}.get(part)
    if kind == "decade":
        value = _decade_value(g["dnum"]) if "dnum" in g else f"{190 + _DECADE_WORDS[g['dword'].lower()]}X"
        return "DATE", {"kind": "value", "value": value, "mod": mod}
    if kind == "century":
        number = int(g["cnum"]) if "cnum" in g else _roman(g["roman"])
        if number is None or not 1 <= number <= 21:
            return None
        return "DATE", {"kind": "value", "value": f"{number - 1:02d}XX", "mod": mod}
    if kind == "quarter":
        half = g["qunit"].lower() == "semestre"
        n = _ORDINALS[g["ord"].lower()]
        if half and n > 2:
            return None
        return "DATE", {"kind": "quarter", "n": n, "half": half, "year": int(g["year"]) if "year" in g else None}
    if kind == "part_period":
        rel = (g.get("rel") or "").lower()
        offset = _rel_offset(rel)
        period = g["period"].lower()
        unit = {"semaine": "W", "mois": "M", "an": "Y", "année": "Y", "week-end": "WE", "trimestre": "Q"}[period]
        return "DATE", {"kind": "rel_period", "unit": unit, "offset": offset, "mod": mod or None}
    if kind == "part_day":
        daypart = g["daypart"].lower()
        if daypart == "journée":
            if not part and not m.group(0).lower().startswith("à"):
                return None  # `en journée`: by day, no particular day
            code = {"START": "MO", "END": "EV"}.get(mod or "", "MI")
        else:
            code = _DAY_PARTS[daypart]
        return "TIME", {"kind": "clock", "daypart": code}
    if kind == "anaphoric":
        ana = g["ana"].lower().replace("’", "'")
        offset = {
            "la veille": -1,
            "l'avant-veille": -2,
            "le lendemain": 1,
            "le surlendemain": 2,
            "le jour suivant": 1,
            "le jour d'après": 1,
            "le jour précédent": -1,
            "le jour d'avant": -1,
        }.get(re.sub(r"\s+", " ", ana), 0)
        r = {"kind": "anaphoric", "offset": offset}
        if "moment" in ana:  # `à ce moment-là`: the time last named, of which only the day is kept
            return "TIME", r
        if "daypart" in g:
            r["daypart"] = _DAY_PARTS[g["daypart"].lower()]
        return ("TIME" if "daypart" in g else "DATE"), r
    if kind == "weekday_day":
        day = _day(g["day"])
        if not 1 <= day <= 31:
            return None
        return "DATE", {"kind": "weekday_day", "weekday": WEEKDAYS[g["weekday"].lower()], "day": day}
    return _reading_round3(kind, g, m)


def _reading_round3(kind: str, g: dict, m: re.Match[str]) -> tuple[str, dict] | None:
    """Readings of the round-3 classes: months named alone, parts of a named day, `maintenant`, `l'époque`,
    movable feasts, days in figures without their year."""
    if kind == "bare_month":
        if re.search(r"\bpoissons?\s+d['’]$", m.string[max(0, m.start() - 12) : m.start()], re.I):
            return None  # `un poisson d'avril`: a prank
        reading = {"kind": "date", "year": None, "month": MONTHS[g["month"].lower()]}
        if g.get("this"):
            reading["direction"] = 0  # `ce septembre`: the one of the year of reference
        return "DATE", reading
    if kind == "part_of_day_of":
        daypart = (g.get("daypart") or g["daypart2"]).lower()
        code = None if daypart == "journée" else _DAY_PARTS[daypart]
        reading = _first_day_of(g)
        if reading is None:
            return None
        if code:
            reading["daypart"] = code
        if code == "NI" and ("weekday2" in g or "day2" in g):
            reading["overnight"] = True  # `la nuit de samedi à dimanche`: what follows is told of Sunday
        return ("TIME" if code else "DATE"), reading
    if kind == "ref_now":
        return "DATE", {"kind": "ref", "value": "PRESENT_REF"}
    if kind == "ref_epoch":
        return "DATE", {"kind": "ref", "value": "PAST_REF"}
    if kind == "easter":
        feast = re.sub(r"\s+", " ", g["feast"].lower())
        return "DATE", {
            "kind": "easter",
            "offset": _EASTER_OFFSETS[feast],
            "year": int(g["year"]) if "year" in g else None,
        }
    if kind == "day_slash_month":
        day, month = int(g["day"]), int(g["mnum"])
        if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]):
            return None
        reading = {"kind": "date", "year": None, "month": month, "day": day}
        if "weekday" in g:  # `vendredi 07/06`: the year in which that day is a Friday
            reading["weekday"] = WEEKDAYS[g["weekday"].lower()]
        return "DATE", reading
    return _reading_round3_more(kind, g, m)


_QUANTITY_BEFORE = re.compile(rf"(?:\d+|{_NUMBER_WORDS})\s*$", re.I)


def _reading_round3_more(kind: str, g: dict, m: re.Match[str]) -> tuple[str, dict] | None:
    """Readings of the round-3 classes of whole periods, sets, times of day and periods counted from another."""
    if kind == "frequency":
        return "SET", {"kind": "set", "value": _FREQUENCY_ADVERBS[g["adverb"].lower()]}
    if kind == "round_the_clock":
        return "SET", {"kind": "set", "value": "P1D" if "allday" in g else "P1W"}
    if kind == "whole_period":
        return "DURATION", {"kind": "duration", "value": _WHOLE[(g.get("whole") or g["whole2"]).lower()], "mod": None}
    if kind in ("rel_period_before", "rest_of"):
        period = g["period"].lower()
        if period == "journée":  # `le reste de la journée`
            return "DATE", {"kind": "rel_day", "offset": 0}
        rel = (g.get("rel") or "").lower()
        offset = _rel_offset(rel)
        return "DATE", {"kind": "rel_period", "unit": _PERIOD_UNITS[period], "offset": offset}
    if kind == "nth_of_month":
        what = g["what"].lower()
        return "DATE", {
            "kind": "nth_of_month",
            "n": _ORDINAL_NTH[g["nth"].lower()],
            "what": WEEKDAYS.get(what, what),
            "month": MONTHS[g["month"].lower()],
            "year": int(g["year"]) if "year" in g else None,
        }
    if kind == "clock_words":
        if _QUANTITY_BEFORE.search(m.string[max(0, m.start() - 20) : m.start()]):
            return None  # `une à deux heures par jour`: a range of durations
        if "noon" in g:
            hour = 12 if g["noon"].lower() == "midi" else 0
        else:
            hour = _HOUR_WORDS[re.sub(r"\s+", " ", g["hword"].lower())] if "hword" in g else int(g["hour"])
        frac = re.sub(r"\s+", " ", (g.get("frac") or "").lower())
        minute = {"et demie": 30, "et demi": 30, "et quart": 15, "moins le quart": 45}.get(frac, 0)
        if frac == "moins le quart":
            hour = (hour - 1) % 24
        return "TIME", {"kind": "clock", "hour": hour, "minute": minute}
    if kind == "special_daypart":
        name = next(v for k, v in g.items() if k.startswith("special"))
        name = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
        code = _SPECIAL_DAYPARTS.get(name) or _SPECIAL_DAYPARTS.get(f"le {name}") or "NI"
        return "TIME", {"kind": "clock", "daypart": code}
    if kind == "event_day":
        # `au lendemain de l'attaque`, `à la veille du sommet`: counted from an event, not from a day named. The
        # phrase stands beside the day it names (`Interpellé vendredi 22 mars, à la veille de l'acte 19`,
        # `dimanche, au lendemain d'une rixe`), else news tells it on that day: the day last named, else the
        # day of writing
        return "DATE", {"kind": "anaphoric", "offset": 0}
    if kind == "nth_weekday_set":
        return "SET", {"kind": "set", "value": f"XXXX-WXX-{WEEKDAYS[g['weekday'].lower()] + 1}"}
    if kind == "ref_present":
        return "DATE", {"kind": "ref", "value": "PRESENT_REF"}
    if kind == "year_two_digits":
        yy = int(g["yy"])
        return "DATE", {"kind": "date", "year": 1900 + yy if yy >= 30 else 2000 + yy}
    if kind == "clock_duration":
        return "DURATION", {"kind": "duration", "value": f"PT{int(g['hour'])}H{int(g['minute'])}M", "mod": None}
    if kind == "recent_more":
        if not g.get("rel") and not g.get("after"):
            return None  # `les mois` alone: no period in particular
        if g.get("rel") and not g.get("qty"):
            return None  # `les derniers jours` is `recent`, already read
        unit = _UNITS[g["unit"].lower()]
        number = parse_number(g["qty"]) if "qty" in g else None
        qty = "X" if number is None else f"{number:g}"
        return "DURATION", {"kind": "duration", "value": _duration_value(qty, unit), "mod": None}
    if kind == "earlier_later":
        period = g["period"].lower()
        if period in _DAY_PARTS or period in ("matinée", "soirée"):
            return "TIME", {"kind": "clock", "daypart": _DAY_PARTS[period]}
        if period == "journée":  # `plus tôt dans la journée`: the day told of, as `dans la journée`
            return "DATE", {"kind": "anaphoric", "offset": 0}
        return "DATE", {"kind": "rel_period", "unit": _PERIOD_UNITS[period], "offset": 0}
    if kind == "same_period":
        period = (g.get("same") or g.get("that") or g["after"]).lower()
        offset = 1 if "follows" in g else 0 if "side" not in g else 1 if g["side"].lower() == "après" else -1
        return "DATE", {"kind": "rel_period", "unit": _PERIOD_UNITS[period], "offset": offset, "anaphoric": True}
    return None


def _first_day_of(g: dict) -> dict | None:
    """The day a part of a day belongs to: `la nuit de samedi à dimanche` Saturday, `la nuit du 27 au 28
    avril` the 27th, `la nuit de dimanche à lundi 28 août` the day before the 28th, `la matinée du mardi 16
    janvier` the 16th."""
    month = g.get("month") or g.get("month2")
    year = g.get("year") or g.get("year2")
    year = int(year) if year else None
    if "day" in g and month:
        day, month_n = _day(g["day"]), MONTHS[month.lower()]
        if "month" not in g and "day2" in g and _day(g["day2"]) < day:
            month_n = 12 if month_n == 1 else month_n - 1  # `la nuit du 31 au 1er août`: July
            year = year - 1 if year and month_n == 12 else year
        return {"kind": "date", "year": year, "month": month_n, "day": day} if 1 <= day <= 31 else None
    if "day2" in g and month and "weekday" in g:
        day2, month_n = _day(g["day2"]), MONTHS[month.lower()]
        if not 1 <= day2 <= 31:
            return None
        if day2 > 1:
            return {"kind": "date", "year": year, "month": month_n, "day": day2 - 1}
        previous = 12 if month_n == 1 else month_n - 1
        last = calendar.monthrange(year or 2001, previous)[1]
        return {"kind": "date", "year": year - 1 if year and previous == 12 else year, "month": previous, "day": last}
    if "weekday" not in g:
        return None
    if "day" in g and 1 <= _day(g["day"]) <= 31:  # `la nuit du mercredi 12 au jeudi 13`
        return {"kind": "weekday_day", "weekday": WEEKDAYS[g["weekday"].lower()], "day": _day(g["day"])}
    rel = (g.get("rel") or "").lower()
    reading = {"kind": "weekday", "weekday": WEEKDAYS[g["weekday"].lower()], "direction": 0}
    if rel:
        reading["direction"] = _rel_offset(rel)
    return reading


def _roman(text: str) -> int | None:
    """`XIX` → 19, `XXI` → 21 (the numerals of centuries)."""
    values = [_ROMAN[c] for c in text]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 else None


_OF_NOUN = re.compile(r"(?P<noun>[^\W\d_]+)\s+d[eu]\s+$")
# nouns after which `de Noël` still names the time (`la veille de Noël`, `les vacances de Noël`)
_TIME_NOUNS = frozenset(
    [
        "jour",
        "jours",
        "veille",
        "lendemain",
        "nuit",
        "soir",
        "soirée",
        "matin",
        "période",
        "vacances",
        "fête",
        "fêtes",
        "week-end",
        "semaine",
        "semaines",
        "mois",
        "heures",
        "approche",
        "trêve",
    ]
)


def _names_a_thing(text: str, start: int) -> bool:
    """`le marché de Noël`, `un sapin de Noël`: a holiday name complementing a noun that is not a
    time noun names a thing, not a day."""
    match = _OF_NOUN.search(text[max(0, start - 40) : start])
    return match is not None and match.group("noun").lower() not in _TIME_NOUNS


# A preposition before a date without its year that fixes which side of the reference the date lies on:
# `depuis le 2 mars` is past (a state that began then), `d'ici au 4 avril` / `d'ici le 4 avril` is ahead.
_SIGNAL_BEFORE = re.compile(r"\b(?:(?P<since>depuis)|(?P<by>d['’]ici))\s*$", re.I)
# Words before a date that put it close to the time spoken of, on either side of it: `à quelques jours de Noël`, `à
# deux semaines du Nouvel An`, `à l'approche de Noël`, `à la veille de Noël` (reading `near`, see `_NEAR_DAYS`).
_NEAR_BEFORE = re.compile(
    r"\bà\s+(?:\w+\s+(?:jours|semaines|heures)|l['’]approche|la\s+veille)(?:\s+d[eu]|\s+des|\s+d['’])?\s*$", re.I
)


def _signal_direction(text: str, start: int, reading: dict) -> dict:
    if reading.get("kind") != "date" or reading.get("year") is not None or "direction" in reading:
        return reading
    signal = _SIGNAL_BEFORE.search(text[max(0, start - 12) : start])
    if signal is not None:
        return reading | {"direction": -1 if signal.group("since") else 1}
    if reading.get("month") is not None and _NEAR_BEFORE.search(text[max(0, start - 30) : start]):
        return reading | {"near": True}
    return reading


def _range_ends(m: re.Match[str]) -> list[tuple[int, int, dict]] | None:
    """The two days of `du 7 au 10 mars`, each a date of its own (TIMEX3 marks a range's ends): the first
    borrows the month and year written after the second. None unless the first day comes first."""
    first, last = _day(m.group("d1")), _day(m.group("d2"))
    if not 1 <= first < last <= 31:
        return None
    month = MONTHS[m.group("month").lower()]
    year = int(m.group("year")) if m.group("year") else None
    read = {"kind": "date", "year": year, "month": month}
    if m.group("rel") and year is None:
        read["direction"] = _rel_offset(m.group("rel").lower())
    return [(m.start(), m.end("d1"), read | {"day": first}), (m.start("d2"), m.end(), read | {"day": last})]


def _decade_ends(m: re.Match[str]) -> list[tuple[int, int, dict]] | None:
    """`des années 60 et 70`: two decades, the second written with its figures alone."""
    first = _reading_more("decade", {k: v for k, v in m.groupdict().items() if v is not None}, m)
    second = _decade_value(m.group("dnum2"))
    if first is None or second is None:
        return None
    return [
        (m.start(), m.end("dnum") if m.group("dnum") else m.end("dword"), first[1]),
        (m.start("dnum2"), m.end(), {"kind": "value", "value": second, "mod": None}),
    ]


def _decade_value(digits: str) -> str | None:
    """`60` 196X, `1980` 198X, `2000` 200X, `00` 200X."""
    if len(digits) == 4:
        return f"{digits[:3]}X"
    return f"{190 + int(digits[0])}X" if digits[0] != "0" else "200X"


_DAY_IN_LIST = re.compile(_DAY_NUMBER + r"\b")


def _list_days(m: re.Match[str]) -> list[tuple[int, int, dict]] | None:
    """The days of `le 17, 18 ou 19 juillet`, each a date of the month written after the last one."""
    month = MONTHS[m.group("month").lower()]
    year = int(m.group("year")) if m.group("year") else None
    read = {"kind": "date", "year": year, "month": month}
    if m.group("rel") and year is None:
        read["direction"] = _rel_offset(m.group("rel").lower())
    days = list(_DAY_IN_LIST.finditer(m.string, m.start(), m.start("month")))
    numbers = [_day(d.group(0)) for d in days]
    if not numbers or not all(1 <= n <= 31 for n in numbers) or numbers != sorted(set(numbers)):
        return None
    ends = [(d.start(), d.end(), read | {"day": n}) for d, n in zip(days, numbers, strict=True)]
    ends[-1] = (ends[-1][0], m.end(), ends[-1][2])
    ends[0] = (m.start(), ends[0][1], ends[0][2])
    return ends


def _year_range_ends(m: re.Match[str]) -> list[tuple[int, int, dict]] | None:
    """The two years of `de 1995 à 1999`, `1999-2000`; None unless the second follows the first closely
    (`de 2000 à 2050 euros` is a count) and no noun follows."""
    first, last = int(m.group("y1")), int(m.group("y2"))
    if not first < last <= first + 30 or _NOT_A_YEAR_AFTER.match(m.string[m.end() : m.end() + 30]):
        return None
    return [
        (m.start(), m.end("y1"), {"kind": "date", "year": first}),
        (m.start("y2"), m.end(), {"kind": "date", "year": last}),
    ]


def _clock_range_ends(m: re.Match[str]) -> list[tuple[int, int, dict]] | None:
    """`entre 14 et 16 heures`: two times of day, the first before the second."""
    h1, h2 = int(m.group("h1")), int(m.group("h2"))
    if not h1 < h2:
        return None
    return [
        (m.start(), m.end("h1"), {"kind": "clock", "hour": h1, "minute": 0}),
        (m.start("h2"), m.end(), {"kind": "clock", "hour": h2, "minute": 0}),
    ]


_ENDS = {
    "day_range": _range_ends,
    "year_range": _year_range_ends,
    "day_list": _list_days,
    "decade": _decade_ends,
    "clock_range": _clock_range_ends,
}


def leaves_year_out(reading: dict) -> bool:
    """A day or a month whose year the text leaves out (`le 26 mai`, `mardi 23 avril`, `Noël`, `début février`,
    `en décembre`): which year it is depends on which side of the publication it lies."""
    return reading.get("kind") == "date" and reading.get("month") is not None and reading.get("year") is None


def tag_timex(text: str, *, triggers: bool = True) -> list[TimexMention]:
    """All temporal expressions in `text`, longest-first, non-overlapping, in text order.

    Never raises; every span lies inside `text`. `triggers=False` runs every pattern whatever the words of
    the text (the same result, slower: a test checks it).
    """
    found: list[TimexMention] = []
    taken = bytearray(len(text))
    candidates = []
    low = text.lower()
    for order, (kind, pattern) in enumerate(_PATTERNS):
        words = _TRIGGERS.get(kind) if triggers else None
        if words is not None and not any(word in low for word in words):
            continue
        for m in pattern.finditer(text):
            if m.end() > m.start():
                candidates.append((-(m.end() - m.start()), order, m.start(), kind, m))
    for _, _, _, kind, m in sorted(candidates, key=lambda c: (c[0], c[1], c[2])):
        start, end = m.start(), m.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if _overlaps(taken, start, end):
            continue
        if kind == "holiday" and _names_a_thing(text, start):
            continue
        if kind in ("day_month", "day_range", "day_list") and _STREET_BEFORE.search(text[max(0, start - 25) : start]):
            _take(taken, start, end)  # `rue du 4-Septembre`, `place du 8 Mai 1945`: a name
            continue
        if kind in ("day_range", "year_range", "day_list", "clock_range") or (kind == "decade" and m.group("dnum2")):
            ends = _ENDS[kind](m)
            if ends is None:
                continue
            _take(taken, start, end)
            found.extend(
                TimexMention(a, b, text[a:b], "TIME" if r["kind"] == "clock" else "DATE", _signal_direction(text, a, r))
                for a, b, r in ends
            )
            continue
        read = _reading(kind, m)
        if read is None:
            continue
        if read is NOT_TIME:
            _take(taken, start, end)
            continue
        timex_type, reading = read[0], _signal_direction(text, start, read[1])
        _take(taken, start, end)
        found.append(TimexMention(start, end, text[start:end], timex_type, reading))
    found.sort(key=lambda t: t.start)
    _periods_from_the_last_named(found)
    days = _bare_days(text, found, taken)
    return sorted(found + days, key=lambda t: t.start) if days else found


_ANAPHORA_REACH = 600


def _periods_from_the_last_named(found: list[TimexMention]) -> None:
    """`en 2014 … la même année`, `l'année suivante`, `le mois d'après`: the year (month, week) counted from
    the last expression before it that names one, within a few sentences; with none, from the publication."""
    for i, t in enumerate(found):
        reading = t.reading
        if not reading.get("anaphoric") or reading.get("unit") not in ("Y", "M", "W"):
            continue
        unit, offset = reading["unit"], reading["offset"]
        needs = {"Y": ("year",), "M": ("month",), "W": ("month", "day")}[unit]
        for j in range(i - 1, -1, -1):
            before = found[j]
            if t.start - before.end > _ANAPHORA_REACH:
                break
            b = before.reading
            if b.get("kind") != "date" or any(b.get(k) is None for k in needs):
                continue  # the nearest expression that names the unit counted from (a month for `le mois suivant`)
            if b.get("year") is None and unit != "M":
                break  # `le 9 février … la semaine suivante`: no year to count from
            if unit == "Y":
                new = {"kind": "date", "year": b["year"] + offset}
            elif unit == "M" and b.get("year") is None:  # `en septembre … le mois précédent`: August, year by tense
                new = {"kind": "date", "year": None, "month": (b["month"] - 1 + offset) % 12 + 1}
                if "direction" in b:
                    new["direction"] = b["direction"]
            elif unit == "M":
                y, m = divmod(b["year"] * 12 + b["month"] - 1 + offset, 12)
                new = {"kind": "date", "year": y, "month": m + 1}
            else:
                new = {"kind": "week_of", "year": b["year"], "month": b["month"], "day": b["day"], "offset": offset}
            found[i] = TimexMention(t.start, t.end, t.surface, t.timex_type, new)
            break


def _bare_days(text: str, found: list[TimexMention], taken: bytearray) -> list[TimexMention]:
    """`le 22` after `le 12 septembre` (`ouvrira le 12 septembre, pour refermer le 22`): a day number alone
    names a day of the month last named, within a few sentences; with no month before it, it is no date."""
    starts = [t.start for t in found]
    days = []
    for m in _BARE_DAY.finditer(text):
        start, end = m.start(), m.end()
        if _overlaps(taken, start, end):
            continue
        i = bisect.bisect_left(starts, start) - 1
        while i >= 0 and start - found[i].end <= _BARE_DAY_REACH and found[i].reading.get("month") is None:
            i -= 1
        if i < 0 or start - found[i].end > _BARE_DAY_REACH or found[i].reading.get("kind") != "date":
            continue
        before = found[i].reading
        reading = {"kind": "date", "year": before.get("year"), "month": before["month"], "day": _day(m.group("day"))}
        if "direction" in before:
            reading["direction"] = before["direction"]
        days.append(TimexMention(start, end, text[start:end], "DATE", _signal_direction(text, start, reading)))
        _take(taken, start, end)
    return days


# --- resolution --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Resolved:
    value: str | None
    modifier: str | None
    start: date | None
    end: date | None
    anchor: str


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# A date said to be close to the time spoken of (`à quelques jours de Noël`, `à l'approche de Noël`) may lie on
# the other side of the reference from it, by up to about a month: the clause's tense still says on which side the
# time spoken of lies (`la Corse s'est retrouvée isolée à quelques jours de Noël`, told on 15 December, is about
# the coming Christmas; `Johnny Hallyday est mort à quelques jours de Noël`, told in August, about the last one):
# the date is the nearest one on the tense's side of a reference moved that far the other way (a month after the
# publication for a past, before it for a future).
_NEAR_DAYS = 31


def _nearest_year(month: int, day: int, ref: date, direction: int) -> int:
    """Year of the day-month closest to `ref` in `direction` (-1 on/before, +1 on/after, 0 nearest)."""
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if direction < 0:
        before = [c for c in candidates if c <= ref]
        return max(before).year if before else ref.year
    if direction > 0:
        after = [c for c in candidates if c >= ref]
        return min(after).year if after else ref.year
    return min(candidates, key=lambda c: abs((c - ref).days)).year if candidates else ref.year


def _iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def resolve_timex(reading: dict, anchor: date | None, direction: int = -1) -> Resolved:
    """Normalise a reading against the anchor day (the publication day), TIMEX3-style.

    `direction` is -1 for a past-tense context (a bare weekday or day-month is the most recent one on
    or before the anchor), +1 for future tense, and is overridden by `dernier`/`prochain`. A time
    outside the calendar (`il y a 55.000 ans`, `dans 20.000 ans`) keeps its vague value (`PAST_REF`).
    """
    try:
        return _resolve(reading, anchor, direction)
    except (OverflowError, ValueError):
        return Resolved(_unresolved_value(reading), reading.get("mod"), None, None, "none")


def _resolve(reading: dict, anchor: date | None, direction: int) -> Resolved:
    kind = reading["kind"]
    daypart = reading.get("daypart")
    if kind == "clock":
        clock = f"T{reading['daypart']}" if "daypart" in reading else f"T{reading['hour']:02d}:{reading['minute']:02d}"
        if anchor is None:
            return Resolved(f"XXXX-XX-XX{clock}", None, None, None, "none")
        return Resolved(anchor.isoformat() + clock, None, anchor, anchor, "publication")
    if kind == "season":
        code = reading["season"]
        if not reading.get("anchored") or anchor is None:
            return Resolved(f"XXXX-{code}", None, None, None, "none")
        year, start, end = _season_near(code, anchor, reading.get("offset", 0), direction)
        return Resolved(f"{year:04d}-{code}", None, start, end, "publication")
    if kind == "date":
        direction = reading.get("direction", direction)
        year, month, day = reading.get("year"), reading.get("month"), reading.get("day")
        mod = reading.get("mod")
        if year is not None:
            kind_anchor = "absolute"
        elif anchor is not None and month is not None:
            if day is not None and reading.get("weekday") is not None:
                year = _weekday_year(month, day, reading["weekday"], anchor)
            else:
                # a month without its day, told in that month, is that month (`fermée en juillet`)
                same = day is None and month == anchor.month
                reference = anchor - timedelta(days=_NEAR_DAYS * direction) if reading.get("near") else anchor
                year = anchor.year if same else _nearest_year(month, day or 15, reference, direction)
            kind_anchor = "publication"
        else:
            value = _partial_value(None, month, day, reading.get("weekday"))
            return Resolved(value, mod, None, None, "none")
        try:
            if day is not None and month is not None:
                d = date(year, month, day)
                value = d.isoformat() + (f"T{daypart}" if daypart else "")
                return Resolved(value, mod, d, d, kind_anchor)
            if month is not None:
                start, end = date(year, month, 1), _month_end(year, month)
                start, end = _part(start, end, mod)
                return Resolved(f"{year:04d}-{month:02d}", mod, start, end, kind_anchor)
            start, end = _part(date(year, 1, 1), date(year, 12, 31), mod)
            return Resolved(f"{year:04d}", mod, start, end, kind_anchor)
        except ValueError:
            return Resolved(None, mod, None, None, "none")
    if kind == "easter":
        return _easter_feast(reading, anchor, direction)
    if kind == "nth_of_month":
        return _nth_of_month(reading, anchor, direction)
    if kind == "week_of":  # `la semaine suivante` after `le 3 mars 2014`
        try:
            day = date(reading["year"], reading["month"], reading["day"]) + timedelta(weeks=reading["offset"])
        except ValueError:
            return Resolved(None, None, None, None, "none")
        monday = day - timedelta(days=day.weekday())
        return Resolved(_iso_week(monday), None, monday, monday + timedelta(days=6), "absolute")
    if kind in ("ref", "value"):  # `actuellement` PRESENT_REF, `les années 90` 199X, `le XIXe siècle` 18XX
        return Resolved(reading["value"], reading.get("mod"), None, None, "none")
    if kind == "quarter" and (reading.get("year") is not None or anchor is not None):
        return _quarter(reading, reading.get("year") or anchor.year)
    if kind in ("duration", "set"):
        return Resolved(reading["value"], reading.get("mod"), None, None, "none")
    if anchor is None:
        return Resolved(_unresolved_value(reading), reading.get("mod"), None, None, "none")
    if kind == "weekday":
        target = reading["weekday"]
        explicit = reading.get("direction", 0)
        back = (anchor.weekday() - target) % 7
        forward = (target - anchor.weekday()) % 7
        chosen = explicit or direction or (-1 if back <= forward else 1)  # present tense: the nearest one
        if chosen < 0:
            d = anchor - timedelta(days=back if back or not explicit else 7)
        else:
            d = anchor + timedelta(days=forward if forward or not explicit else 7)
        return Resolved(d.isoformat() + (f"T{daypart}" if daypart else ""), None, d, d, "publication")
    if kind == "weekday_day":
        d = _weekday_day(reading["day"], reading["weekday"], anchor)
        if d is None:
            return Resolved(_unresolved_value(reading), None, None, None, "none")
        return Resolved(d.isoformat() + (f"T{daypart}" if daypart else ""), None, d, d, "publication")
    if kind in ("rel_day", "anaphoric"):
        d = anchor + timedelta(days=reading["offset"])
        return Resolved(d.isoformat() + (f"T{daypart}" if daypart else ""), None, d, d, "publication")
    if kind == "ago":
        qty = reading["qty"]
        if qty == "X":
            return Resolved("PAST_REF", reading.get("mod"), None, None, "publication")
        n = int(float(qty))
        unit = reading["unit"]
        days = {"D": 1, "W": 7, "M": 30, "Y": 365}.get(unit)
        if days is None:
            return Resolved("PAST_REF", None, None, None, "publication")
        d = anchor - timedelta(days=n * days)
        if unit == "Y":
            return Resolved(
                f"{anchor.year - n:04d}",
                reading.get("mod"),
                date(anchor.year - n, 1, 1),
                date(anchor.year - n, 12, 31),
                "publication",
            )
        if unit == "M":
            y, m = divmod(anchor.year * 12 + anchor.month - 1 - n, 12)
            return Resolved(
                f"{y:04d}-{m + 1:02d}", reading.get("mod"), date(y, m + 1, 1), _month_end(y, m + 1), "publication"
            )
        return Resolved(d.isoformat(), reading.get("mod") or "APPROX", d, d, "publication")
    if kind == "rel_period":
        unit, offset = reading["unit"], reading["offset"]
        if unit in ("W", "WE"):
            monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=offset)
            if unit == "WE":
                if offset == 0 and direction < 0 and anchor.weekday() < 5:
                    monday -= timedelta(weeks=1)  # `ce week-end` told on a weekday in the past tense
                saturday = monday + timedelta(days=5)
                return Resolved(f"{_iso_week(monday)}-WE", None, saturday, saturday + timedelta(days=1), "publication")
            start, end = _part(monday, monday + timedelta(days=6), reading.get("mod"))
            return Resolved(_iso_week(monday), reading.get("mod"), start, end, "publication")
        mod = reading.get("mod")
        if unit == "M":
            y, m = divmod(anchor.year * 12 + anchor.month - 1 + offset, 12)
            start, end = _part(date(y, m + 1, 1), _month_end(y, m + 1), mod)
            return Resolved(f"{y:04d}-{m + 1:02d}", mod, start, end, "publication")
        if unit in ("Q", "H"):  # a quarter, a half-year
            months = 3 if unit == "Q" else 6
            q = (anchor.month - 1) // months + offset
            y, q = anchor.year + q // (12 // months), q % (12 // months)
            start, end = _part(date(y, months * q + 1, 1), _month_end(y, months * q + months), mod)
            return Resolved(f"{y:04d}-{unit}{q + 1}", mod, start, end, "publication")
        if unit in ("DE", "CE"):  # `cette décennie` 201X, `le siècle dernier` 19XX
            span = 10 if unit == "DE" else 100
            first = (anchor.year // span + offset) * span
            value = f"{first // 10:03d}X" if unit == "DE" else f"{first // 100:02d}XX"
            return Resolved(value, mod, date(first, 1, 1), date(first + span - 1, 12, 31), "publication")
        y = anchor.year + offset
        start, end = _part(date(y, 1, 1), date(y, 12, 31), mod)
        return Resolved(f"{y:04d}", mod, start, end, "publication")
    return Resolved(None, None, None, None, "none")


_SEASON_BOUNDS = {
    "SP": ((3, 20), (6, 20)),
    "SU": ((6, 21), (9, 22)),
    "FA": ((9, 23), (12, 20)),
    "WI": ((12, 21), (3, 19)),
}


def _season_near(code: str, anchor: date, offset: int, direction: int) -> tuple[int, date, date]:
    """The season meant from the anchor: `l'été dernier` the last one over, `l'hiver prochain` the next one
    to begin, `cet été` the one under way, else the one of the anchor's year; `cet hiver` out of winter is
    the last one (past tense), the next one (future) or the nearest (present). A winter is named by the
    year it begins (`2018-WI`: December 2018 to March 2019)."""
    seasons = []
    for year in range(anchor.year - 2, anchor.year + 2):
        (m1, d1), (m2, d2) = _SEASON_BOUNDS[code]
        seasons.append((year, date(year, m1, d1), date(year + (code == "WI"), m2, d2)))
    if offset < 0:
        return max((s for s in seasons if s[2] < anchor), key=lambda s: s[1])
    if offset > 0:
        return min((s for s in seasons if s[1] > anchor), key=lambda s: s[1])
    current = [s for s in seasons if s[1] <= anchor <= s[2]]
    if current:
        return current[0]
    if code != "WI":
        return next(s for s in seasons if s[0] == anchor.year)  # `cet été`: the summer of the anchor's year
    if direction < 0:
        return max((s for s in seasons if s[2] < anchor), key=lambda s: s[1])
    if direction > 0:
        return min((s for s in seasons if s[1] > anchor), key=lambda s: s[1])
    return min(seasons, key=lambda s: min(abs((s[1] - anchor).days), abs((s[2] - anchor).days)))


def _nth_of_month(reading: dict, anchor: date | None, direction: int) -> Resolved:
    """`le premier dimanche de mai` (a day), `la dernière semaine de juillet` (an ISO week), `le premier
    week-end d'août`; the month's year as for a month named alone."""
    month = reading["month"]
    year = reading.get("year")
    if year is None:
        if anchor is None:
            return Resolved(None, None, None, None, "none")
        year = anchor.year if month == anchor.month else _nearest_year(month, 15, anchor, direction)
    days = [date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]
    what, n = reading["what"], reading["n"]
    weekday = what if isinstance(what, int) else 5 if what == "week-end" else 0
    matching = [d for d in days if d.weekday() == weekday]
    if what == "semaine":  # the week holding the month's nth Monday; the last: the week holding its last day
        day = days[-1] if n < 0 else (matching[n - 1] if n <= len(matching) else None)
    else:
        day = matching[n] if n < 0 else (matching[n - 1] if n <= len(matching) else None)
    if day is None:
        return Resolved(None, None, None, None, "none")
    anchor_kind = "absolute" if reading.get("year") is not None else "publication"
    if isinstance(what, int):
        return Resolved(day.isoformat(), None, day, day, anchor_kind)
    monday = day - timedelta(days=day.weekday())
    if what == "week-end":
        saturday = monday + timedelta(days=5)
        return Resolved(f"{_iso_week(monday)}-WE", None, saturday, saturday + timedelta(days=1), anchor_kind)
    return Resolved(_iso_week(monday), None, monday, monday + timedelta(days=6), anchor_kind)


def easter_sunday(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _easter_feast(reading: dict, anchor: date | None, direction: int) -> Resolved:
    """`Pâques`, `le lundi de Pentecôte`: that feast of the year written, else of the year that puts it
    nearest the anchor on the side the tense says."""
    offset = timedelta(days=reading["offset"])
    if reading.get("year") is not None:
        d = easter_sunday(reading["year"]) + offset
        return Resolved(d.isoformat(), None, d, d, "absolute")
    if anchor is None:
        return Resolved(None, None, None, None, "none")
    candidates = [easter_sunday(y) + offset for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if direction < 0:
        d = max((c for c in candidates if c <= anchor), default=candidates[1])
    elif direction > 0:
        d = min((c for c in candidates if c >= anchor), default=candidates[1])
    else:
        d = min(candidates, key=lambda c: abs((c - anchor).days))
    return Resolved(d.isoformat(), None, d, d, "publication")


def _part(start: date, end: date, mod: str | None) -> tuple[date, date]:
    """The sub-interval a START/MID/END modifier denotes: the first, middle or last third."""
    if mod is None:
        return start, end
    length = (end - start).days + 1
    third = max(1, length // 3)
    if mod == "START":
        return start, start + timedelta(days=third - 1)
    if mod == "END":
        return end - timedelta(days=third - 1), end
    return start + timedelta(days=third), end - timedelta(days=third)


def _quarter(reading: dict, year: int) -> Resolved:
    """`le premier trimestre 2001` 2001-Q1, `le second semestre` <year>-H2."""
    n, months = reading["n"], 6 if reading["half"] else 3
    start = date(year, months * (n - 1) + 1, 1)
    end = _month_end(year, months * n)
    anchor = "absolute" if reading.get("year") is not None else "publication"
    return Resolved(f"{year:04d}-{'H' if reading['half'] else 'Q'}{n}", None, start, end, anchor)


def _weekday_day(day: int, weekday: int, anchor: date) -> date | None:
    """`samedi 15`: the day numbered so, nearest the anchor, that falls on that weekday."""
    for delta in (0, -1, 1):
        y, m = divmod(anchor.year * 12 + anchor.month - 1 + delta, 12)
        try:
            d = date(y, m + 1, day)
        except ValueError:
            continue
        if d.weekday() == weekday:
            return d
    return None


def _weekday_year(month: int, day: int, weekday: int, anchor: date) -> int:
    """`Jeudi 30 janvier`: the year near the anchor whose day-month falls on that weekday."""
    for delta in (0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6):
        try:
            if date(anchor.year + delta, month, day).weekday() == weekday:
                return anchor.year + delta
        except ValueError:
            continue
    return anchor.year


def _partial_value(year: int | None, month: int | None, day: int | None, weekday: int | None) -> str | None:
    if month is not None:
        y = f"{year:04d}" if year else "XXXX"
        return f"{y}-{month:02d}" + (f"-{day:02d}" if day else "")
    if weekday is not None:
        return f"XXXX-WXX-{weekday + 1}"
    return None


def _unresolved_value(reading: dict) -> str | None:
    kind = reading["kind"]
    if kind in ("weekday", "weekday_day"):
        return f"XXXX-WXX-{reading['weekday'] + 1}"
    if kind == "quarter":
        return f"XXXX-{'H' if reading['half'] else 'Q'}{reading['n']}"
    if kind == "rel_day" and reading["offset"] == 0:
        return "PRESENT_REF"
    if kind in ("rel_day", "ago"):
        return "PAST_REF" if reading.get("offset", -1) < 0 else "FUTURE_REF"
    return None
