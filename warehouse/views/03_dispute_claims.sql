-- grain: one row per claim taking a side in a dispute. A dispute is one disputed question: one event and
-- one kind of disagreement (did it happen: `polarity`; how many: `quantity`; when: `date`), gathering
-- every contradiction pair of that kind about that event, transitively (`A denies what B affirms` and `C
-- denies what B and D affirm` are one question with two sides, not four pairs). The event of a claim is its
-- `event_id` (one event key told in one story); a claim without an identified theme (`personne n'a été
-- blessé`) is an event of its own, joined to others only by the pairs it takes part in.
create or replace view dispute_claims as
with recursive
sources as (select * from claim_sources),
pairs as (
    select
        contradiction_id,
        kind,
        claim_id_a,
        claim_id_b,
        case when side_a.has_theme then coalesce(side_a.event_id, side_a.event_key)
             else 'claim:' || side_a.claim_id end as unit_a,
        case when side_b.has_theme then coalesce(side_b.event_id, side_b.event_key)
             else 'claim:' || side_b.claim_id end as unit_b,
    from contradictions
    inner join sources as side_a on side_a.claim_id = contradictions.claim_id_a
    inner join sources as side_b on side_b.claim_id = contradictions.claim_id_b
),
-- events that a pair of one kind joins, both ways, and each event with itself
edges as (
    select kind, unit_a as unit, unit_b as other from pairs
    union
    select kind, unit_b as unit, unit_a as other from pairs
    union
    select kind, unit_a as unit, unit_a as other from pairs
    union
    select kind, unit_b as unit, unit_b as other from pairs
),
reachable (kind, unit, other) as (
    select kind, unit, other from edges
    union
    select reachable.kind, reachable.unit, edges.other
    from reachable
    inner join edges on edges.kind = reachable.kind and edges.unit = reachable.other
),
-- one dispute per connected set of events: named by its smallest event
components as (
    select kind, unit, md5(kind || '|' || min(other))[:16] as dispute_id
    from reachable
    group by kind, unit
),
members as (
    select distinct kind, claim_id_a as claim_id, unit_a as unit from pairs
    union
    select distinct kind, claim_id_b as claim_id, unit_b as unit from pairs
),
sided as (
    select
        -- ids
        components.dispute_id,
        members.kind,
        sources.claim_id,
        sources.article_id,
        sources.event_key,
        sources.event_id,
        -- the side: affirm or deny; each count; each date
        case members.kind
            when 'polarity' then case when sources.polarity > 0 then 'affirm' else 'deny' end
            when 'quantity' then count_label(sources.quantity_op, sources.quantity, sources.quantity_max,
                                             sources.quantity_unit)
            else date_label(sources.event_start, sources.event_end)
        end as side,
        case members.kind
            when 'polarity' then case when sources.polarity > 0 then 1 else 2 end
            when 'quantity' then dense_rank() over (
                partition by components.dispute_id order by sources.quantity, sources.quantity_max)
            else dense_rank() over (partition by components.dispute_id order by sources.event_start, sources.event_end)
        end::integer as side_rank,
        -- who: the source as written, who relays it, and whom it comes from (`origin_key`: see claim_sources)
        sources.source_name,
        sources.via_actor_id,
        sources.via_name,
        sources.origin_key,
        sources.origin_name,
        -- the denial answers this report (`a démenti ces informations`)
        sources.responds_to_claim_id,
        -- the evidence: the words, where they are, when they were said
        sources.text,
        sources.subject_text,
        sources.char_start,
        sources.char_end,
        sources.source_uri,
        sources.title,
        sources.reported_on,
        sources.polarity,
        sources.hedged,
        sources.quantity,
        sources.quantity_op,
        sources.quantity_max,
        sources.quantity_unit,
        sources.event_start,
        sources.event_end,
        sources.quote_kind,
    from members
    inner join components on components.kind = members.kind and components.unit = members.unit
    inner join sources on sources.claim_id = members.claim_id
)
select * from sided
