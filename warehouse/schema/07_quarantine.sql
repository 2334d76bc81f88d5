-- grain: one row per input that could not become an article
create table quarantine (
    source_uri      varchar not null,
    content_sha256  varchar,
    reason          varchar not null,   -- empty | binary | undecodable | too_large | not_a_dispatch | unreadable
    detail          varchar,
    run_id          varchar,
    quarantined_at  timestamp
);
