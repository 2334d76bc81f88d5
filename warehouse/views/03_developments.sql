-- grain: one row per pair of claims about the same event at different times with opposite polarity:
-- a change of state ("not resumed" on 16 January, "resuming" on 30 January), not a contradiction
create or replace view developments as
with sources as (select * from claim_sources where has_theme),
changes as (
    select
        earlier.event_key,
        earlier.claim_id as claim_id_before,
        later.claim_id as claim_id_after,
        earlier.source_name as speaker_before,
        later.source_name as speaker_after,
        earlier.text as text_before,
        later.text as text_after,
        earlier.polarity as polarity_before,
        later.polarity as polarity_after,
        -- the expected day of each side (the middle of its window) and the windows themselves
        earlier.period_start + ((earlier.period_end - earlier.period_start) // 2)::integer as before_on,
        later.period_start + ((later.period_end - later.period_start) // 2)::integer as after_on,
        earlier.period_start as before_from,
        earlier.period_end as before_to,
        later.period_start as after_from,
        later.period_end as after_to,
        -- certain when the windows are disjoint; lower when an uncertain window reaches the other one
        (case when earlier.period_end < later.period_start then 1.0 else 0.6 end)::double as confidence,
    from sources as earlier
    inner join sources as later
        on earlier.event_key = later.event_key
        and earlier.polarity <> later.polarity
        -- disjoint windows, or an expected day (middle of the window) more than a week earlier: `not
        -- resumed`, said some day in January, then `resuming` on 30 January (the contradictions view
        -- takes the overlapping pairs whose expected days lie within a week)
        and (earlier.period_end < later.period_start
             or (later.period_start - earlier.period_start) + (later.period_end - earlier.period_end) > 2 * 7)
        -- a light verb's theme names no one event (`n'a pas les mots`, then `auront leur mot à dire`)
        and not is_light_event(earlier.event_key)
        -- a casualty report without a date of its own is about the same episode (see is_casualty_event)
        and not (is_casualty_event(earlier.event_key)
                 and (earlier.event_start is null or later.event_start is null))
        -- the same event, opposed as a whole, as for contradictions (see 00_opposable_claims.sql: `il n'y
        -- aura aucun métro sur les lignes 2, 3…` then `sur les lignes 4 et 7, un métro sur trois
        -- uniquement` is no change of state)
        and same_agent(earlier.agent, later.agent)
        and whole_opposition(earlier.restricted, later.restricted, earlier.modal, later.modal)
        and denial_reaches(earlier.denial_scope, earlier.polarity, later.text)
        and denial_reaches(later.denial_scope, later.polarity, earlier.text)
        and count_reaches(earlier.polarity, earlier.quantity, earlier.quantity_op, later.quantity)
        and count_reaches(later.polarity, later.quantity, later.quantity_op, earlier.quantity)
        -- a denial of the other claim's report disputes it (see contradictions), it does not change the state
        and earlier.responds_to_claim_id is distinct from later.claim_id
        and later.responds_to_claim_id is distinct from earlier.claim_id
    where earlier.article_id = later.article_id
        or exists (
            select 1 from article_links
            where article_links.article_id_a = least(earlier.article_id, later.article_id)
                and article_links.article_id_b = greatest(earlier.article_id, later.article_id)
        )
)
select * from changes
