-- grain: one row per expectation evaluated in a run (kept across runs)
create table dq_results (
    run_id            varchar not null,
    suite             varchar not null,
    expectation       varchar not null,
    severity          varchar not null,   -- critical | warning
    success           boolean not null,
    observed_value    varchar,
    unexpected_count  bigint,
    sample_ids        varchar[],
    evaluated_at      timestamp
);
