-- grain: one row: what the warehouse content was derived from
-- `fingerprint` hashes the actor dictionary, the warehouse SQL, the event classes and the recoupe version; a run that
-- brings no new input and finds the same fingerprint republishes the warehouse without rebuilding it.
create table build_info (
    fingerprint  varchar not null,
    run_id       varchar not null,   -- the run that built the content
    built_at     timestamp
);
