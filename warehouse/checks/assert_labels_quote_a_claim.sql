-- severity: warning
-- a timeline or dispute label is taken from the text of one of its claims (clause_label: the clause trimmed,
-- its first letter capitalised, quotation marks dropped, spaces collapsed, cut with `…`), after the subject the
-- clause leaves out when the claim names it (claim_words: `claims.subject_text`)
with labelled as (
    select row_number() over () as labelled_row, id, label, claim_ids
    from (
        select event_id as id, label, claim_ids from timeline
        union all
        select dispute_id as id, label, claim_ids from disputes
    )
),
-- each label with each of its claims (joined on the claim id: no claim is compared with every label)
candidates as (
    select labelled_row, label, unnest(claim_ids) as claim_id
    from labelled
),
quoting as (
    select candidates.labelled_row
    from candidates
    inner join claims on claims.claim_id = candidates.claim_id
    where contains(
        lower(regexp_replace(
            regexp_replace(claim_words(claims.text, claims.subject_text), '["«»“”]', '', 'g'), '\s+', ' ', 'g')),
        lower(rtrim(candidates.label, '…')))
)
select labelled.id
from labelled
where not exists (select 1 from quoting where quoting.labelled_row = labelled.labelled_row)
