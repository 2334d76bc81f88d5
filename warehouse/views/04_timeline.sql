-- grain: one row per real-world event that at least one source dates: an event key told in one story
-- (claims.event_id; two unrelated killings are two rows even though both are `tuer|homme`)
create or replace view timeline as
with sources as (select * from claim_sources),
dated as (
    -- (claims loaded without an event id fall back to one event per key)
    select * replace (coalesce(event_id, event_key) as event_id)
    from sources where event_start is not null and has_theme
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
    from dated
    group by event_id
)
select * from events
