-- macro: true for the event keys whose count is the news, so that two counts of one of them can
-- conflict: casualties (`tuer`, `blesser`), attacks (`11 missiles`), deployments and withdrawals of
-- troops, arrests. Other counts in news are measurements or partial tallies of things that change
-- within a day (`12 départements en vigilance` at dawn, `11` at 16:00; `984 produits vendus` by one
-- retailer, `434` by another; `123 km/h` at one cape, `144 km/h` on the Eiffel Tower): reviewed on
-- OrangeSum, nearly every conflict between them was false (bench/RESULTS.md)
create or replace macro is_counted_event(event_key) as
    split_part(event_key, '|', 1) in ('tuer', 'blesser', 'attaquer', 'deployer', 'retirer', 'interpeller')
