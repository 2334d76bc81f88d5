-- grain: one row: what the warehouse content was derived from
-- `fingerprint` hashes the actor dictionary, the extraction and resolution code, the warehouse SQL, the event classes
-- and the recoupe version; `lake_state` the lake's content parts when the warehouse was built. A run that finds both
-- unchanged and no input file changed (`input_files`) only records itself: nothing is rebuilt nor revalidated.
create table build_info (
    fingerprint  varchar not null,
    run_id       varchar not null,   -- the run that built the content
    built_at     timestamp,
    lake_state   varchar             -- sha256 of the names and sizes of the lake's content parts
);
