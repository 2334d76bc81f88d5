-- severity: critical
-- the two claims of a contradiction are on different sides of their dispute (affirm and deny, two counts, two dates), and every dispute's
-- reports are ordered (first before last)
select contradictions.contradiction_id as id
from contradictions
inner join dispute_claims as side_a
    on side_a.kind = contradictions.kind and side_a.claim_id = contradictions.claim_id_a
inner join dispute_claims as side_b
    on side_b.kind = contradictions.kind and side_b.claim_id = contradictions.claim_id_b
where side_a.side = side_b.side
union all
select dispute_id as id
from disputes
where first_reported_on > last_reported_on
