-- grain: one row per pair of articles about the same story (article_id_a < article_id_b)
-- They share at least two named actors and their actor sets have a Jaccard similarity of at least
-- 0.15 (transforms/links.py). Claims of different articles are compared only within such pairs.
create table article_links (
    article_id_a   varchar not null,
    article_id_b   varchar not null,
    n_shared       integer not null,
    actor_jaccard  double not null,
    primary key (article_id_a, article_id_b)
);
