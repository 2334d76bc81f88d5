-- grain: one row per real-world event that at least one source dates: an event key told in one story
-- (claims.event_id; two unrelated killings are two rows even though both are `tuer|homme`), and, for a
-- kind of event that can happen again, one row per occurrence: dates more than a week after every earlier
-- date of the event (`Emmanuel Macron s'est exprimé` on 6 May, 20 May and 29 June; two bodies found on 10
-- and 18 March) start another occurrence, whose `event_id` is suffixed `.2`, `.3`… An event that happens
-- once (`is_once_event`: a death, a beginning) is never split: its disjoint dates are a date conflict.
create or replace view timeline as
with sources as (select * from claim_sources),
dated as (
    -- (claims loaded without an event id fall back to one event per key)
    select * replace (coalesce(event_id, event_key) as event_id)
    from sources where event_start is not null and has_theme
),
ordered as (
    -- the dated claims of events that can happen again, in date order, with the latest end before each
    select
        claim_id,
        event_id,
        event_start,
        max(event_end) over (
            partition by event_id order by event_start, claim_id rows between unbounded preceding and 1 preceding
        ) as latest_end_before,
    from dated
    where not is_once_event(event_key)
),
occurrence_of as (
    -- a new occurrence starts more than a week after every earlier date of the event
    select
        claim_id,
        1 + sum(coalesce(event_start > latest_end_before + 7, false)::integer) over (
            partition by event_id order by event_start, claim_id rows unbounded preceding
        ) as occurrence,
    from ordered
),
occurrences as (
    select
        dated.* replace (
            case when coalesce(occurrence_of.occurrence, 1) = 1 then dated.event_id
                 else dated.event_id || '.' || occurrence_of.occurrence end as event_id
        ),
    from dated
    left join occurrence_of on occurrence_of.claim_id = dated.claim_id
),
events as (
    select
        event_id,
        min(event_key) as event_key,
        -- label: the event's predicate and theme, with the shortest dated sentence as context
        replace(min(event_key), '|', ' · ') || ': ' || left(arg_min(text, length(text)), 90) as label,
        min(event_start) as event_start,
        max(event_end) as event_end,
        count(distinct article_id)::integer as n_articles,
        count(distinct independent_source)::integer as n_independent_sources,
        count(*)::integer as n_claims,
        list(distinct claim_id order by claim_id) as claim_ids,
        list(distinct article_id order by article_id) as article_ids,
        min(coalesce(published_on, published_earliest)) as first_reported_on,
        -- sources conflict on the date when two of the dates they give in their own words cannot
        -- overlap (a date a claim inherits from its sentence is a guess, not what a source says, and so is
        -- a deictic `vendredi` resolved against a publication day; `la nouvelle campagne` is another
        -- occurrence)
        coalesce(max(event_start) filter (where has_own_calendar_date and not new_instance)
                 > min(event_end) filter (where has_own_calendar_date and not new_instance), false) as date_conflict,
        list(distinct case when event_start = event_end then event_start::varchar
                           else event_start::varchar || '/' || event_end::varchar end) as dates_reported,
        list(distinct date_label(event_start, event_end)) as dates_reported_labels,
    from occurrences
    group by event_id
)
select * from events
