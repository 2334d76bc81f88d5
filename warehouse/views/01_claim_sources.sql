-- grain: one row per claim, with who stands behind it, the time it speaks about, and whether its event
-- is identified well enough to be compared across sources
create or replace view claim_sources as
with claims as (select * from claims),
articles as (select * from articles),
actors as (select * from actors),
-- the dates a claim's own words give (a temporal expression in its span: `dates.claim_id`)
own_dates as (
    select
        claim_id,
        bool_or(start_date is not null) as any_dated,
        bool_or(start_date is not null and calendar) as any_calendar,
        bool_or(timex_type = 'TIME') as any_time_of_day,
    from dates
    where claim_id is not null
    group by claim_id
),
sourced as (
    select
        -- ids
        claims.claim_id,
        claims.article_id,
        claims.event_key,
        claims.event_id,
        claims.agent,
        -- an event needs an identified theme to be compared across sources; a casualty report names
        -- none as often as not (`personne n'a été blessé`) and is compared anyway (contradictions only)
        claims.event_key not like '%|\_' escape '\' as has_theme,
        -- who
        coalesce(speakers.canonical_name, claims.speaker_text, articles.outlet,
                 'the article ' || coalesce('«' || articles.title || '»', articles.source_uri)) as source_name,
        coalesce(claims.speaker_actor_id, lower(claims.speaker_text), 'article:' || claims.article_id) as source_key,
        -- a wire republished by several outlets is one independent source: its earliest copy
        coalesce(articles.near_duplicate_of, articles.article_id) as independent_source,
        -- who a report comes from, whatever carries it (disputes and timeline count these): a named speaker
        -- (`Abdulkarim Khalaf`, quoted by two outlets: one source); a speaker named only by a description
        -- and relayed by a medium (`Deux responsables militaires américains, cités par le New York Times`)
        -- is that medium's report; another description is one source per wire (`des responsables
        -- américains` in one article and its copies); the article's own voice is its agency's when it
        -- credits one (two outlets rewriting one AFP dispatch: one source), else its outlet's, else its own
        -- wire (an article and its near-duplicate copies)
        case
            when claims.speaker_actor_id is not null then 'actor:' || claims.speaker_actor_id
            when claims.speaker_text is not null and coalesce(claims.via_actor_id, claims.via_text) is not null
                then 'actor:' || coalesce(claims.via_actor_id, lower(claims.via_text))
            when claims.speaker_text is not null
                then 'speaker:' || lower(claims.speaker_text) || '@' || coalesce(articles.near_duplicate_of, articles.article_id)
            when len(coalesce(articles.agencies, [])) > 0 then 'agency:' || articles.agencies[1]
            when articles.outlet is not null then 'outlet:' || articles.outlet
            else 'article:' || coalesce(articles.near_duplicate_of, articles.article_id)
        end as origin_key,
        case
            when claims.speaker_actor_id is not null then speakers.canonical_name
            when claims.speaker_text is not null and coalesce(claims.via_actor_id, claims.via_text) is not null
                then coalesce(relays.canonical_name, claims.via_text)
            when claims.speaker_text is not null then claims.speaker_text
            when len(coalesce(articles.agencies, [])) > 0 then articles.agencies[1]
            else coalesce(articles.outlet, 'the article ' || coalesce('«' || articles.title || '»', articles.source_uri))
        end as origin_name,
        -- the intermediary that relays the report (`cités par le New York Times`, `a déclaré à l'AFP`)
        claims.via_actor_id,
        coalesce(relays.canonical_name, claims.via_text) as via_name,
        articles.source_uri,
        articles.title,
        -- what
        claims.text,
        claims.subject_text,
        claims.polarity,
        claims.hedged,
        claims.negation,
        claims.denial_scope,
        claims.stance,
        -- the earlier claim this one takes up (`Le palais a démenti cette information`)
        claims.responds_to_claim_id,
        coalesce(claims.theme_owned, false) as theme_owned,
        coalesce(claims.restricted, false) as restricted,
        coalesce(claims.new_instance, false) as new_instance,
        coalesce(claims.imperfect, false) as imperfect,
        coalesce(claims.possible, false) as possible,
        -- told by a definite event noun (`depuis l'assassinat de X`): the event its story knows, presupposed
        coalesce(claims.nominal, false) as nominal,
        claims.modal,
        -- the claim's own words date its event (a temporal expression in its span), as opposed to a date
        -- it inherits from its sentence or its statement (`l'hommage rendu mardi aux militaires tués`)
        coalesce(own_dates.any_dated, false) as has_own_date,
        -- ... and names its month or year (`le 3 janvier`, `en 2014`): a deictic date (`tué vendredi`, `hier`)
        -- is resolved against a publication day that a republished or updated article shifts
        coalesce(own_dates.any_calendar, false) as has_own_calendar_date,
        -- ... or stamps it with a time of day (`105 personnes interpellées à 16 heures`: the tally at that hour)
        coalesce(own_dates.any_time_of_day, false) as has_own_time_of_day,
        claims.quote_kind,
        claims.quantity,
        claims.quantity_unit,
        claims.quantity_op,
        claims.quantity_max,
        claims.char_start,
        claims.char_end,
        -- when
        claims.event_start,
        claims.event_end,
        claims.statement_date,
        claims.period_start,
        claims.period_end,
        articles.published_on,
        articles.published_earliest,
        -- the earliest day the report can have been made: the statement, else the publication
        coalesce(claims.statement_date, articles.published_on, articles.published_earliest) as reported_on,
        articles.published_latest,
    from claims
    inner join articles on articles.article_id = claims.article_id
    left join actors as speakers on speakers.actor_id = claims.speaker_actor_id
    left join actors as relays on relays.actor_id = claims.via_actor_id
    left join own_dates on own_dates.claim_id = claims.claim_id
    where claims.event_key not like 'none|%'
)
select * from sourced
