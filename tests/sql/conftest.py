"""Small warehouses for the view tests, built by the project's own DDL, macros and views (in-memory DuckDB),
and the helpers that fill them, as fixtures."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from flows.warehouse_io import create_schema, create_views

# the article every claim of `story` quotes (char offsets of claims are into it)
STORY_BODY = (
    "Les opérations communes n'ont pas repris, a déclaré à l'AFP le porte-parole Abdulkarim Khalaf. "
    "Deux responsables américains, cités par le New York Times, ont indiqué que les opérations avaient repris "
    "mercredi. Le Pentagone a démenti ces informations."
)


@pytest.fixture
def con():
    """Two articles, `a1` published on 16 January 2020 and `a2` on 30 January, not linked (`add_link`)."""
    con = duckdb.connect()
    create_schema(con)
    con.execute("""insert into articles (article_id, source_uri, content_sha256, language, published_basis, body,
                   published_on, published_earliest, published_latest)
                   values ('a1', 'a1.txt', 'x', 'fr', 'header', 'corps', '2020-01-16', '2020-01-16', '2020-01-16'),
                          ('a2', 'a2.txt', 'y', 'fr', 'text', 'corps', '2020-01-30', '2020-01-30', '2020-01-30')""")
    create_views(con)
    return con


@pytest.fixture
def add_claim(con):
    """`add_claim(claim_id, article, speaker, polarity, period, quantity=None, op=None, unit=None, key=…)`: an
    indirect claim of `con`, its period one day (or unknown)."""

    def insert(
        claim_id, article, speaker, polarity, period, quantity=None, op=None, unit=None, key="reprendre|operation"
    ):
        con.execute(
            """insert into claims (claim_id, article_id, text, speaker_text, quote_kind, polarity, hedged,
                       event_key, quantity, quantity_op, quantity_unit, period_start, period_end)
                       values (?, ?, ?, ?, 'indirect', ?, false, ?, ?, ?, ?, ?, ?)""",
            [claim_id, article, f"texte {claim_id}", speaker, polarity, key, quantity, op, unit, period, period],
        )

    return insert


@pytest.fixture
def add_link(con):
    """`add_link(article_a, article_b, shared=2)`: two articles of `con` tell one story (`article_links`)."""

    def insert(article_a, article_b, shared=2):
        con.execute("insert into article_links values (?, ?, ?, 0.5)", [article_a, article_b, shared])

    return insert


@pytest.fixture
def add_own_dates(con):
    """`add_own_dates(*claim_ids, calendar=True)`: the claims' own words date them: a temporal expression in their
    span (`dates.claim_id`) that names its month or year (`calendar`), or a deictic one (`vendredi`) when
    `calendar` is false."""

    def insert(*claim_ids, calendar=True):
        for claim_id in claim_ids:
            con.execute(
                """insert into dates (date_id, article_id, claim_id, surface, timex_type, start_date, end_date,
                                     anchor, calendar)
                   select 'd' || claim_id, article_id, claim_id, 'date', 'DATE', event_start, event_end, 'absolute', ?
                   from claims where claim_id = ?""",
                [calendar, claim_id],
            )

    return insert


@pytest.fixture
def story():
    """Three articles telling one story (`STORY_BODY`, linked two by two), `a1` and `a2` crediting AFP, with the
    actors they quote."""
    con = duckdb.connect()
    create_schema(con)
    con.execute(
        """insert into articles (article_id, source_uri, content_sha256, language, published_basis, body, agencies,
                   published_on, published_earliest, published_latest)
           values ('a1', 'a1.txt', 'x', 'fr', 'text', ?, ['AFP'], '2020-01-16', '2020-01-16', '2020-01-16'),
                  ('a2', 'a2.txt', 'y', 'fr', 'text', ?, ['AFP'], '2020-01-17', '2020-01-17', '2020-01-17'),
                  ('a3', 'a3.txt', 'z', 'fr', 'text', ?, [], '2020-01-17', '2020-01-17', '2020-01-17')""",
        [STORY_BODY, STORY_BODY, STORY_BODY],
    )
    con.execute(
        """insert into actors (actor_id, canonical_name, actor_type) values
           ('khalaf', 'Abdulkarim Khalaf', 'PER'), ('nyt', 'The New York Times', 'ORG'),
           ('pentagone', 'Pentagone', 'ORG'), ('afp', 'Agence France-Presse', 'ORG')"""
    )
    con.execute("insert into article_links values ('a1', 'a2', 4, 0.5), ('a1', 'a3', 4, 0.5), ('a2', 'a3', 4, 0.5)")
    create_views(con)
    return con


@pytest.fixture
def add_story_claim(story):
    """`add_story_claim(claim_id, article, polarity, text, speaker=None, …)`: a claim of `story`, at the offsets
    of its text in `STORY_BODY` (none when the body does not hold it)."""

    def insert(
        claim_id,
        article,
        polarity,
        text,
        speaker=None,
        speaker_text=None,
        via=None,
        key="reprendre|operation",
        quote_kind="indirect",
        event_id="e1",
        period=date(2020, 1, 16),
        event_date=None,
        responds_to=None,
    ):
        start = STORY_BODY.find(text)
        story.execute(
            """insert into claims (claim_id, article_id, text, char_start, char_end, speaker_actor_id, speaker_text,
                       via_actor_id, quote_kind, polarity, hedged, event_key, event_id, period_start, period_end,
                       event_start, event_end, responds_to_claim_id, stance)
               values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                claim_id,
                article,
                text,
                start if start >= 0 else None,
                start + len(text) if start >= 0 else None,
                speaker,
                speaker_text,
                via,
                quote_kind,
                polarity,
                key,
                event_id,
                period,
                period,
                event_date,
                event_date,
                responds_to,
                "deny" if responds_to else "assert",
            ],
        )

    return insert


@pytest.fixture
def add_the_resumption(add_story_claim):
    """`add_the_resumption()`: Khalaf (via AFP) and the Pentagon deny what the New York Times' officials affirm:
    three pairs, and a fourth with the NYT's own report in a second article."""

    def insert():
        add_story_claim(
            "deny1",
            "a1",
            -1,
            "Les opérations communes n'ont pas repris",
            speaker="khalaf",
            speaker_text="le porte-parole Abdulkarim Khalaf",
            via="afp",
            quote_kind="direct",
        )
        add_story_claim(
            "aff1",
            "a1",
            1,
            "les opérations avaient repris mercredi",
            speaker_text="Deux responsables américains",
            via="nyt",
        )
        add_story_claim("deny2", "a1", -1, "ces informations", speaker="pentagone", responds_to="aff1")
        add_story_claim(
            "aff2", "a3", 1, "les opérations avaient repris", speaker="nyt", speaker_text="Le New York Times"
        )

    return insert
