-- severity: critical
-- a date with a calendar interval was resolved against something; intervals are ordered
select date_id as id
from dates
where (start_date is not null and anchor = 'none')
    or start_date > end_date
