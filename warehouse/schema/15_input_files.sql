-- grain: one row per file of the input folder the warehouse was built from (the manifest a run compares the folder
-- with: a file of the same size and modification time is not read again; one whose time moved is hashed)
create table input_files (
    source_file     varchar primary key,   -- path relative to the input root (`inputs.container_uri`)
    size_bytes      bigint not null,
    modified_ns     bigint not null,       -- modification time, nanoseconds since the epoch
    content_sha256  varchar not null,      -- sha256 of the file's bytes
    n_inputs        integer not null,      -- inputs the file holds (a JSONL: one per line)
    n_quarantined   integer not null       -- of which quarantined
);
