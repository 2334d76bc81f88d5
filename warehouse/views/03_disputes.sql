-- grain: one row per disputed question (see dispute_claims): its sides side by side (affirm / deny, or each
-- count, or each date), each side's sources and how many of them are independent (wire copies and a medium
-- relaying a description are one source: claim_sources.origin_key), who relays whom, the first and last
-- report, and the quoted evidence with its offsets into articles.body
create or replace view disputes as
with members as (select * from dispute_claims),
pairs as (
    select
        members.dispute_id,
        contradictions.contradiction_id,
        contradictions.confidence,
        contradictions.explanation,
    from contradictions
    inner join members on members.kind = contradictions.kind and members.claim_id = contradictions.claim_id_a
),
sides as (
    select
        dispute_id,
        side_rank,
        side,
        count(*)::integer as n_claims,
        count(distinct source_name)::integer as n_sources,
        count(distinct origin_key)::integer as n_independent_sources,
        list(distinct origin_name order by origin_name) as independent_sources,
        list(distinct source_name || ' via ' || via_name order by source_name || ' via ' || via_name)
            filter (where via_name is not null) as relays,
        min(reported_on) as first_reported_on,
        max(reported_on) as last_reported_on,
        list({
            'claim_id': claim_id,
            'article_id': article_id,
            'source_uri': source_uri,
            'source': source_name,
            'relayed_by': via_name,
            'text': text,
            'char_start': char_start,
            'char_end': char_end,
            'reported_on': reported_on,
        } order by reported_on, source_uri, char_start) as evidence,
    from members
    group by dispute_id, side_rank, side
),
-- the question in the words of one claim: an affirmation rather than a denial (`ces informations`), reported
-- rather than quoted in the first person, one whose words name its subject (`lacks_subject`), the shortest that
-- says something (six words or more)
label_claims as (
    select
        dispute_id,
        claim_label(text, subject_text) as label,
        row_number() over (
            partition by dispute_id
            order by polarity desc, quote_kind = 'direct', lacks_subject(claim_label(text, subject_text)),
                     length(text) - length(replace(text, ' ', '')) < 5, length(text), claim_id
        ) as preference,
    from members
),
disputes as (
    select
        -- ids
        members.dispute_id,
        any_value(members.kind) as kind,
        min(members.event_key) as event_key,
        any_value(label_claims.label) as label,
        -- the sides, in order (affirm then deny; counts and dates ascending)
        count(distinct members.side)::integer as n_sides,
        (select list({
                    'side': sides.side,
                    'n_claims': sides.n_claims,
                    'n_sources': sides.n_sources,
                    'n_independent_sources': sides.n_independent_sources,
                    'independent_sources': sides.independent_sources,
                    'relays': coalesce(sides.relays, []),
                    'first_reported_on': sides.first_reported_on,
                    'last_reported_on': sides.last_reported_on,
                    'evidence': sides.evidence,
                } order by sides.side_rank)
         from sides where sides.dispute_id = members.dispute_id) as sides,
        -- counts
        count(distinct members.claim_id)::integer as n_claims,
        count(distinct members.article_id)::integer as n_articles,
        count(distinct members.source_name)::integer as n_sources,
        count(distinct members.origin_key)::integer as n_independent_sources,
        -- when it was reported
        min(members.reported_on) as first_reported_on,
        max(members.reported_on) as last_reported_on,
        list(distinct members.claim_id order by members.claim_id) as claim_ids,
        list(distinct members.article_id order by members.article_id) as article_ids,
        list(distinct members.event_id order by members.event_id) filter (where members.event_id is not null)
            as event_ids,
        (select list(pairs.contradiction_id order by pairs.contradiction_id) from pairs
         where pairs.dispute_id = members.dispute_id) as contradiction_ids,
        (select max(pairs.confidence) from pairs where pairs.dispute_id = members.dispute_id) as confidence,
    from members
    inner join label_claims on label_claims.dispute_id = members.dispute_id and label_claims.preference = 1
    group by members.dispute_id
)
select * from disputes
