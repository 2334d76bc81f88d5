-- grain: one row per actor mention in a body
create table mentions (
    article_id    varchar not null,
    actor_id      varchar not null,
    sentence_idx  integer,
    char_start    integer not null,
    char_end      integer not null,
    surface       varchar not null,
    label         varchar               -- NER label of the mention
);
