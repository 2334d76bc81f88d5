-- macro: true for the event keys of casualties (`tuer|…`, `blesser|…`). Whether someone was killed or
-- injured is told once, about a past episode: an undated report of it speaks of the same time as a
-- dated one, whenever it was said, and a later "dozens were injured" after "nobody was injured" is a
-- contradiction (with uncertain time), not a change of state
create or replace macro is_casualty_event(event_key) as
    split_part(event_key, '|', 1) in ('tuer', 'blesser')
