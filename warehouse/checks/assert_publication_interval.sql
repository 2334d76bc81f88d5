-- severity: critical
-- published_earliest <= published_on <= published_latest
select article_id as id
from articles
where published_on not between published_earliest and published_latest
    or published_earliest > published_latest
