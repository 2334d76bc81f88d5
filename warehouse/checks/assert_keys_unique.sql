-- severity: critical
-- every key names one row, across the whole warehouse (the table suites validate the changed rows only)
with keys as (
    select 'articles:' || article_id as id from articles
    union all
    select 'actors:' || actor_id from actors
    union all
    select 'claims:' || claim_id from claims
    union all
    select 'dates:' || date_id from dates
    union all
    select 'contradictions:' || contradiction_id from contradictions
    union all
    select 'timeline:' || event_id from timeline
    union all
    select 'disputes:' || dispute_id from disputes
    union all
    select 'dispute_claims:' || dispute_id || ':' || claim_id from dispute_claims
)
select id
from keys
group by id
having count(*) > 1
