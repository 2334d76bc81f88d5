-- grain: one row per pair of claims about the same event that cannot both be true
create or replace view contradictions as
with sources as (select * from claim_sources),
pairs as (
    select
        left_claim.claim_id as claim_id_a,
        right_claim.claim_id as claim_id_b,
        left_claim.event_key,
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
        left_claim.hedged or right_claim.hedged as any_hedged,
        left_claim.quantity as quantity_a,
        right_claim.quantity as quantity_b,
        left_claim.quantity_op as op_a,
        right_claim.quantity_op as op_b,
        left_claim.quantity_max as max_a,
        right_claim.quantity_max as max_b,
        left_claim.quantity_unit as unit_a,
        right_claim.quantity_unit as unit_b,
        left_claim.event_start as event_start_a,
        right_claim.event_start as event_start_b,
        left_claim.event_end as event_end_a,
        right_claim.event_end as event_end_b,
        -- the time both claims speak about; unknown when either side is unknown
        greatest(left_claim.period_start, right_claim.period_start) as period_start,
        least(left_claim.period_end, right_claim.period_end) as period_end,
        left_claim.period_start is null or right_claim.period_start is null
            or (is_casualty_event(left_claim.event_key)
                and (left_claim.event_start is null or right_claim.event_start is null)) as period_unknown,
        left_claim.period_start as left_period_start,
        right_claim.period_start as right_period_start,
        left_claim.period_end as left_period_end,
        right_claim.period_end as right_period_end,
        coalesce(left_claim.period_end - left_claim.period_start, 99)
            + coalesce(right_claim.period_end - right_claim.period_start, 99) as period_width_days,
    from sources as left_claim
    inner join sources as right_claim
        on left_claim.event_key = right_claim.event_key
        and left_claim.claim_id < right_claim.claim_id
        and left_claim.source_key <> right_claim.source_key
        -- two copies of one wire do not disagree with each other: they are the same source
        and not (left_claim.article_id <> right_claim.article_id
                 and left_claim.independent_source = right_claim.independent_source)
        -- the same event: when both name its agent, the same one (`X n'a pas retiré ses troupes` and
        -- `Y a retiré ses troupes` do not conflict)
        and (left_claim.agent is null or right_claim.agent is null or left_claim.agent = right_claim.agent)
    -- two articles are compared only when they tell the same story (see article_links)
    where (
        left_claim.article_id = right_claim.article_id
        or exists (
            select 1 from article_links
            where article_links.article_id_a = least(left_claim.article_id, right_claim.article_id)
                and article_links.article_id_b = greatest(left_claim.article_id, right_claim.article_id)
        )
    )
),
same_time as (
    -- claims about different times describe a change, not a conflict (see the developments view):
    -- the windows must overlap and their expected days (the middles of the windows) lie within a week.
    -- (Date conflicts below compare all pairs: different dates for one event are their very subject.)
    select * from pairs
    where period_unknown
        or (period_start <= period_end
            and abs((left_period_start - right_period_start) + (left_period_end - right_period_end)) <= 2 * 7)
),
polarity_conflicts as (
    select
        'polarity' as kind,
        *,
        case
            when polarity_a < 0 then format('{} denies it ({}); {} affirms it', speaker_a,
                                            coalesce(negation_a, 'ne … pas'), speaker_b)
            else format('{} affirms it; {} denies it ({})', speaker_a, speaker_b, coalesce(negation_b, 'ne … pas'))
        end as explanation,
    from same_time
    where polarity_a <> polarity_b
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
    where quantity_a is not null and quantity_b is not null and unit_a = unit_b
        and polarity_a = 1 and polarity_b = 1
),
quantity_conflicts as (
    select
        'quantity' as kind,
        * exclude (low_a, high_a, low_b, high_b),
        format('{} {} vs {} {}: incompatible', quantity_a, unit_a, quantity_b, unit_b) as explanation,
    from quantity_bounds
    where high_a < low_b or high_b < low_a
),
date_conflicts as (
    select
        'date' as kind,
        * replace (least(event_start_a, event_start_b) as period_start,
                   greatest(event_end_a, event_end_b) as period_end),
        format('{} dates it {}; {} dates it {}', speaker_a, date_label(event_start_a, event_end_a),
               speaker_b, date_label(event_start_b, event_end_b)) as explanation,
    from pairs
    where event_start_a is not null and event_start_b is not null
        and polarity_a = 1 and polarity_b = 1
        and (event_end_a < event_start_b or event_end_b < event_start_a)
        -- events that happen once: a death, a beginning
        and split_part(event_key, '|', 1) in ('tuer', 'commencer')
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
        period_start,
        period_end,
        round(
            0.9
            * case when any_hedged then 0.6 else 1.0 end
            * case when period_unknown then 0.6 when period_width_days > 14 then 0.8 else 1.0 end,
            3)::double as confidence,
        explanation
            || case when any_hedged then ' (hedged)' else '' end
            || case when period_unknown then ' (time uncertain)' else '' end as explanation,
    from all_conflicts
)
select * from scored
