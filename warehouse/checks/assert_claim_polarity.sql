-- severity: critical
-- every claim has an event key and a polarity of +1 or -1
select claim_id as id
from claims
where event_key is null or event_key = '' or polarity not in (1, -1)
