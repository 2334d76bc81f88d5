"""Speakers resolved from the article's mentions when the speaker phrase holds none."""

from transforms.speakers import _from_context, head_end

TYPES = {"mark-esper": "PER", "coalition": "ORG", "qassem-soleimani": "PER", "latifa": "PER"}


def _m(actor_id, surface, start):
    return {"actor_id": actor_id, "surface": surface, "char_start": start, "char_end": start + len(surface)}


def test_surname_and_title_find_the_person_named_before():
    mentions = [_m("mark-esper", "Mark Esper", 10)]
    assert _from_context("Esper", mentions, 200, TYPES, "") == "mark-esper"
    assert _from_context("M. Esper", mentions, 200, TYPES, "") == "mark-esper"
    assert _from_context("Milley", mentions, 200, TYPES, "") is None


def test_description_finds_the_organisation_with_that_noun():
    mentions = [_m("coalition", "coalition internationale anti-Daesh", 300)]
    # named only after the speaker phrase: the first mention after is taken
    assert _from_context("La coalition", mentions, 0, TYPES, "") == "coalition"
    assert _from_context("Le ministère", mentions, 0, TYPES, "") is None


def test_pronoun_prefers_a_person_who_is_not_a_modifier():
    body = "Latifa a reçu des menaces après la mort de Qassem Soleimani, a-t-elle dit."
    mentions = [_m("latifa", "Latifa", 0), _m("qassem-soleimani", "Qassem Soleimani", body.index("Qassem"))]
    assert _from_context("elle", mentions, len(body) - 5, TYPES, body) == "latifa"
    assert _from_context("ils", mentions, len(body) - 5, TYPES, body) is None


def test_speaker_phrase_stops_before_a_time_or_place_adjunct():
    body = "a annoncé le Premier ministre lors de la convention du parti (REM) à Paris"
    start = body.index("le Premier")
    assert body[start : head_end(body, start, len(body))] == "le Premier ministre"
    # the person addressed ends it too; a title's capitalised complement does not
    for phrase, speaker in [
        ("la reine à l'un des parlementaires", "la reine"),
        ("le ministre délégué aux Transports aux journalistes", "le ministre délégué aux Transports"),
        ("la secrétaire d'État à l'Égalité durant un dîner", "la secrétaire d'État à l'Égalité"),
        ("la ministre déléguée à la Santé", "la ministre déléguée à la Santé"),
    ]:
        assert phrase[: head_end(phrase, 0, len(phrase))] == speaker


def test_a_place_speaks_only_as_the_head_of_the_speaker_phrase():
    import polars as pl

    from transforms.speakers import resolve_speakers

    body = "L'ex-maire de Tourcoing (Nord) a démenti. Washington a démenti aussi."
    nord, washington = body.index("Nord"), body.index("Washington")
    claims = pl.DataFrame(
        {
            "claim_id": ["c1", "c2"],
            "article_id": ["a", "a"],
            "char_start": [40, 70],
            "speaker_start": [0, washington],
            "speaker_end": [body.index(")") + 1, washington + 10],
            "speaker_text": ["L'ex-maire de Tourcoing (Nord)", "Washington"],
            "attribution_start": [None, None],
            "attribution_end": [None, None],
            "speaker_from_claim_id": [None, None],
        },
        schema_overrides={
            "attribution_start": pl.Int64,
            "attribution_end": pl.Int64,
            "speaker_from_claim_id": pl.String,
        },
    )
    mentions = pl.DataFrame(
        {
            "article_id": ["a", "a"],
            "actor_id": ["nord", "washington"],
            "surface": ["Nord", "Washington"],
            "char_start": [nord, washington],
            "char_end": [nord + 4, washington + 10],
        }
    )
    actors = pl.DataFrame({"actor_id": ["nord", "washington"], "actor_type": ["LOC", "LOC"], "category": ["", ""]})
    out = resolve_speakers(claims, mentions, actors, pl.DataFrame({"article_id": ["a"], "body": [body]}))
    assert out["speaker_actor_id"].to_list() == [None, "washington"]


def test_a_described_speaker_is_the_person_holding_that_function():
    from transforms.speakers import _from_role

    roles = [
        {"actor_id": "matthieu-bourrette", "role": "procureur de Reims", "char_start": 10},
        {"actor_id": "agnes-buzyn", "role": "ministre de la Santé", "char_start": 50},
        {"actor_id": "edouard-philippe", "role": "Premier ministre", "char_start": 300},
    ]
    assert _from_role("le procureur de la République de Reims", roles, 200) == "matthieu-bourrette"
    assert _from_role("la ministre de la Santé", roles, 200) == "agnes-buzyn"
    assert _from_role("le Premier ministre", roles, 200) == "edouard-philippe"  # (after the claim: the first)
    assert _from_role("le ministre de l'Intérieur", roles, 200) is None  # another ministry
    assert _from_role("la ministre", roles, 200) == "agnes-buzyn"  # (`premier ministre` is another function)
    assert _from_role("les habitants de Reims", roles, 200) is None  # not a function


def test_a_pronoun_after_adverbials_or_with_euphonic_t_is_the_last_person():
    body = "Latifa Ibn Ziaten a parlé. En 2014, dans un journal, elle a dit. Selon lui, rien. A-t-elle dit."
    mentions = [_m("latifa", "Latifa Ibn Ziaten", 0)]
    for speaker in ("En 2014, dans un journal, elle", "t-elle", "-t-elle", "lui", "cette dernière", "Elle"):
        assert _from_context(speaker, mentions, 40, TYPES, body) == "latifa", speaker
    assert _from_context("Dans un journal, ils", mentions, 40, TYPES, body) is None  # a plural is not her


def test_a_described_speaker_is_the_one_person_of_the_article_given_that_function_elsewhere():
    from transforms.speakers import _from_corpus_role

    roles = {
        "edouard-philippe": {"Premier ministre": {"x1", "x8"}},
        "agnes-buzyn": {"ministre de la Santé": {"x2"}},
        "francois-bayrou": {"président du MoDem": {"x3", "x9"}},
        "emmanuel-macron": {"président": {"x4", "x5"}, "président de la République": {"x6"}},
        "gerard-collomb": {"maire": {"x7"}},
    }
    people = {"edouard-philippe", "agnes-buzyn", "francois-bayrou"}
    assert _from_corpus_role("le Premier ministre", people, roles) == "edouard-philippe"
    assert _from_corpus_role("la ministre de la Santé", people, roles) == "agnes-buzyn"
    assert _from_corpus_role("le ministre de l'Intérieur", people, roles) is None  # another ministry
    assert _from_corpus_role("le président du MoDem", people | {"emmanuel-macron"}, roles) == "francois-bayrou"
    # two people of the article are `président`: no choice is made
    assert _from_corpus_role("le président", people | {"emmanuel-macron"}, roles) is None
    assert _from_corpus_role("le président", {"emmanuel-macron", "edouard-philippe"}, roles) == "emmanuel-macron"
    # a bare function given once (one apposition may be misread), or a complement the role lacks: none
    assert _from_corpus_role("le maire", {"gerard-collomb"}, roles) is None
    assert _from_corpus_role("le maire de Lyon", {"gerard-collomb"}, roles) is None
    assert _from_corpus_role("le président", {"someone-else"}, roles) is None  # not named in the article


def test_a_member_named_in_an_aside_is_not_the_speaker():
    import polars as pl

    from transforms.speakers import resolve_speakers

    body = "Des responsables américains, dont le secrétaire d'État Mike Pompeo, ont rejeté les appels."
    pompeo = body.index("Mike")
    claims = pl.DataFrame(
        {
            "claim_id": ["c1"],
            "article_id": ["a"],
            "char_start": [70],
            "speaker_start": [0],
            "speaker_end": [body.index(", ont")],
            "speaker_text": [body[: body.index(", ont")]],
            "attribution_start": [None],
            "attribution_end": [None],
            "speaker_from_claim_id": [None],
        },
        schema_overrides={
            "attribution_start": pl.Int64,
            "attribution_end": pl.Int64,
            "speaker_from_claim_id": pl.String,
        },
    )
    mentions = pl.DataFrame(
        {
            "article_id": ["a"],
            "actor_id": ["mike-pompeo"],
            "surface": ["Mike Pompeo"],
            "char_start": [pompeo],
            "char_end": [pompeo + 11],
        }
    )
    actors = pl.DataFrame({"actor_id": ["mike-pompeo"], "actor_type": ["PER"], "category": [""]})
    out = resolve_speakers(claims, mentions, actors, pl.DataFrame({"article_id": ["a"], "body": [body]}))
    assert out["speaker_actor_id"].to_list() == [None]
