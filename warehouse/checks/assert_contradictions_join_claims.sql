-- severity: critical
-- every contradiction joins two different existing claims
select contradiction_id as id
from contradictions
where claim_id_a = claim_id_b
    or claim_id_a not in (select claim_id from claims)
    or claim_id_b not in (select claim_id from claims)
