-- severity: critical
-- every timeline interval is ordered
select event_key as id
from timeline
where event_start > event_end
