-- macros: whether two claims with the same event_key and opposite polarity speak of one event and
-- oppose each other as a whole; shared by the contradictions (same time) and developments (different
-- times) views.
-- The same agent: when both name the event's agent, the same one (`X n'a pas retiré ses troupes` and
-- `Y a retiré ses troupes` do not oppose); an agent named by a pronoun (`il ne serrait pas la main`,
-- `on n'a reçu aucune information`: agent `?`) is nobody in particular.
create or replace macro same_agent(agent_a, agent_b) as
    (agent_a is null or agent_b is null or agent_a = agent_b)
    and coalesce(agent_a, '') <> '?' and coalesce(agent_b, '') <> '?';

-- A denial restricted by its complement (`aucune enquête pour tentative de meurtre`, `aucun député du
-- Rassemblement national`) answers only an affirmation that mentions it.
create or replace macro denial_reaches(denial_scope, polarity, other_text) as
    denial_scope is null or polarity = 1 or contains(strip_accents(lower(other_text)), denial_scope);

-- Both claims bear on the whole event as a fact: neither is restricted to part of it (`seulement`,
-- `ne … que`, `sauf`, `en revanche`, a share of a population), and both are facts or both said with the
-- same modal verb (`pourrait battre des records`, a possibility, is not opposed by `ne devrait pas battre
-- ces records`, an expectation, nor by `n'a pas battu de record`, a fact).
create or replace macro whole_opposition(restricted_a, restricted_b, modal_a, modal_b) as
    not restricted_a and not restricted_b and modal_a is not distinct from modal_b;

-- A denial that counts what it denies (`n'ont pas décidé de retirer plus de 5000 soldats`, `n'a pas tiré 22
-- missiles`) answers only an affirmation that counts within that range (`les soldats ont été évacués` says
-- nothing of 5000).
create or replace macro count_reaches(polarity, quantity, op, other_quantity) as
    polarity = 1 or quantity is null
    or (other_quantity is not null
        and case op when '>' then other_quantity > quantity when '<' then other_quantity < quantity
                    when '~' then other_quantity between quantity * 0.5 and quantity * 5
                    else other_quantity = quantity end);
