-- grain: one row per event class (the first part of `claims.event_key`) with a property that decides how
-- two claims about one event are compared; reference data from `transforms/lexicons/event_classes.csv`,
-- loaded with the schema. A class not listed has none of the properties.
create table event_classes (
    event_class  varchar primary key,
    casualty     boolean not null,   -- people killed or injured: one past episode, comparable without a theme
    counted      boolean not null,   -- the count is the news: two counts can conflict
    tallied      boolean not null,   -- a running tally that only grows while reported
    once         boolean not null,   -- happens once: two disjoint dates conflict
    light        boolean not null    -- a light, modal or copular verb: its theme names no one event
);
