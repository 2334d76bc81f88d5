-- severity: warning
-- a timeline or dispute label is taken from the text of one of its claims (clause_label: the clause trimmed,
-- its first letter capitalised, quotation marks dropped, spaces collapsed, cut with `…`)
with labelled as (
    select event_id as id, label, claim_ids from timeline
    union all
    select dispute_id as id, label, claim_ids from disputes
)
select labelled.id
from labelled
where not exists (
    select 1 from claims
    where list_contains(labelled.claim_ids, claims.claim_id)
        and contains(lower(regexp_replace(regexp_replace(claims.text, '["«»“”]', '', 'g'), '\s+', ' ', 'g')),
                 lower(rtrim(labelled.label, '…')))
)
