"""The `contradictions` view (`warehouse/views/02_contradictions.sql`) on tiny hand-made tables: pairs of claims
about one event that cannot both be true (polarity, quantity, date)."""

from datetime import date


def test_opposite_polarity_same_time_is_a_contradiction(con, add_claim):
    add_claim("c1", "a1", "porte-parole irakien", -1, date(2020, 1, 16))
    add_claim("c2", "a1", "responsables américains", 1, date(2020, 1, 15))
    add_claim("c3", "a1", "responsables américains", 1, None)
    rows = con.execute("select kind, claim_id_a, claim_id_b from contradictions order by 2, 3").fetchall()
    # c1/c2 speak about different days: a development; c1/c3 has an unknown time: kept, lower confidence
    assert rows == [("polarity", "c1", "c3")]
    confidence = con.execute("select confidence from contradictions").fetchall()[0][0]
    assert 0 < confidence < 0.9


def test_same_speaker_never_contradicts_itself_here(con, add_claim):
    add_claim("c1", "a1", "coalition", -1, date(2020, 1, 16))
    add_claim("c2", "a1", "coalition", 1, date(2020, 1, 16))
    assert con.execute("select count(*) from contradictions").fetchall()[0][0] == 0


def test_quantities_respect_comparators(con, add_claim):
    day = date(2020, 1, 16)
    add_claim("c1", "a1", "source A", 1, day, 5000, ">", "soldat", "deployer|soldat")
    add_claim("c2", "a1", "source B", 1, day, 5200, "=", "soldat", "deployer|soldat")
    add_claim("c3", "a1", "source C", 1, day, 11, "=", "missile", "attaquer|base")
    add_claim("c4", "a1", "source D", 1, day, 22, "=", "missile", "attaquer|base")
    rows = con.execute("select kind, claim_id_a, claim_id_b from contradictions").fetchall()
    assert rows == [("quantity", "c3", "c4")]  # "plus de 5000" and 5200 are compatible


def test_claims_from_unrelated_articles_are_not_compared(con, add_claim, add_link):
    add_claim("c1", "a1", "porte-parole irakien", -1, date(2020, 1, 16))
    add_claim("c2", "a2", "responsables américains", 1, date(2020, 1, 16))
    assert con.execute("select count(*) from contradictions").fetchall()[0][0] == 0
    # the same two articles, now linked as telling the same story
    add_link("a1", "a2")
    assert con.execute("select claim_id_a, claim_id_b from contradictions").fetchall() == [("c1", "c2")]


def test_copies_of_one_wire_are_one_source(con, add_claim, add_link):
    con.execute("update articles set near_duplicate_of = 'a1' where article_id = 'a2'")
    add_link("a1", "a2")
    add_claim("c1", "a1", "AFP", -1, date(2020, 1, 16))
    add_claim("c2", "a2", "l'agence", 1, date(2020, 1, 16))
    assert con.execute("select count(*) from contradictions").fetchall()[0][0] == 0


def test_different_onsets_of_one_activity_are_a_date_conflict_whatever_their_time(con, add_link, add_own_dates):
    """`formation … depuis 2014` vs `depuis 2015`: both keyed as the start of the training; the
    year-long windows do not overlap, which makes them a date conflict (not two different times)."""
    add_link("a1", "a2", shared=3)
    con.execute(
        """insert into claims (claim_id, article_id, text, quote_kind, polarity, hedged, event_key,
                   event_start, event_end, period_start, period_end) values
           ('c1', 'a1', 'formation depuis 2014', 'narrative', 1, false, 'commencer|formation',
            '2014-01-01', '2014-12-31', '2014-01-01', '2014-12-31'),
           ('c2', 'a2', 'formation depuis 2015', 'narrative', 1, false, 'commencer|formation',
            '2015-01-01', '2015-12-31', '2015-01-01', '2015-12-31')"""
    )
    add_own_dates("c1", "c2")
    ((kind, explanation),) = con.execute("select kind, explanation from contradictions").fetchall()
    assert kind == "date" and "dates it 2014" in explanation and "dates it 2015" in explanation
    assert con.execute("select date_conflict, dates_reported_labels from timeline").fetchall() == [
        (True, ["2014", "2015"])
    ]


def test_onsets_of_different_agents_do_not_conflict(con, add_link):
    """`Emmanuel Macron a entamé ses vacances mercredi` vs `les vacances du gouvernement ont débuté
    samedi`: two beginnings of `vacances`, but not the same person's."""
    add_link("a1", "a2")
    con.execute(
        """insert into claims (claim_id, article_id, text, quote_kind, polarity, hedged, event_key, agent,
                   event_start, event_end, period_start, period_end) values
           ('c1', 'a1', 'Macron a entamé ses vacances', 'narrative', 1, false, 'commencer|vacance', 'mkrn',
            '2019-07-24', '2019-07-24', '2019-07-24', '2019-07-24'),
           ('c2', 'a2', 'le gouvernement, vacances samedi', 'narrative', 1, false, 'commencer|vacance', 'gouvernement',
            '2019-07-27', '2019-07-27', '2019-07-27', '2019-07-27')"""
    )
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]


def test_opposite_claims_about_different_agents_do_not_conflict(con, add_claim):
    """`Les États-Unis n'ont pas retiré leurs troupes` / `La France a retiré ses troupes`."""
    day = date(2020, 1, 16)
    add_claim("c1", "a1", "source A", -1, day, key="retirer|troupe")
    add_claim("c2", "a1", "source B", 1, day, key="retirer|troupe")
    con.execute("update claims set agent = 'etats-unis' where claim_id = 'c1'")
    con.execute("update claims set agent = 'france' where claim_id = 'c2'")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    con.execute("update claims set agent = null where claim_id = 'c2'")  # unknown agent: may be the same
    assert con.execute("select count(*) from contradictions").fetchall() == [(1,)]
    # a pronoun agent (`?`: `il ne serrait pas la main`, `vous m'auriez serré la main`) is nobody in particular
    con.execute("update claims set agent = '?'")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]


def test_an_undated_casualty_report_contradicts_a_dated_denial_whatever_its_day(con, add_claim, add_link):
    add_link("a1", "a2", shared=3)
    con.execute("""insert into claims (claim_id, article_id, text, speaker_text, quote_kind, polarity, hedged,
                   event_key, event_start, event_end, period_start, period_end, negation) values
                   ('c1', 'a1', 'personne n''a été tué ni blessé', null, 'narrative', -1, false, 'blesser|_',
                    '2020-01-06', '2020-01-12', '2020-01-06', '2020-01-12', 'personne … n''… ni'),
                   ('c9', 'a1', 'il n''a pas été blessé', 'X', 'indirect', -1, false, 'blesser|_',
                    null, null, '2020-01-16', '2020-01-16', 'n''… pas'),
                   ('c2', 'a2', 'des dizaines ont subi des traumatismes', null, 'narrative', 1, false, 'blesser|_',
                    null, null, '2020-01-30', '2020-01-30', null),
                   ('c3', 'a1', 'les opérations n''ont pas repris', null, 'narrative', -1, false,
                    'reprendre|operation', null, null, '2020-01-16', '2020-01-16', 'n''… pas'),
                   ('c4', 'a2', 'nous reprenons nos opérations', null, 'narrative', 1, false,
                    'reprendre|operation', null, null, '2020-01-30', '2020-01-30', null),
                   ('c5', 'a1', 'je ne comprends pas', 'X', 'direct', -1, false, 'comprendre|_',
                    null, null, '2020-01-16', '2020-01-16', 'ne … pas'),
                   ('c6', 'a1', 'chacun le comprendra', 'Y', 'direct', 1, false, 'comprendre|_',
                    null, null, '2020-01-16', '2020-01-16', null)""")
    # tolls: 3 dead said on the 16th (undated), 5 dead said on the 30th (undated): news, not a conflict
    add_claim("c7", "a1", "police", 1, date(2020, 1, 16), 3, "=", "personne", "tuer|personne")
    add_claim("c8", "a2", "hôpital", 1, date(2020, 1, 30), 5, "=", "personne", "tuer|personne")
    rows = con.execute("select kind, claim_id_a, claim_id_b, explanation from contradictions").fetchall()
    # the injuries are one past episode: a contradiction (time uncertain); the operations changed state;
    # an event with no theme other than a casualty is never compared (`comprendre|_`), and a casualty
    # without a theme only when denied by a negative quantifier (`personne`, not `il n'a pas été blessé`)
    assert [r[:3] for r in rows] == [("polarity", "c1", "c2")]
    assert "time uncertain" in rows[0][3]
    # the two periods do not overlap: the row spans both (6 to 30 January), never an inverted interval
    assert con.execute("select period_start, period_end from contradictions").fetchall() == [
        (date(2020, 1, 6), date(2020, 1, 30))
    ]
    assert con.execute("select claim_id_before, claim_id_after from developments").fetchall() == [("c3", "c4")]
    # a casualty without a theme is the incident its story tells: articles that share few of their actors
    # (`aucune personne n'a été blessée` on a train, `six passants poignardés` in the street) tell two
    con.execute("update article_links set actor_jaccard = 0.18")
    assert con.execute("select count(*) from contradictions where kind = 'polarity'").fetchall() == [(0,)]


def test_a_restricted_denial_and_a_possessed_theme(con, add_link):
    add_link("a1", "a2")
    con.execute("""insert into claims (claim_id, article_id, text, speaker_text, quote_kind, polarity, hedged,
                   event_key, denial_scope, theme_owned, agent, event_start, event_end, period_start, period_end)
                   values
                   ('c1', 'a1', 'Aucune enquête pour tentative de meurtre n''a été ouverte', 'procureur', 'indirect',
                    -1, false, 'ouvrir|enquete', 'tentative', false, null, null, null, '2020-01-16', '2020-01-16'),
                   ('c2', 'a1', 'une enquête en recherche des causes de la mort a été ouverte', 'parquet', 'indirect',
                    1, false, 'ouvrir|enquete', null, false, null, null, null, '2020-01-16', '2020-01-16'),
                   ('c3', 'a2', 'une enquête pour tentative de meurtre a été ouverte', 'avocat', 'indirect',
                    1, false, 'ouvrir|enquete', null, false, null, null, null, '2020-01-16', '2020-01-16'),
                   ('c4', 'a1', 'Macron a entamé ses vacances mercredi', null, 'narrative', 1, false,
                    'commencer|vacance', null, true, 'macron', '2020-01-15', '2020-01-15', '2020-01-15', '2020-01-15'),
                   ('c5', 'a2', 'les vacances ont débuté samedi', null, 'narrative', 1, false,
                    'commencer|vacance', null, false, null, '2020-01-18', '2020-01-18', '2020-01-18', '2020-01-18')""")
    rows = con.execute("select kind, claim_id_a, claim_id_b from contradictions order by 2, 3").fetchall()
    # only the affirmation that names the attempted murder contradicts the restricted denial; the
    # holidays that began on Saturday may be someone else's than Macron's
    assert rows == [("polarity", "c1", "c3")]


def test_within_one_article_only_two_quoted_sources_disagree(con, add_claim):
    """The article's own voice does not contradict a source it quotes without saying so; two sources
    it quotes may (Esper and the coalition letter in one dispatch)."""
    day = date(2020, 1, 16)
    add_claim("c1", "a1", "Élysée", 1, day, key="retransmettre|echange")
    con.execute(
        """insert into claims (claim_id, article_id, text, quote_kind, polarity, hedged, event_key,
                   period_start, period_end) values
           ('c2', 'a1', 'pas retransmis', 'narrative', -1, false, 'retransmettre|echange', ?, ?)""",
        [day, day],
    )
    assert con.execute("select count(*) from contradictions").fetchall()[0][0] == 0
    add_claim("c3", "a1", "un journaliste", -1, day, key="retransmettre|echange")
    assert con.execute("select claim_id_a, claim_id_b from contradictions").fetchall() == [("c1", "c3")]


def test_date_conflicts_need_own_dates_one_occurrence_and_a_story(con, add_link, add_own_dates):
    """`l'hommage rendu mardi aux militaires tués` dates the homage, not the killing (a date inherited
    from the sentence); `la nouvelle campagne débutera dimanche` is not the campaign another article
    dates; two articles sharing two actors are a thin story."""
    add_link("a1", "a2", shared=3)
    con.execute(
        """insert into claims (claim_id, article_id, text, quote_kind, polarity, hedged, event_key, new_instance,
                   event_start, event_end, period_start, period_end) values
           ('c1', 'a1', 'tués le 10 mai', 'narrative', 1, false, 'tuer|militaire', false,
            '2019-05-10', '2019-05-10', '2019-05-10', '2019-05-10'),
           ('c2', 'a2', 'tués', 'narrative', 1, false, 'tuer|militaire', false,
            '2019-05-14', '2019-05-14', '2019-05-14', '2019-05-14'),
           ('c3', 'a1', 'la campagne a commencé le 1er mars', 'narrative', 1, false, 'commencer|operation', false,
            '2019-03-01', '2019-03-01', '2019-03-01', '2019-03-01'),
           ('c4', 'a2', 'la nouvelle campagne débutera dimanche', 'narrative', 1, false, 'commencer|operation', true,
            '2019-04-21', '2019-04-21', '2019-04-21', '2019-04-21')"""
    )
    add_own_dates("c1", "c3", "c4")
    assert con.execute("select count(*) from contradictions where kind = 'date'").fetchall() == [(0,)]
    assert con.execute("select bool_or(date_conflict) from timeline").fetchall() == [(False,)]
    add_own_dates("c2", calendar=False)  # `tués vendredi`: a deictic date, shifted by a late publication
    assert con.execute("select count(*) from contradictions where kind = 'date'").fetchall() == [(0,)]
    assert con.execute("select bool_or(date_conflict) from timeline").fetchall() == [(False,)]
    con.execute("update dates set calendar = true")  # now both killings are dated with their month
    assert con.execute("select claim_id_a, claim_id_b from contradictions").fetchall() == [("c1", "c2")]
    assert con.execute("select bool_or(date_conflict) from timeline").fetchall() == [(True,)]
    con.execute("update article_links set n_shared = 2")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    con.execute("update article_links set n_shared = 3, actor_jaccard = 0.16")  # 3 shared of 19: two stories
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]


def test_a_running_tally_conflicts_only_when_it_shrinks(con, add_claim, add_link):
    """`105 personnes interpellées` (said on the 16th), then `au total, 173` (said on the 30th): the tally
    as it grew; the reverse order contradicts; the same day, a count stamped with its hour is a moment."""
    add_link("a1", "a2", shared=3)
    day = date(2020, 1, 16)
    add_claim("c1", "a1", "préfecture", 1, day, 105, "=", "personne", "interpeller|personne")
    add_claim("c2", "a2", "ministre", 1, day, 173, "=", "personne", "interpeller|personne")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    con.execute("update claims set quantity = 300 where claim_id = 'c1'")  # said first, then fewer
    assert con.execute("select kind, claim_id_a, claim_id_b from contradictions").fetchall() == [
        ("quantity", "c1", "c2")
    ]
    con.execute("update articles set published_on = '2020-01-16' where article_id = 'a2'")  # the same day:
    assert con.execute("select count(*) from contradictions").fetchall() == [(1,)]  # two sources disagree,
    con.execute(  # unless one count is the tally at an hour of the day (`à 16 heures`)
        """insert into dates (date_id, article_id, claim_id, surface, timex_type, value, anchor)
           values ('d1', 'a1', 'c1', 'à 16 heures', 'TIME', '2020-01-16T16:00', 'publication')"""
    )
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    # a count that is not a tally (missiles of one strike) conflicts whenever it was said
    add_claim("c3", "a1", "source C", 1, day, 11, "=", "missile", "attaquer|base")
    add_claim("c4", "a2", "source D", 1, day, 22, "=", "missile", "attaquer|base")
    assert con.execute("select claim_id_a, claim_id_b from contradictions").fetchall() == [("c3", "c4")]


def test_shares_are_not_counts(con, add_claim):
    day = date(2019, 6, 1)
    add_claim("c1", "a1", "Ifop", 1, day, 65, "=", "pourcent", "avoir|opinion")
    add_claim("c2", "a1", "Elabe", 1, day, 60, "=", "pourcent", "avoir|opinion")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]


def test_only_counts_that_are_the_news_conflict(con, add_claim):
    """12 départements on alert at dawn, 11 at 16:00; 984 products sold by one retailer, 434 by
    another: counts of other events are tallies and measurements, not conflicting reports."""
    day = date(2018, 1, 28)
    add_claim("c1", "a1", "Météo France", 1, day, 12, "=", "departement", "maintenir|vigilance")
    add_claim("c2", "a1", "préfecture", 1, day, 11, "=", "departement", "maintenir|vigilance")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    add_claim("c3", "a1", "police", 1, day, 3, "=", "personne", "tuer|personne")
    add_claim("c4", "a1", "hôpital", 1, day, 5, "=", "personne", "tuer|personne")
    con.execute("update claims set event_start = period_start, event_end = period_end")  # (dated tolls)
    assert con.execute("select kind, claim_id_a, claim_id_b from contradictions").fetchall() == [
        ("quantity", "c3", "c4")
    ]


def test_a_past_state_in_the_imperfect_does_not_deny_an_event(con, add_claim, add_own_dates):
    """`aucun bateau ne venait chez nous` (a situation, imperfect) and `un bateau est venu` (an event):
    the situation before the event, unless both are dated in their own words."""
    add_claim("c1", "a1", "un touriste", -1, date(2020, 1, 16), key="venir|bateau")
    add_claim("c2", "a1", "un autre touriste", 1, date(2020, 1, 16), key="venir|bateau")
    assert con.execute("select count(*) from contradictions").fetchall() == [(1,)]
    con.execute("update claims set imperfect = true where claim_id = 'c1'")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    con.execute("update claims set imperfect = true where claim_id = 'c2'")  # two states: compared again
    assert con.execute("select count(*) from contradictions").fetchall() == [(1,)]
    con.execute("update claims set imperfect = false where claim_id = 'c2'")
    con.execute("update claims set event_start = period_start, event_end = period_end")
    add_own_dates("c1", "c2")  # both dated (`le 16 janvier`): the same time, a conflict
    assert con.execute("select count(*) from contradictions").fetchall() == [(1,)]


def test_a_possibility_is_denied_only_by_an_impossibility(con, add_claim):
    """`pourrait battre des records` vs `on ne devrait pas battre ces records`: both can be right;
    `pourrait` vs `ne pourrait pas` cannot."""
    add_claim("c1", "a1", "la prévisionniste", 1, date(2020, 1, 16), key="battre|record")
    add_claim("c2", "a1", "un météorologue", -1, date(2020, 1, 16), key="battre|record")
    con.execute("update claims set possible = true, modal = 'pouvoir' where claim_id = 'c1'")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    con.execute("update claims set possible = true, modal = 'devoir' where claim_id = 'c2'")  # an expectation
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    con.execute("update claims set possible = true, modal = 'pouvoir' where claim_id = 'c2'")
    assert con.execute("select count(*) from contradictions").fetchall() == [(1,)]


def test_a_denial_of_a_report_is_explained_as_a_denial_not_an_affirmation(con, add_claim):
    # « Je ne comprends pas l'Europe », aurait dit la reine; the palace denied this report: the denial of a
    # negative quotation has polarity +1, but the palace affirms nothing
    day = date(2020, 1, 16)
    add_claim("c1", "a1", "la reine", -1, day, key="comprendre|europe")
    add_claim("c2", "a1", "le palais", 1, day, key="comprendre|europe")
    con.execute(
        "update claims set stance = 'deny', responds_to_claim_id = 'c1', negation = 'démentir' where claim_id = 'c2'"
    )
    ((explanation,),) = con.execute("select explanation from contradictions").fetchall()
    assert explanation == "le palais denies the account of la reine (démentir)"
    # without the link, the polarities explain the row
    con.execute("update claims set responds_to_claim_id = null where claim_id = 'c2'")
    ((explanation,),) = con.execute("select explanation from contradictions").fetchall()
    assert explanation == "la reine denies it (ne … pas); le palais affirms it"


def test_the_event_classes_table_decides_which_counts_conflict(con, add_claim):
    """`event_classes` (from `lexicons/event_classes.csv`) is read by the views: a class marked `counted`
    has its counts compared, whatever the view's code."""
    assert con.execute("select event_class from event_classes where counted and tallied order by 1").fetchall() == [
        ("blesser",),
        ("interpeller",),
        ("tuer",),
    ]
    day = date(2018, 1, 28)
    add_claim("c1", "a1", "Météo France", 1, day, 12, "=", "departement", "maintenir|vigilance")
    add_claim("c2", "a1", "préfecture", 1, day, 11, "=", "departement", "maintenir|vigilance")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    con.execute("insert into event_classes values ('maintenir', false, true, false, false, false)")
    assert con.execute("select kind from contradictions").fetchall() == [("quantity",)]


def test_a_casualty_denied_by_a_quantifier_opposes_tolls_that_name_or_not_the_victims(con, add_link):
    add_link("a1", "a2", shared=3)
    con.execute("""insert into claims (claim_id, article_id, text, speaker_text, quote_kind, polarity, hedged,
                   event_key, quantity, period_start, period_end, negation) values
                   ('c1', 'a1', 'aucun Américain n''a été blessé', 'Trump', 'direct', -1, false, 'blesser|_',
                    null, '2020-01-16', '2020-01-16', 'aucun … n''a'),
                   ('c2', 'a2', 'onze soldats ont été blessés', 'Pentagone', 'indirect', 1, false, 'blesser|soldat',
                    11, '2020-01-16', '2020-01-16', null),
                   ('c3', 'a1', 'le général n''a pas été tué', 'X', 'indirect', -1, false, 'tuer|general',
                    null, '2020-01-16', '2020-01-16', 'n''… pas'),
                   ('c4', 'a2', 'l''attaque a fait 80 morts', 'Y', 'indirect', 1, false, 'tuer|_',
                    80, '2020-01-16', '2020-01-16', null),
                   ('c5', 'a1', 'aucun civil n''a été tué', 'Z', 'indirect', -1, false, 'tuer|civil',
                    null, '2020-01-16', '2020-01-16', 'aucun … n''a'),
                   ('c6', 'a2', 'trois militaires ont été tués', 'W', 'indirect', 1, false, 'tuer|militaire',
                    3, '2020-01-16', '2020-01-16', null),
                   ('c7', 'a2', 'Soleimani, tué dans une frappe', null, 'narrative', 1, false, 'tuer|slmni',
                    null, '2020-01-16', '2020-01-16', null),
                   ('c8', 'a1', 'personne n''a été tué', null, 'narrative', -1, false, 'tuer|_',
                    null, '2020-01-16', '2020-01-16', 'personne … n''a')""")
    rows = con.execute("select claim_id_a, claim_id_b from contradictions order by 1, 2").fetchall()
    # `aucun Américain` denies the eleven soldiers and `aucun civil` the 80 dead of a report that names no
    # victim; `personne` denies both tolls; `le général n'a pas été tué` denies no toll, two named themes
    # (`civil`, `militaire`) are two sets of victims, and one named victim (`Soleimani, tué`) is no toll of
    # the incident `personne` speaks of
    assert rows == [("c1", "c2"), ("c4", "c5"), ("c4", "c8"), ("c6", "c8")]


def test_a_denial_that_counts_answers_only_a_count_in_its_range(con, add_claim, add_link):
    add_link("a1", "a2")
    add_claim("c1", "a1", "Esper", -1, date(2020, 1, 16), 5000, ">", "soldat", "retirer|soldat")
    add_claim("c2", "a2", "Pentagone", 1, date(2020, 1, 16), None, None, None, "retirer|soldat")
    add_claim("c3", "a2", "Reuters", 1, date(2020, 1, 16), 6000, "=", "soldat", "retirer|soldat")
    rows = con.execute("select claim_id_a, claim_id_b from contradictions where kind = 'polarity'").fetchall()
    # `n'ont pas retiré plus de 5000 soldats` says nothing of `les soldats ont été évacués`
    assert rows == [("c1", "c3")]


def test_counts_that_answer_each_other_conflict_whatever_their_event_and_time(con, add_claim):
    """`1,1 million de manifestants selon la police, 2 millions selon la CGT`: two sources' counts juxtaposed
    in one sentence, the second answering the first (`responds_to_claim_id`), are counts of one thing at one
    time, though a turnout is no event whose count is otherwise compared."""
    add_claim("c1", "a1", "la police", 1, None, 1.1e6, "=", "personne", "compter|personne")
    add_claim("c2", "a1", "la CGT", 1, None, 2e6, "=", "personne", "compter|personne")
    add_claim("c3", "a1", "les syndicats", 1, None, 1.5e6, ">", "personne", "compter|personne")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]  # (not counted otherwise)
    con.execute("update claims set stance = 'assert', responds_to_claim_id = 'c1' where claim_id in ('c2', 'c3')")
    rows = con.execute(
        "select kind, claim_id_a, claim_id_b, confidence, explanation from contradictions order by 2, 3"
    ).fetchall()
    # (c3 answers c1 with `plus de 1,5 million`, incompatible; c2 and c3 do not answer each other)
    assert [r[:3] for r in rows] == [("quantity", "c1", "c2"), ("quantity", "c1", "c3")]
    assert all(r[3] == 0.9 for r in rows)  # the same time by construction: no uncertainty
    assert rows[0][4] == "la police counts 1100000 personne; la CGT counts 2000000 personne: incompatible"
    assert "more than 1500000 personne" in rows[1][4]


def test_counts_that_answer_each_other_may_leave_their_unit_unsaid(con, add_claim):
    """`233 selon le collectif, 195 selon le ministère`: neither names what it counts; two unrelated counts
    without a unit are still not compared."""
    add_claim("c1", "a1", "le collectif", 1, None, 233, "=", None, "compter|nombre")
    add_claim("c2", "a1", "le ministère", 1, None, 195, "=", None, "compter|nombre")
    add_claim("c3", "a1", "la préfecture", 1, None, 12, "=", None, "compter|nombre")
    con.execute("update claims set stance = 'assert', responds_to_claim_id = 'c1' where claim_id = 'c2'")
    rows = con.execute("select kind, claim_id_a, claim_id_b from contradictions").fetchall()
    assert rows == [("quantity", "c1", "c2")]


def test_a_death_told_by_a_noun_is_compared_at_its_time_not_as_a_toll(con, add_link):
    """An undated casualty report is taken to be about the episode a dated one tells (a toll), whenever it was
    said; not `la mort de X` (a noun), which may be a later death than an old denial (`X n'a pas été tué`
    in an attack he survived): it is compared at its statement's time, as any claim."""
    add_link("a1", "a2", shared=3)
    con.execute("""insert into claims (claim_id, article_id, text, speaker_text, quote_kind, polarity, hedged,
                   event_key, event_start, event_end, period_start, period_end, negation, nominal) values
        ('c1', 'a1', 'le général n''a pas été tué', 'armée', 'indirect', -1, false, 'tuer|dpnt',
         '2020-01-06', '2020-01-06', '2020-01-06', '2020-01-06', 'n''… pas', false),
        ('c2', 'a2', 'depuis la mort du général Dupont', null, 'narrative', 1, false, 'tuer|dpnt',
         null, null, '2020-01-30', '2020-01-30', null, true)""")
    assert con.execute("select count(*) from contradictions").fetchall() == [(0,)]
    # the same claim told by a clause is a toll-like casualty report: the same episode, time uncertain
    con.execute("update claims set nominal = false where claim_id = 'c2'")
    assert con.execute("select claim_id_a, claim_id_b from contradictions").fetchall() == [("c1", "c2")]
    # said the same day, the noun and the denial do disagree
    con.execute(
        "update claims set nominal = true, period_start = '2020-01-06', period_end = '2020-01-06' where claim_id = 'c2'"
    )
    assert con.execute("select claim_id_a, claim_id_b from contradictions").fetchall() == [("c1", "c2")]
