-- grain: one row per real-world actor after alias resolution
create table actors (
    actor_id        varchar primary key,   -- slug of the canonical name
    canonical_name  varchar not null,
    actor_type      varchar not null,      -- PER | ORG | LOC | MISC
    aliases         varchar[],
    n_mentions      integer,
    n_articles      integer,
    category        varchar                -- dictionary category: state, org, media, agency, armed_group, place
);
