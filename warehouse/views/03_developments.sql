-- grain: one row per pair of claims about the same event at different times with opposite polarity:
-- a change of state ("not resumed" on 16 January, "resuming" on 30 January), not a contradiction
create or replace view developments as
with sources as (select * from claim_sources),
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
        earlier.period_end as before_on,
        later.period_start as after_on,
    from sources as earlier
    inner join sources as later
        on earlier.event_key = later.event_key
        and earlier.polarity <> later.polarity
        and earlier.period_end < later.period_start
    where earlier.article_id = later.article_id
        or exists (
            select 1 from article_links
            where article_links.article_id_a = least(earlier.article_id, later.article_id)
                and article_links.article_id_b = greatest(earlier.article_id, later.article_id)
        )
)
select * from changes
