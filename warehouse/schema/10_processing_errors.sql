-- grain: one row per article a stage could not fully process (the article itself is kept)
create table processing_errors (
    article_id  varchar not null,
    stage       varchar not null,   -- extract
    error       varchar not null,
    run_id      varchar
);
