-- severity: critical
-- every reference points at an existing row
with broken as (
    select 'claims.article_id:' || claim_id as id from claims
    where article_id not in (select article_id from articles)
    union all
    select 'claims.speaker_actor_id:' || claim_id from claims
    where speaker_actor_id is not null and speaker_actor_id not in (select actor_id from actors)
    union all
    select 'claims.via_actor_id:' || claim_id from claims
    where via_actor_id is not null and via_actor_id not in (select actor_id from actors)
    union all
    select 'mentions.actor_id:' || article_id || ':' || char_start from mentions
    where actor_id not in (select actor_id from actors)
    union all
    select 'mentions.article_id:' || article_id || ':' || char_start from mentions
    where article_id not in (select article_id from articles)
    union all
    select 'dates.article_id:' || date_id from dates
    where article_id not in (select article_id from articles)
    union all
    select 'dates.claim_id:' || date_id from dates
    where claim_id is not null and claim_id not in (select claim_id from claims)
)
select * from broken
