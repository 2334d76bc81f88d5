-- grain: one row per article: what its resolution read from the rest of the corpus when it was last resolved
-- (transforms/context.py). A run resolves an article again only when it is new or one of these keys changed;
-- the other articles keep their rows.
create table article_state (
    article_id     varchar primary key,
    context_key    varchar not null,   -- hash of its mentions' actors, their types, genders, functions, prefixes, publication
    narrowing_key  varchar             -- hash of its narrowing group (articles without a fixed day linked to it), if any
);
