-- grain: one row per role given to an actor in an article, by apposition
-- (`Mark Esper, secrétaire américain à la Défense`, `le porte-parole de la coalition Myles Caggins`)
create table actor_roles (
    actor_id               varchar not null,
    role                   varchar not null,   -- as written in the article
    organisation_actor_id  varchar,            -- the organisation or place named in the role, if any
    article_id             varchar not null,
    char_start             integer,            -- span of the role in articles.body
    char_end               integer
);
