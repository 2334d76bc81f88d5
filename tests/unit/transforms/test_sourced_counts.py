"""Counts several sources give in one sentence (`transforms/sourced_counts.py`)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.sourced_counts import sourced_count_claims, sourced_counts


def _read(text: str) -> list[list[tuple[float, str, float | None, str | None, str]]]:
    return [[(c.value, c.op, c.high, c.unit, c.source(text)) for c in run] for run in sourced_counts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le cortège a réuni 12.000 manifestants selon la préfecture, 30.000 selon les organisateurs.",
            [[(12000, "=", None, "personne", "la préfecture"), (30000, "=", None, "personne", "les organisateurs")]],
        ),
        (
            "La marche a rassemblé 1,2 million de personnes selon la police, le double selon la CGT.",
            [[(1.2e6, "=", None, "personne", "la police"), (2.4e6, "=", None, "personne", "la CGT")]],
        ),
        (
            "Entre 5.000 (selon la police) et 9.000 personnes (selon FO) ont défilé à Rouen.",
            [[(5000, "=", None, "personne", "la police"), (9000, "=", None, "personne", "FO")]],
        ),
        (
            "À Brest, la préfecture a compté 3.100 manifestants, les syndicats 8.000.",
            [[(3100, "=", None, "personne", "la préfecture"), (8000, "=", None, "personne", "les syndicats")]],
        ),
        (
            "La CGT revendique plus de 200.000 grévistes, alors que le ministère en compte 90.000.",
            [[(200000, ">", None, "personne", "La CGT"), (90000, "=", None, "personne", "le ministère")]],
        ),
        (
            "Ils étaient environ 4.000 selon la police, contre 15.000 pour les organisateurs.",
            [[(4000, "~", None, None, "la police"), (15000, "=", None, None, "les organisateurs")]],
        ),
        (
            "La réunion a attiré entre 800 et 900 personnes selon la mairie (2.000 selon les organisateurs).",
            [[(800, "range", 900, "personne", "la mairie"), (2000, "=", None, "personne", "les organisateurs")]],
        ),
        (
            "Deux suspects, trois selon Le Progrès, ont pris la fuite, selon la gendarmerie.",
            [],  # one count has no source of its own here: nothing is juxtaposed
        ),
        (
            'Entre 30.000 (selon la police) et 80.000 marcheurs (selon le collectif "Les Comptables") ont défilé.',
            [
                [
                    (30000, "=", None, "personne", "la police"),
                    (80000, "=", None, "personne", 'le collectif "Les Comptables"'),
                ]
            ],
        ),
        (
            "Trois braqueurs selon RTL, quatre selon Le Parisien, ont pris la fuite.",
            [[(3, "=", None, "braqueur", "RTL"), (4, "=", None, "braqueur", "Le Parisien")]],
        ),
    ],
)
def test_counts_juxtaposed_by_their_sources(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # one source only
        "Selon la police, 56 policiers et 7 manifestants ont été blessés et 45 personnes interpellées.",
        "Environ 58.000 personnes ont défilé dans le pays selon le ministère, contre 69.000 la semaine passée.",
        # two places, two things, two destinations: not one count
        "36.000 personnes ont défilé à Lille selon la police, 26.000 à Lyon selon la préfecture.",
        "Deux personnes blessées selon la police, trois personnes interpellées selon le parquet.",
        "L'aide atteint 90 euros pour les particuliers et 300 euros pour les entreprises.",
        # a passive subject values, it does not count; a place is no source
        "Le coût est évalué à 3,4 millions d'euros et les frais sont estimés à 420.000 euros.",
        "Dans cette ville qui compte près de 900 000 habitants, le mercure a atteint les 45 degrés.",
        # a sentence end the splitter missed parts two counts (another place, another day)
        "Ils étaient 806.000 selon l'Intérieur. ► À Paris, 180.000 manifestants ont défilé, selon les syndicats.",
        # far apart in the sentence: two events
        "La CGT avait revendiqué 1,5 million de manifestants, contre 806.000 pour les autorités, et c'est autant"
        " que lors de la grande grève de 1995, apogée du mouvement, où deux millions de personnes défilaient.",
    ],
)
def test_no_juxtaposition(text):
    runs = sourced_counts(text)
    if "1995" in text:  # (the first pair is one; the count of 1995 is not part of it)
        assert _read(text) == [
            [(1.5e6, "=", None, "personne", "La CGT"), (806000, "=", None, "personne", "les autorités")]
        ]
    else:
        assert runs == []


def test_each_count_answers_the_first_of_its_run():
    text = "Grève. La manifestation a réuni 4.800 personnes selon la police, 75.000 selon la CGT et 30.000 selon FO."
    sentences = [(0, 6), (7, len(text))]
    claims = sourced_count_claims(text, "a1", sentences, taken=set(), first_index=10)
    assert [(c.sentence_idx, c.quantity, c.speaker_text, c.responds_to_index) for c in claims] == [
        (1, 4800, "la police", None),
        (1, 75000, "la CGT", 10),
        (1, 30000, "FO", 10),
    ]
    assert {c.event_key for c in claims} == {"compter|personne"}
    assert all(c.quote_kind == "indirect" and c.stance == "assert" for c in claims)
    # a span another claim already has is not claimed twice (a claim's id is its span)
    taken = {(claims[0].char_start, claims[0].char_end)}
    again = sourced_count_claims(text, "a1", sentences, taken=taken, first_index=0)
    assert [c.speaker_text for c in again] == ["la CGT", "FO"] and again[1].responds_to_index == 0


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .,;()-selonpariCGTdeux millions'É")), max_size=120))
def test_any_text_gives_well_formed_runs(text):
    for run in sourced_counts(text):
        assert len(run) >= 2
        assert len({c.unit for c in run}) == 1
        for count in run:
            assert 0 <= count.start < count.end <= len(text)
            assert 0 <= count.source_start < count.source_end <= len(text)
            assert count.value > 0


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_fails(text):
    sourced_counts(text)
