from hypothesis import given
from hypothesis import strategies as st

from transforms.clean import clean_dispatch
from transforms.sentences import split_sentences

STORY = (
    "Le gouvernement a annoncé mardi un plan de relance pour les entreprises touchées par la crise, "
    "selon un communiqué publié à Paris. Le ministre a précisé que les premières aides seraient versées "
    "dès le mois prochain aux entreprises les plus petites."
)


def test_header_date_and_agency_credit():
    parts = clean_dispatch(f" date 2021-03 (AFP) {STORY} (AFP)")
    assert parts.date_hint == "2021-03"
    assert parts.agencies == ["AFP"]
    assert parts.body == STORY


def test_outlet_section_title_and_byline():
    text = f"LCI\nÉconomie\n\nLe gouvernement lance un plan de relance\n\n{STORY}\nJean Dupont avec Reuters"
    parts = clean_dispatch(text)
    assert parts.outlet == "LCI"
    assert parts.section == "Économie"
    assert parts.title == "Le gouvernement lance un plan de relance"
    assert parts.byline == "Jean Dupont avec Reuters"
    assert "Reuters" in parts.agencies
    assert parts.body == STORY


def test_dateline_on_its_own_line():
    parts = clean_dispatch(f"BRUXELLES –\n{STORY}")
    assert parts.dateline == "BRUXELLES"
    assert parts.body == STORY


def test_caption_with_credit_and_its_repeat_leave_the_body():
    caption = "Le ministre de l'Économie à Paris, le 3 mars 2021"
    text = f"{caption}\n\n{caption} - Jean MARTIN / AFP\n\n{STORY}"
    parts = clean_dispatch(text)
    assert parts.body == STORY
    assert parts.captions == [f"{caption} - Jean MARTIN / AFP"]


def test_comment_form_and_unrelated_teasers_are_removed():
    text = (
        f"{STORY}\n\nLaisser un commentaire\n\nVotre adresse e-mail ne sera pas publiée.\n\n"
        "    Le PSG s'impose face à Lyon au Parc des Princes\n\n    Météo : des orages attendus ce week-end"
    )
    parts = clean_dispatch(text)
    assert parts.body == STORY
    assert any(r.startswith("after comment form") for r in parts.removed)


def test_trailing_teaser_without_form_is_removed_when_unrelated():
    text = f"{STORY}\n\n    Tennis : la finale reportée à cause de la pluie"
    assert clean_dispatch(text).body == STORY


def test_an_intertitle_inside_the_story_is_kept():
    text = f"{STORY}\n\nDes aides ciblées\n\n{STORY}"
    assert "Des aides ciblées" in clean_dispatch(text).body


@given(st.text(max_size=3000))
def test_never_raises_and_sentences_lie_in_the_body(text):
    body = clean_dispatch(text).body
    for start, end in split_sentences(body):
        assert 0 <= start < end <= len(body)


def test_glued_sentences_get_their_space_back():
    body = clean_dispatch("Le corps a été retrouvé dans la soirée.Une enquête a été ouverte par le parquet local.").body
    assert body == "Le corps a été retrouvé dans la soirée. Une enquête a été ouverte par le parquet local."


def test_lost_line_breaks_are_restored_before_sentence_openers_and_bullets():
    body = clean_dispatch(
        "Ses parents préfèrent garder le silenceL'avocat des époux a parlé d'une \"information\".Le corps "
        "a été retrouvé.• Une marche blanche aura lieu. Le HuffPost cite YouTube et franceinfo."
    ).body
    assert [body[a:b] for a, b in split_sentences(body)] == [
        "Ses parents préfèrent garder le silence",
        "L'avocat des époux a parlé d'une \"information\".",
        "Le corps a été retrouvé.",
        "• Une marche blanche aura lieu.",
        "Le HuffPost cite YouTube et franceinfo.",
    ]


def test_hard_wrapped_paragraph_is_joined_before_headline_detection():
    import textwrap

    wrapped = "\n".join(textwrap.wrap(STORY, 60))
    parts = clean_dispatch(wrapped)
    assert parts.title is None
    assert parts.body == STORY
