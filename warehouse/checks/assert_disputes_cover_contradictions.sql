-- severity: critical
-- every contradiction belongs to exactly one dispute of its kind, and both its claims take a side there
select contradictions.contradiction_id as id
from contradictions
left join dispute_claims as side_a
    on side_a.kind = contradictions.kind and side_a.claim_id = contradictions.claim_id_a
left join dispute_claims as side_b
    on side_b.kind = contradictions.kind and side_b.claim_id = contradictions.claim_id_b
group by contradictions.contradiction_id
having count(distinct side_a.dispute_id) <> 1
    or count(distinct side_b.dispute_id) <> 1
    or any_value(side_a.dispute_id) is distinct from any_value(side_b.dispute_id)
