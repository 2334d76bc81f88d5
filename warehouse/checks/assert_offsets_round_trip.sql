-- severity: critical
-- every span of mentions, claims and dates returns its own text from articles.body
with articles as (select article_id, body from articles),
spans as (
    select 'mentions' as source, article_id, char_start, char_end, surface as expected from mentions
    union all
    select 'claims', article_id, char_start, char_end, text from claims
    union all
    select 'dates', article_id, char_start, char_end, surface from dates
),
broken as (
    select spans.source || ':' || spans.article_id || ':' || spans.char_start as id
    from spans
    inner join articles on articles.article_id = spans.article_id
    where spans.char_start < 0
        or spans.char_end > length(articles.body)
        or substr(articles.body, spans.char_start + 1, spans.char_end - spans.char_start) <> spans.expected
)
select * from broken
