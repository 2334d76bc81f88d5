-- grain: one row per pair of articles about the same story (they share named actors)
-- Claims from different articles are compared only within such pairs: two unrelated stories that
-- both say "une enquête a été ouverte" do not contradict each other.
create or replace view article_links as
with mentions as (select * from mentions),
article_actors as (
    select distinct article_id, actor_id from mentions
),
sizes as (
    select article_id, count(*) as n_actors from article_actors group by article_id
),
shared as (
    select
        left_side.article_id as article_id_a,
        right_side.article_id as article_id_b,
        count(*) as n_shared,
    from article_actors as left_side
    inner join article_actors as right_side
        on left_side.actor_id = right_side.actor_id
        and left_side.article_id < right_side.article_id
    group by left_side.article_id, right_side.article_id
),
linked as (
    select
        shared.article_id_a,
        shared.article_id_b,
        shared.n_shared,
        shared.n_shared / (sizes_a.n_actors + sizes_b.n_actors - shared.n_shared) as actor_jaccard,
    from shared
    inner join sizes as sizes_a on sizes_a.article_id = shared.article_id_a
    inner join sizes as sizes_b on sizes_b.article_id = shared.article_id_b
)
select * from linked
where n_shared >= 2 and actor_jaccard >= 0.15
