-- macro: a count as a reader writes it, with its comparator and unit: `1120000 personne`, `more than
-- 2000000 personne`, `about 400000 personne`, `3000–3500 soldat` (used by the views' explanations)
create or replace macro count_number(quantity) as
    case when quantity = round(quantity) then quantity::bigint::varchar else quantity::varchar end;

create or replace macro count_label(op, quantity, quantity_max, unit) as
    case op when '>' then 'more than ' when '<' then 'fewer than ' when '~' then 'about ' else '' end
    || count_number(quantity)
    || case when op = 'range' and quantity_max is not null then '–' || count_number(quantity_max) else '' end
    || coalesce(' ' || unit, '');
