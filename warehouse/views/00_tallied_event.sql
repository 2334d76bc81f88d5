-- macro: true for the event keys whose count is a running tally that only grows while the event is
-- reported: people killed, injured, arrested (`105 personnes interpellées à 16 heures`, then `au total,
-- 173`; `quatre résidents décédés`, then `cinq`). A later, larger count updates an earlier one; only a
-- later, smaller count (or one stated at the same time) can contradict it
create or replace macro is_tallied_event(event_key) as
    split_part(event_key, '|', 1) in ('tuer', 'blesser', 'interpeller')
