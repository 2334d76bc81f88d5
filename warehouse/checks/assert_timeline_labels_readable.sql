-- severity: critical
-- a timeline or dispute label is words of a text, never an internal key (`tuer|slmni`, `tuer · slmni`)
select event_id as id
from timeline
where label is null
    or label in (event_key, replace(event_key, '|', ' · '))
    or starts_with(label, replace(event_key, '|', ' · ') || ':')
union all
select dispute_id as id
from disputes
where label is null
    or label in (event_key, replace(event_key, '|', ' · '))
    or starts_with(label, replace(event_key, '|', ' · ') || ':')
