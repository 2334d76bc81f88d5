-- grain: one row per distinct dispatch (same normalised content = same article_id)
create table articles (
    article_id          varchar primary key,   -- sha256 of the normalised body (first 16 hex digits)
    source_uri          varchar not null,      -- input path relative to the input root (first seen)
    content_sha256      varchar not null,      -- sha256 of the raw bytes
    outlet              varchar,
    agencies            varchar[],
    title               varchar,
    dateline            varchar,
    byline              varchar,
    language            varchar not null,      -- ISO 639-1
    published_on        date,
    published_earliest  date,
    published_latest    date,
    published_basis     varchar not null,      -- header | text | cross_document | file_metadata | unknown
    body                varchar not null,
    captions            varchar[],
    n_sentences         integer,
    ingested_at         timestamp,
    run_id              varchar,
    -- extensions
    section             varchar,               -- section label printed above the story (e.g. `Irak`)
    date_hint           varchar,               -- raw header date (`2020-01`): a hint, not a day
    encoding            varchar,               -- encoding the raw bytes were decoded from
    removed             varchar[],             -- every line removed from the raw text, with the reason
    duplicate_uris      varchar[],             -- other inputs with the same content
    near_duplicate_of   varchar,               -- the earliest article this one republishes with small edits
    metadata_date       varchar,               -- publication day given by the input (JSON field, HTML meta)
    url                 varchar,               -- address given by the input
    external_id         varchar                -- id given by the input (JSON `id`)
);
