"""The `claim_sources` view (`warehouse/views/01_claim_sources.sql`): every claim that states an event, with who
stands behind it (its source, the origin independent sources are counted by), whether its own words date it,
and when it was reported."""

from datetime import date


def _origins(story):
    return {
        claim_id: (origin_key, origin_name, source_name)
        for claim_id, origin_key, origin_name, source_name in story.execute(
            "select claim_id, origin_key, origin_name, source_name from claim_sources"
        ).fetchall()
    }


def test_the_origin_of_a_report_is_its_speaker_its_relay_its_wire_or_its_agency(story, add_story_claim):
    add_story_claim("named", "a1", -1, "Les opérations communes n'ont pas repris", speaker="khalaf", via="afp")
    add_story_claim("relayed", "a1", 1, "les opérations avaient repris", speaker_text="Deux responsables", via="nyt")
    add_story_claim("described", "a3", 1, "les opérations avaient repris", speaker_text="Des Responsables")
    add_story_claim("agency", "a2", 1, "les opérations avaient repris", quote_kind="narrative")
    add_story_claim("own", "a3", 1, "les opérations avaient repris mercredi", quote_kind="narrative")
    origins = _origins(story)
    # a named speaker is one source whoever relays them (AFP relays Khalaf)
    assert origins["named"] == ("actor:khalaf", "Abdulkarim Khalaf", "Abdulkarim Khalaf")
    # a description relayed by a medium is that medium's report
    assert origins["relayed"] == ("actor:nyt", "The New York Times", "Deux responsables")
    # a description alone is one source per wire; the article's voice is its agency's, else the article's own
    assert origins["described"] == ("speaker:des responsables@a3", "Des Responsables", "Des Responsables")
    assert origins["agency"] == ("agency:AFP", "AFP", "the article a2.txt")
    assert origins["own"] == ("article:a3", "the article a3.txt", "the article a3.txt")
    # a near-duplicate copy is its original's wire
    story.execute("update articles set near_duplicate_of = 'a1' where article_id = 'a3'")
    origins = _origins(story)
    assert (origins["described"][0], origins["own"][0]) == ("speaker:des responsables@a1", "article:a1")
    independent = dict(story.execute("select claim_id, independent_source from claim_sources").fetchall())
    assert (independent["own"], independent["agency"]) == ("a1", "a2")


def test_a_claim_that_states_no_event_has_no_source_row_and_a_casualty_may_have_no_theme(story, add_story_claim):
    add_story_claim("question", "a1", 1, "les opérations avaient repris", key="none|_")
    add_story_claim("nobody", "a1", -1, "personne n'a été blessé", key="blesser|_")
    add_story_claim("theme", "a1", 1, "les opérations avaient repris", key="reprendre|operation")
    rows = dict(story.execute("select claim_id, has_theme from claim_sources").fetchall())
    assert rows == {"nobody": False, "theme": True}


def test_own_dates_and_the_day_a_claim_was_reported(story, add_story_claim):
    add_story_claim("calendar", "a1", 1, "les opérations avaient repris", period=None)
    add_story_claim("deictic", "a2", 1, "les opérations avaient repris mercredi", period=None)
    add_story_claim("inherited", "a3", 1, "les opérations avaient repris", period=None)
    story.execute(
        """insert into dates (date_id, article_id, claim_id, surface, timex_type, start_date, end_date, anchor,
                              calendar) values
           ('d1', 'a1', 'calendar', 'le 15 janvier', 'DATE', '2020-01-15', '2020-01-15', 'absolute', true),
           ('d2', 'a2', 'deictic', 'mercredi', 'DATE', '2020-01-15', '2020-01-15', 'publication', false),
           ('d3', 'a2', 'deictic', 'à 16 heures', 'TIME', null, null, 'publication', false),
           ('d4', 'a3', null, 'mardi', 'DATE', '2020-01-14', '2020-01-14', 'publication', false)"""
    )
    story.execute("update claims set statement_date = '2020-01-15' where claim_id = 'deictic'")
    rows = {
        r[0]: r[1:]
        for r in story.execute(
            "select claim_id, has_own_date, has_own_calendar_date, has_own_time_of_day, reported_on from claim_sources"
        ).fetchall()
    }
    assert rows["calendar"] == (True, True, False, date(2020, 1, 16))  # reported when published
    assert rows["deictic"] == (True, False, True, date(2020, 1, 15))  # when it was said
    assert rows["inherited"] == (False, False, False, date(2020, 1, 17))  # a date of its sentence is not its own
