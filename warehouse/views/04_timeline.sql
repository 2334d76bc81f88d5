-- grain: one row per real-world event that at least one source dates: an event key told in one story
-- (claims.event_id; two unrelated killings are two rows even though both are `tuer|homme`; a claim without
-- an identified theme, `tuant le 27 décembre un sous-traitant`, is an event of its own unless a dispute joins
-- it to others), and, for a kind of event that can happen again, one row per occurrence: dates more than a
-- week after every earlier date of the event (`Emmanuel Macron s'est exprimé` on 6 May, 20 May and 29 June;
-- two bodies found on 10 and 18 March) start another occurrence, whose `event_id` is suffixed `.2`, `.3`…
-- An event that happens once (`is_once_event`: a death, a beginning) is never split: its disjoint dates are
-- a date conflict. A source dates an event when its claim's event is dated (`event_start`), or when its own
-- words carry a date the resolver could only place within the claim's time window (`avaient repris
-- mercredi` in an article of some day in January). A disputed event (dispute_claims) is kept with both
-- sides, and every date its sources give; an event only denied is no event of the timeline. An article that
-- tells a dated event by a definite noun without dating it (`depuis l'assassinat du général Soleimani`) is
-- one of its sources too.
create or replace view timeline as
with sources as (select * from claim_sources),
disputed as (select * from dispute_claims),
dates as (select * from dates),
-- claims whose own words carry a date (a day or a time, not a duration, `désormais` or `bientôt`) that the
-- resolver could not place on the calendar: the claim's time window is that date
own_window as (
    select distinct claim_id
    from dates
    where claim_id is not null and timex_type in ('DATE', 'TIME') and start_date is null
        and value not like '%\_REF' escape '\'
),
-- the event each claim is about: its event id when its theme is identified; else the claim alone, or, when it
-- takes part in a dispute, the smallest identified event of that dispute (else its smallest claim)
dispute_groups as (
    select
        dispute_id,
        coalesce(min(coalesce(event_id, event_key)) filter (where event_key not like '%|\_' escape '\'),
                 'claim:' || min(claim_id)) as event_group,
    from disputed
    group by dispute_id
),
claim_groups as (
    select
        sources.*,
        case when sources.has_theme then coalesce(sources.event_id, sources.event_key)
             else coalesce((select min(dispute_groups.event_group) from disputed
                            inner join dispute_groups on dispute_groups.dispute_id = disputed.dispute_id
                            where disputed.claim_id = sources.claim_id),
                           'claim:' || sources.claim_id) end as event_group,
        sources.claim_id in (select claim_id from disputed) as is_disputed_claim,
        -- the date this claim gives the event: its resolved dates, else its time window
        coalesce(sources.event_start, case when own_window.claim_id is not null then sources.period_start end)
            as date_from,
        coalesce(sources.event_end, case when own_window.claim_id is not null then sources.period_end end)
            as date_to,
        sources.event_start is not null as is_resolved,
    from sources
    left join own_window on own_window.claim_id = sources.claim_id
),
-- an event's members: the claims that date it, those that dispute it, and those that tell it by a definite noun
-- without a date (`depuis l'assassinat du général Soleimani`: a definite description refers to the event its
-- story knows, the one the others date; a clause without a date may tell another occurrence)
members as (
    select * from claim_groups
    where (date_from is not null or is_disputed_claim or nominal)
        and event_group in (select event_group from claim_groups where date_from is not null)
),
ordered as (
    -- the dating claims of events that can happen again, in date order, with the latest end before each
    select
        claim_id,
        event_group,
        date_from,
        max(date_to) over (
            partition by event_group order by date_from, claim_id rows between unbounded preceding and 1 preceding
        ) as latest_end_before,
    from members
    where date_from is not null and not is_once_event(event_key)
),
occurrence_of as (
    -- a new occurrence starts more than a week after every earlier date of the event
    select
        claim_id,
        event_group,
        date_from,
        1 + sum(coalesce(date_from > latest_end_before + 7, false)::integer) over (
            partition by event_group order by date_from, claim_id rows unbounded preceding
        ) as occurrence,
    from ordered
),
occurrence_spans as (
    select event_group, occurrence, min(date_from) as span_from, max(date_from) as span_to
    from occurrence_of
    group by event_group, occurrence
),
-- an undated disputing or nominal claim joins the occurrence nearest to the time it speaks about (the earlier
-- of two as near: the view gives the same rows every time it is read)
undated_occurrence as (
    select
        members.claim_id,
        arg_min(occurrence_spans.occurrence,
                [abs(coalesce(members.period_start - occurrence_spans.span_to, 0))
                 + abs(coalesce(members.period_end - occurrence_spans.span_from, 0)),
                 occurrence_spans.occurrence]) as occurrence,
    from members
    inner join occurrence_spans on occurrence_spans.event_group = members.event_group
    where members.date_from is null
    group by members.claim_id
),
occurrences as (
    select
        members.*,
        coalesce(occurrence_of.occurrence, undated_occurrence.occurrence, 1) as occurrence,
    from members
    left join occurrence_of on occurrence_of.claim_id = members.claim_id
    left join undated_occurrence on undated_occurrence.claim_id = members.claim_id
),
-- the label: the words of one claim (see clause_label), an affirmation reported rather than quoted in the
-- first person, one that dates the event, one whose words name its subject (`lacks_subject`), the shortest that
-- says something (six words or more)
labels as (
    select
        event_group,
        occurrence,
        claim_label(text, subject_text) as label,
        row_number() over (
            partition by event_group, occurrence
            order by polarity desc, quote_kind = 'direct', date_from is null,
                     lacks_subject(claim_label(text, subject_text)),
                     length(text) - length(replace(text, ' ', '')) < 5, length(text), claim_id
        ) as preference,
    from occurrences
),
events as (
    select
        -- ids: the claims' event id (its `.2`, `.3`… occurrence), or one derived from the claim or dispute
        case when occurrences.event_group like 'claim:%' then md5(occurrences.event_group)[:16]
             else occurrences.event_group end
            || case when occurrences.occurrence = 1 then '' else '.' || occurrences.occurrence end as event_id,
        coalesce(min(occurrences.event_key) filter (where occurrences.has_theme), min(occurrences.event_key))
            as event_key,
        any_value(labels.label) as label,
        -- the best interval: the resolved dates, else the windows' common part, else all of them
        coalesce(
            min(occurrences.date_from) filter (where occurrences.is_resolved),
            case when max(occurrences.date_from) <= min(occurrences.date_to) then max(occurrences.date_from) end,
            min(occurrences.date_from)) as event_start,
        coalesce(
            max(occurrences.date_to) filter (where occurrences.is_resolved),
            case when max(occurrences.date_from) <= min(occurrences.date_to) then min(occurrences.date_to) end,
            max(occurrences.date_to)) as event_end,
        count(distinct occurrences.article_id)::integer as n_articles,
        -- whom the reports come from (claim_sources.origin_key: wire copies, a medium relaying a description)
        count(distinct occurrences.origin_key)::integer as n_independent_sources,
        count(*)::integer as n_claims,
        list(distinct occurrences.claim_id order by occurrences.claim_id) as claim_ids,
        list(distinct occurrences.article_id order by occurrences.article_id) as article_ids,
        min(coalesce(occurrences.published_on, occurrences.published_earliest)) as first_reported_on,
        -- sources conflict on the date when two of the dates they give in their own words cannot
        -- overlap (a date a claim inherits from its sentence is a guess, not what a source says, and so is
        -- a deictic `vendredi` resolved against a publication day; `la nouvelle campagne` is another
        -- occurrence)
        coalesce(max(occurrences.event_start) filter (where occurrences.has_own_calendar_date
                                                          and not occurrences.new_instance)
                 > min(occurrences.event_end) filter (where occurrences.has_own_calendar_date
                                                          and not occurrences.new_instance), false) as date_conflict,
        -- every date a source gives, disputed or not
        list(distinct case when occurrences.date_from = occurrences.date_to then occurrences.date_from::varchar
                           else occurrences.date_from::varchar || '/' || occurrences.date_to::varchar end
             order by case when occurrences.date_from = occurrences.date_to then occurrences.date_from::varchar
                           else occurrences.date_from::varchar || '/' || occurrences.date_to::varchar end)
            filter (where occurrences.date_from is not null) as dates_reported,
        list(distinct date_label(occurrences.date_from, occurrences.date_to)
             order by date_label(occurrences.date_from, occurrences.date_to))
            filter (where occurrences.date_from is not null) as dates_reported_labels,
        -- sources disagree on whether it happened, how many or when (see disputes)
        bool_or(occurrences.is_disputed_claim) as is_disputed,
        coalesce((select list(distinct disputed.dispute_id order by disputed.dispute_id) from disputed
                  where list_contains(list(occurrences.claim_id), disputed.claim_id)), []) as dispute_ids,
        bool_or(occurrences.polarity > 0) as any_affirmed,
    from occurrences
    inner join labels on labels.event_group = occurrences.event_group and labels.occurrence = occurrences.occurrence
        and labels.preference = 1
    group by occurrences.event_group, occurrences.occurrence
)
select * exclude (any_affirmed) from events
-- an event only denied (`personne n'a été tué`) is no event of the timeline
where any_affirmed
