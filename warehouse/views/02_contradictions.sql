-- grain: one row per pair of claims about the same event that cannot both be true
create or replace view contradictions as
-- (a casualty without a theme is compared only as "nobody was hurt" against "some were hurt": the
-- denial must carry a negative quantifier, not a pronoun's `il n'a pas été tué`: macro `is_quantifier_denial`)
with sources as materialized (
    select
        *,
        -- what a pair must share (see the join): the event key, or for a casualty its class; a join on equal
        -- keys, not on a disjunction, so that the pairs are found by hashing rather than by comparing every
        -- claim with every other
        case when is_casualty_event(event_key) then event_class_of(event_key) else event_key end as join_key,
    from claim_sources
    where has_theme
        or (is_casualty_event(event_key)
            and (polarity = 1 or is_quantifier_denial(negation)))
),
candidates as materialized (
    -- the pairs of claims under one key in one article, or in two articles that tell the same story (see
    -- article_links), found on narrow rows from the articles' side: a key can be common across the corpus (a
    -- class of casualty), so pairing every claim of a key with every other before keeping those of one story
    -- grew with the square of the corpus; pairs of one article, then pairs along each link, grow with the
    -- claims of each story.
    with keyed as (select claim_id, article_id, join_key from sources)
    select left_claim.claim_id as claim_id_a, right_claim.claim_id as claim_id_b
    from keyed as left_claim
    inner join keyed as right_claim
        on left_claim.article_id = right_claim.article_id
        and left_claim.join_key = right_claim.join_key
        and left_claim.claim_id < right_claim.claim_id
    union all
    select
        least(left_claim.claim_id, right_claim.claim_id) as claim_id_a,
        greatest(left_claim.claim_id, right_claim.claim_id) as claim_id_b,
    from article_links
    inner join keyed as left_claim on left_claim.article_id = article_links.article_id_a
    inner join keyed as right_claim
        on right_claim.article_id = article_links.article_id_b
        and right_claim.join_key = left_claim.join_key
),
left_sides as materialized (
    -- (one join at a time: the planner, which cannot count a CTE's rows, must not pair the claims first)
    select candidates.claim_id_b, sources.* from candidates inner join sources on sources.claim_id = candidates.claim_id_a
),
pairs as (
    select
        left_claim.claim_id as claim_id_a,
        right_claim.claim_id as claim_id_b,
        left_claim.event_key,
        -- (a casualty report with a theme and one without are compared by their class: see the join)
        left_claim.has_theme and right_claim.has_theme as has_theme,
        left_claim.event_key = right_claim.event_key as same_key,
        is_quantifier_denial(left_claim.negation) as quantifier_a,
        is_quantifier_denial(right_claim.negation) as quantifier_b,
        left_claim.agent as agent_a,
        right_claim.agent as agent_b,
        left_claim.article_id as article_id_a,
        right_claim.article_id as article_id_b,
        left_claim.source_name as speaker_a,
        right_claim.source_name as speaker_b,
        left_claim.text as text_a,
        right_claim.text as text_b,
        left_claim.polarity as polarity_a,
        right_claim.polarity as polarity_b,
        left_claim.negation as negation_a,
        right_claim.negation as negation_b,
        left_claim.theme_owned or right_claim.theme_owned as any_theme_owned,
        whole_opposition(left_claim.restricted, right_claim.restricted, left_claim.modal, right_claim.modal)
            as whole_opposition,
        left_claim.new_instance or right_claim.new_instance as any_new_instance,
        left_claim.imperfect <> right_claim.imperfect as one_imperfect,
        left_claim.has_own_calendar_date and right_claim.has_own_calendar_date as both_own_calendar_dates,
        -- the two articles tell one story beyond doubt: they share at least three actors and a quarter of
        -- all the actors they name (the same article: always). Needed where the event is identified by
        -- little more than its story: a casualty without a theme, a date conflict.
        left_claim.article_id = right_claim.article_id or exists (
            select 1 from article_links
            where article_links.article_id_a = least(left_claim.article_id, right_claim.article_id)
                and article_links.article_id_b = greatest(left_claim.article_id, right_claim.article_id)
                and article_links.n_shared >= 3 and article_links.actor_jaccard >= 0.25
        ) as same_story,
        -- one side denies the very report the other side is (`Buckingham Palace a démenti cette information`
        -- after `« Je ne comprends pas l'Europe », aurait dit la reine`)
        left_claim.stance = 'deny' and left_claim.responds_to_claim_id = right_claim.claim_id as a_denies_b,
        right_claim.stance = 'deny' and right_claim.responds_to_claim_id = left_claim.claim_id as b_denies_a,
        -- one count answers another: two sources' counts juxtaposed in one sentence (`1,1 million de
        -- manifestants selon la police, le double selon la CGT`: claims keyed `compter|…`), counts of one
        -- thing at one time by construction
        left_claim.responds_to_claim_id = right_claim.claim_id and left_claim.stance = 'assert'
            or right_claim.responds_to_claim_id = left_claim.claim_id and right_claim.stance = 'assert'
            as counters,
        left_claim.denial_scope as denial_scope_a,
        right_claim.denial_scope as denial_scope_b,
        left_claim.hedged or right_claim.hedged as any_hedged,
        left_claim.quantity as quantity_a,
        right_claim.quantity as quantity_b,
        left_claim.quantity_op as op_a,
        right_claim.quantity_op as op_b,
        left_claim.quantity_max as max_a,
        right_claim.quantity_max as max_b,
        left_claim.quantity_unit as unit_a,
        right_claim.quantity_unit as unit_b,
        left_claim.has_own_time_of_day or right_claim.has_own_time_of_day as any_time_of_day,
        -- when each was said (the statement, else the publication)
        coalesce(left_claim.statement_date, left_claim.published_on, left_claim.published_earliest) as stated_a,
        coalesce(right_claim.statement_date, right_claim.published_on, right_claim.published_earliest) as stated_b,
        left_claim.event_start as event_start_a,
        right_claim.event_start as event_start_b,
        left_claim.event_end as event_end_a,
        right_claim.event_end as event_end_b,
        -- the time both claims speak about; unknown when either side is unknown
        greatest(left_claim.period_start, right_claim.period_start) as period_start,
        least(left_claim.period_end, right_claim.period_end) as period_end,
        left_claim.period_start is null or right_claim.period_start is null as period_unknown,
        -- a casualty reported without a date of its own: the same past episode, whenever it was said (a toll);
        -- not a death told by a noun (`après la mort de X`), which may be a later one than an old denial
        -- (`X n'a pas été tué` in an earlier attack): its time is its statement's, as for any claim
        is_casualty_event(left_claim.event_key)
            and (left_claim.event_start is null or right_claim.event_start is null)
            and not (left_claim.nominal or right_claim.nominal) as casualty_undated,
        left_claim.period_start as left_period_start,
        right_claim.period_start as right_period_start,
        left_claim.period_end as left_period_end,
        right_claim.period_end as right_period_end,
        coalesce(left_claim.period_end - left_claim.period_start, 99)
            + coalesce(right_claim.period_end - right_claim.period_start, 99) as period_width_days,
    from left_sides as left_claim
    inner join sources as right_claim on right_claim.claim_id = left_claim.claim_id_b
    where (left_claim.event_key = right_claim.event_key
            -- casualties: one report names who was hurt, the other does not (`aucun Américain n'a été blessé`
            -- against `34 soldats ont été victimes de commotion`, `l'attaque a fait 80 morts` against
            -- `aucun militaire n'a été tué`): the same class of harm, compared as without a theme
            or (is_casualty_event(left_claim.event_key)
                and split_part(left_claim.event_key, '|', 1) = split_part(right_claim.event_key, '|', 1)
                and not (left_claim.has_theme and right_claim.has_theme)))
        and left_claim.source_key <> right_claim.source_key
        -- two copies of one wire do not disagree with each other: they are the same source
        and not (left_claim.article_id <> right_claim.article_id
                 and left_claim.independent_source = right_claim.independent_source)
        -- the same event: the same agent, or one unnamed (see same_agent)
        and same_agent(left_claim.agent, right_claim.agent)
        -- without a theme, not even one side may name an agent (`personne n'a été blessé par un
        -- projectile` is not contradicted by `un militaire a été blessé` in the scuffle)
        and ((left_claim.has_theme and right_claim.has_theme)
             or coalesce(left_claim.agent, '') = coalesce(right_claim.agent, ''))
        -- within one article, only two sources it quotes (the article does not contradict, in its own voice,
        -- a source it quotes without saying so: `les échanges ne seront pas retransmis en direct` and the
        -- Élysée's `seront retransmis seulement par quelques journalistes` are one account)
        and (left_claim.article_id <> right_claim.article_id
             or (left_claim.quote_kind <> 'narrative' and right_claim.quote_kind <> 'narrative'))
),
same_time as (
    -- claims about different times describe a change, not a conflict (see the developments view):
    -- the windows must overlap and their expected days (the middles of the windows) lie within a week.
    -- (Date conflicts below compare all pairs: different dates for one event are their very subject.)
    -- Undated casualty reports are kept for polarity only (`casualty_only`): a toll that grows from
    -- one report to the next is news, not a contradiction.
    -- A denial that answers the very report the other claim is (a_denies_b) is about that report's time,
    -- whenever it came (`Jean-Michel Clément a démenti les propos qui lui étaient attribués` a week later).
    select
        *,
        not (period_unknown or coalesce(a_denies_b or b_denies_a or counters, false)
             or (period_start <= period_end and abs((left_period_start - right_period_start)
                 + (left_period_end - right_period_end)) <= 2 * 7)) as casualty_only,
    from pairs
    where period_unknown
        or casualty_undated
        or coalesce(a_denies_b or b_denies_a or counters, false)
        or (period_start <= period_end
            and abs((left_period_start - right_period_start) + (left_period_end - right_period_end)) <= 2 * 7)
),
polarity_conflicts as (
    select
        'polarity' as kind,
        *,
        case
            -- denying a report is not affirming its opposite (`démentir` a negative quotation): say whose
            -- account is denied
            when coalesce(b_denies_a, false) then format('{} denies the account of {} ({})', speaker_b, speaker_a,
                                                         coalesce(negation_b, 'démenti'))
            when coalesce(a_denies_b, false) then format('{} denies the account of {} ({})', speaker_a, speaker_b,
                                                         coalesce(negation_a, 'démenti'))
            when polarity_a < 0 then format('{} denies it ({}); {} affirms it', speaker_a,
                                            coalesce(negation_a, 'ne … pas'), speaker_b)
            else format('{} affirms it; {} denies it ({})', speaker_a, speaker_b, coalesce(negation_b, 'ne … pas'))
        end as explanation,
    from same_time
    where polarity_a <> polarity_b
        -- a casualty without a theme (`personne n'a été blessé`) is about the incident its story tells:
        -- another article tells the same incident only if it tells the same story beyond doubt
        and (has_theme or same_story)
        -- across themes, only a denial by a negative quantifier denies every victim (`aucun Américain n'a
        -- été blessé`; `le général n'a pas été tué` says nothing of the 80 dead), and only a toll (`34
        -- soldats ont été victimes de commotion`), not one named victim's death in another incident
        -- (`personne n'a été tué` at the base, `Soleimani, tué dans une frappe`)
        and (same_key
             or (polarity_a < 0 and quantifier_a and quantity_b is not null)
             or (polarity_b < 0 and quantifier_b and quantity_a is not null))
        -- a denial that counts (`retirer plus de 5000 soldats`) answers only a count in its range
        and count_reaches(polarity_a, quantity_a, op_a, quantity_b)
        and count_reaches(polarity_b, quantity_b, op_b, quantity_a)
        -- both bear on the whole event as a fact (see whole_opposition: `seront retransmis seulement par
        -- quelques journalistes` neither affirms nor denies all of it), and a denial restricted by its
        -- complement (`aucune enquête pour tentative de meurtre`) answers only what mentions it
        and whole_opposition
        and denial_reaches(denial_scope_a, polarity_a, text_b)
        and denial_reaches(denial_scope_b, polarity_b, text_a)
        -- a state or habit in the imperfect and a single event are different times unless both are dated
        -- (`aucun bateau ne venait chez nous`, then `un bateau est venu`: the situation before the event)
        and (not one_imperfect or both_own_calendar_dates)
),
quantity_bounds as (
    select
        *,
        case op_a when '>' then quantity_a when '<' then 0 when '~' then quantity_a * 0.5 else quantity_a end as low_a,
        case op_a when '>' then 'infinity'::double when '<' then quantity_a when '~' then quantity_a * 5
                  when 'range' then max_a else quantity_a end as high_a,
        case op_b when '>' then quantity_b when '<' then 0 when '~' then quantity_b * 0.5 else quantity_b end as low_b,
        case op_b when '>' then 'infinity'::double when '<' then quantity_b when '~' then quantity_b * 5
                  when 'range' then max_b else quantity_b end as high_b,
    from same_time
    -- (a casualty toll without a date of its own may have grown since: not a conflict)
    where has_theme and not casualty_undated and quantity_a is not null and quantity_b is not null
        -- (counts that answer each other may both leave their unit unsaid: `233 selon le collectif, 195 selon le
        -- ministère`)
        and (unit_a = unit_b or (coalesce(counters, false) and unit_a is null and unit_b is null))
        -- a share (`65 % ont une mauvaise opinion`) is a poll's finding about someone, not a count
        and coalesce(unit_a, '') not in ('pourcent', '%', 'point')
        -- an event whose count is the news (see is_counted_event), or counts that answer each other
        and (is_counted_event(event_key) or coalesce(counters, false))
        -- counts of one thing: both name the same agent, or neither (`ce feu avait parcouru 480 hectares`
        -- and `[l'autre incendie] a parcouru 30 hectares` are two fires)
        and coalesce(agent_a, '') = coalesce(agent_b, '')
        and polarity_a = 1 and polarity_b = 1
),
quantity_conflicts as (
    select
        'quantity' as kind,
        * exclude (low_a, high_a, low_b, high_b),
        format('{} counts {}; {} counts {}: incompatible', speaker_a, count_label(op_a, quantity_a, max_a, unit_a),
               speaker_b, count_label(op_b, quantity_b, max_b, unit_b)) as explanation,
    from quantity_bounds
    where (high_a < low_b or high_b < low_a)
        -- a running tally (see is_tallied_event) conflicts only when the smaller count was said after the
        -- larger one, or both the same day with neither stamped with its hour: an earlier, smaller count
        -- is the tally as it stood (`105 personnes interpellées à 16 heures`, then `au total, 173`)
        and (not is_tallied_event(event_key)
             or (high_a < low_b and stated_a > stated_b)
             or (high_b < low_a and stated_b > stated_a)
             or (stated_a = stated_b and not any_time_of_day))
),
date_conflicts as (
    select
        'date' as kind,
        * replace (least(event_start_a, event_start_b) as period_start,
                   greatest(event_end_a, event_end_b) as period_end),
        format('{} dates it {}; {} dates it {}', speaker_a, date_label(event_start_a, event_end_a),
               speaker_b, date_label(event_start_b, event_end_b)) as explanation,
    from pairs
    where has_theme and event_start_a is not null and event_start_b is not null
        and polarity_a = 1 and polarity_b = 1
        -- each claim dates the event in its own words (not a date inherited from its sentence: `l'hommage
        -- rendu mardi aux militaires tués`) and with its month or year (`tué vendredi` in an article published
        -- a week later is resolved to the wrong Friday), neither is another occurrence (`la nouvelle
        -- campagne`), and the articles tell the same story beyond doubt (`la grève débutera mercredi 18
        -- avril` at the RATP and the SNCF's `jours de grève qui débutent ce mardi 3 avril` share 3 actors
        -- of 19)
        and both_own_calendar_dates and not any_new_instance and same_story
        and (event_end_a < event_start_b or event_end_b < event_start_a)
        -- reports of one event agree on how many it concerned: `130 femmes tuées en 2017` is not the
        -- killing of `une femme` in July 2019
        and coalesce(quantity_a, 1) = coalesce(quantity_b, 1)  -- (`une formation`: one, like no count)
        -- a possessed theme (`Macron a entamé ses vacances`) is its agent's own: the other claim must
        -- name the same agent (`les vacances ont débuté samedi` may be the government's)
        and not (any_theme_owned and coalesce(agent_a, '') <> coalesce(agent_b, ''))
        -- events that happen once: a death, a beginning (see is_once_event)
        and is_once_event(event_key)
),
all_conflicts as (
    select * from polarity_conflicts
    union all by name
    select * from quantity_conflicts
    union all by name
    select * from date_conflicts
),
scored as (
    select
        md5(kind || claim_id_a || claim_id_b)[:16] as contradiction_id,
        kind,
        event_key,
        claim_id_a,
        claim_id_b,
        article_id_a,
        article_id_b,
        speaker_a,
        speaker_b,
        text_a,
        text_b,
        -- the time both claims speak about; when they do not overlap (an undated casualty report against a
        -- dated one), the span of both
        case when period_start > period_end then least(left_period_start, right_period_start)
             else period_start end as period_start,
        case when period_start > period_end then greatest(left_period_end, right_period_end)
             else period_end end as period_end,
        round(
            0.9
            * case when any_hedged then 0.6 else 1.0 end
            * case when (period_unknown and not coalesce(counters, false)) or coalesce(casualty_only, false) then 0.6
                   when period_width_days > 14 and not coalesce(counters, false) then 0.8 else 1.0 end,
            3)::double as confidence,
        explanation
            || case when any_hedged then ' (hedged)' else '' end
            || case when (period_unknown and not coalesce(counters, false)) or coalesce(casualty_only, false)
                    then ' (time uncertain)' else '' end
            as explanation,
    from all_conflicts
)
select * from scored
