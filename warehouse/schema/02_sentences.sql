-- grain: one row per sentence of an article body
create table sentences (
    article_id     varchar not null,
    sentence_idx   integer not null,
    paragraph_idx  integer not null,
    char_start     integer not null,
    char_end       integer not null,
    text           varchar not null,
    primary key (article_id, sentence_idx)
);
