-- grain: one row per temporal expression in a body
create table dates (
    date_id       varchar primary key,
    article_id    varchar not null,
    claim_id      varchar,
    sentence_idx  integer,
    char_start    integer,
    char_end      integer,
    surface       varchar not null,
    timex_type    varchar not null,   -- DATE | TIME | DURATION | SET
    value         varchar,            -- TIMEX3 value
    modifier      varchar,            -- TIMEX3 mod
    start_date    date,
    end_date      date,
    anchor        varchar not null,   -- absolute | publication | previous | none
    calendar      boolean             -- names its month or year (`le 3 janvier`), not deictic (`vendredi`)
);
