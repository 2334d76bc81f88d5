-- grain: one row per proposition stated in an article
create table claims (
    claim_id              varchar primary key,
    article_id            varchar not null,
    sentence_idx          integer,
    char_start            integer,
    char_end              integer,
    text                  varchar not null,
    speaker_actor_id      varchar,
    speaker_text          varchar,
    via_actor_id          varchar,
    via_text              varchar,
    reporting_verb        varchar,
    quote_kind            varchar not null,   -- direct | indirect | narrative
    polarity              smallint not null,  -- +1 affirmed, -1 denied
    hedged                boolean not null,
    predicate             varchar,
    event_key             varchar not null,
    event_id              varchar,            -- extension: the real-world event (event key within one story)
    quantity              double,
    quantity_unit         varchar,
    quantity_op           varchar,
    quantity_max          double,
    event_start           date,
    event_end             date,
    statement_date        date,
    -- extensions
    stance                varchar,            -- stance of the reporting verb: assert | deny | evaluate | request
    theme                 varchar,            -- lemma of the event's theme (object, else subject)
    agent                 varchar,            -- key of the event's subject when it is a noun or a name
    subject_text          varchar,            -- the words of the subject the clause leaves out (`qui a tué`: its antecedent)
    negation              varchar,            -- the negation or denial cue that set polarity -1
    denial_scope          varchar,            -- what a denial by `aucun N de X` is restricted to (X's lemma)
    theme_owned           boolean,            -- the theme is possessed (`ses vacances`): the agent's own
    restricted            boolean,            -- restricted by `seulement`, `ne … que`, `un seul`: part of the event
    new_instance          boolean,            -- `la nouvelle campagne`, `une autre attaque`: another occurrence
    imperfect             boolean,            -- main verb in the simple imperfect (`ne venait pas`): a past state or habit
    possible              boolean,            -- said possible or expected, not said to happen (a modal verb)
    modal                 varchar,            -- that modal: `pouvoir` (`pourrait battre des records`), `devoir` (`doit partir`)
    responds_to_claim_id  varchar,            -- the earlier claim a denial of `ces informations` answers
    nominal               boolean,            -- told by a definite event noun (`après l'assassinat de X`): presupposed
    period_start          date,               -- the time the claim speaks about (event, else statement,
    period_end            date                --   else the publication interval; NULL when another event names it)
);
