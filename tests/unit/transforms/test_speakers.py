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


def _resolve(body: str, claims: list[tuple[str, int, str | None, str | None]], actors: dict[str, tuple[str, str]]):
    """`resolve_speakers` on one article. Claims: (claim_id, start, speaker phrase or None, claim whose
    speaker it continues or None), the phrase found at its last occurrence before the claim's start;
    actors: id → (name as written, type), with a mention at every occurrence of the name. Returns the
    resolved speaker ids in the order of the claims."""
    import re

    import polars as pl

    from transforms.speakers import resolve_speakers

    rows = []
    for claim_id, start, phrase, continues in claims:
        at = body.rfind(phrase, 0, start) if phrase else -1
        rows.append((claim_id, start, at if phrase else None, at + len(phrase) if phrase else None, phrase, continues))
    claim_frame = pl.DataFrame(
        rows,
        schema=["claim_id", "char_start", "speaker_start", "speaker_end", "speaker_text", "speaker_from_claim_id"],
        orient="row",
    ).with_columns(
        article_id=pl.lit("a"),
        char_end=pl.col("char_start") + 1,
        attribution_start=pl.lit(None, pl.Int64),
        attribution_end=pl.lit(None, pl.Int64),
    )
    mentions = pl.DataFrame(
        [
            ("a", actor_id, name, m.start(), m.end())
            for actor_id, (name, _) in actors.items()
            for m in re.finditer(re.escape(name), body)
        ],
        schema=["article_id", "actor_id", "surface", "char_start", "char_end"],
        orient="row",
    )
    actor_frame = pl.DataFrame(
        [(actor_id, name, kind, "") for actor_id, (name, kind) in actors.items()],
        schema=["actor_id", "canonical_name", "actor_type", "category"],
        orient="row",
    )
    out = resolve_speakers(claim_frame, mentions, actor_frame, pl.DataFrame({"article_id": ["a"], "body": [body]}))
    return out.sort("char_start")["speaker_actor_id"].to_list()


def test_a_place_speaks_only_as_the_head_of_the_speaker_phrase():
    body = "L'ex-maire de Tourcoing (Nord) a démenti. Washington a démenti aussi."
    claims = [("c1", 40, "L'ex-maire de Tourcoing (Nord)", None), ("c2", 70, "Washington", None)]
    actors = {"nord": ("Nord", "LOC"), "washington": ("Washington", "LOC")}
    assert _resolve(body, claims, actors) == [None, "washington"]


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
    body = "Des responsables américains, dont le secrétaire d'État Mike Pompeo, ont rejeté les appels."
    claims = [("c1", 70, body[: body.index(", ont")], None)]
    assert _resolve(body, claims, {"mike-pompeo": ("Mike Pompeo", "PER")}) == [None]


def test_il_and_elle_stand_only_for_a_person_of_their_gender():
    body = (
        "Cécile Duflot était l'invitée de Patrick Cohen. Il a affirmé que la campagne était finie. "
        "Elle a répondu qu'elle serait candidate. Selon elle, rien n'est joué."
    )
    people = {"cecile-duflot": ("Cécile Duflot", "PER"), "patrick-cohen": ("Patrick Cohen", "PER")}
    il, elle, selon = body.index("Il a"), body.index("Elle a"), body.index("Selon elle")
    claims = [("c1", il + 13, "Il", None), ("c2", elle + 11, "Elle", "c1"), ("c3", selon + 12, "elle", "c2")]
    # `Elle` continues the previous speaker only if he can be `elle`: here the last woman named
    assert _resolve(body, claims, people) == ["patrick-cohen", "cecile-duflot", "cecile-duflot"]
    # a person of unknown gender may be either (`Dominique` is given to both sexes)
    people["patrick-cohen"] = ("Dominique Cohen", "PER")
    body = body.replace("Patrick Cohen", "Dominique Cohen")
    assert _resolve(body, claims, people) == ["patrick-cohen", "patrick-cohen", "patrick-cohen"]


def test_a_person_in_a_modifier_is_not_the_speaker_unless_the_author_of_a_report():
    body = "La sœur de Paul Martin a démenti. Le communiqué de Paul Martin a démenti aussi."
    sister, statement = body[: body.index(" a démenti")], "Le communiqué de Paul Martin"
    claims = [("c1", 33, sister, None), ("c2", len(body) - 5, statement, None)]
    assert _resolve(body, claims, {"paul-martin": ("Paul Martin", "PER")}) == [None, "paul-martin"]


def test_a_description_takes_the_person_named_in_apposition_after_it():
    body = "Ancien ministre de Paul Martin, Jean Dupont révèle son soutien. Selon le préfet, Luc Roy a menti."
    described = "Ancien ministre de Paul Martin"
    claims = [("c1", body.index("son soutien"), described, None), ("c2", body.index("Luc Roy"), "le préfet", None)]
    people = {
        "paul-martin": ("Paul Martin", "PER"),
        "jean-dupont": ("Jean Dupont", "PER"),
        "luc-roy": ("Luc Roy", "PER"),
    }
    # not the start of the proposition itself (`Selon le préfet, Luc Roy a menti`)
    assert _resolve(body, claims, people) == ["jean-dupont", None]


def test_a_description_the_article_never_names_is_the_one_organisation_whose_name_it_begins():
    import polars as pl

    from transforms.speakers import prefixes_of_organisations

    names = prefixes_of_organisations(
        pl.DataFrame(
            {
                "actor_id": ["coalition", "coalition-allemande", "irak"],
                "actor_type": ["ORG", "ORG", "LOC"],
                "canonical_name": [
                    "Coalition internationale contre l'État islamique",
                    "coalition gouvernementale",
                    "Irak",
                ],
                "aliases": [["coalition anti-EI"], [], []],
            }
        )
    )
    assert _from_context("la coalition internationale", [], 0, TYPES, "", None, names) == "coalition"
    assert _from_context("la coalition", [], 0, TYPES, "", None, names) is None  # one word: any coalition
    assert _from_context("la coalition syrienne", [], 0, TYPES, "", None, names) is None


def test_a_subject_pronoun_is_the_speaker_not_what_precedes_it(nlp):
    from transforms.claims import extract_sentence_claims

    text = (
        "Invité de LCI lundi, Christophe Castaner a vivement réagi à ce qu'il estime être une légitimation des "
        'violences : "Ce sont des révolutionnaires d\'opérette."'
    )
    claims = extract_sentence_claims(nlp(text), "a", 0, 0, len(text))
    assert {c.speaker_text for c in claims if c.quote_kind == "direct"} == {"il"}
