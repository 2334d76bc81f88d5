-- grain: one row per pipeline run (kept across runs)
create table pipeline_runs (
    run_id             varchar primary key,
    started_at         timestamp,
    finished_at        timestamp,
    status             varchar,   -- published | failed_validation | error
    n_inputs           integer,
    n_articles_new     integer,
    n_duplicates       integer,
    n_quarantined      integer,
    n_claims           integer,
    n_contradictions   integer,
    message            varchar
);
