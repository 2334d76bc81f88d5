-- macro: a date interval as a reader writes it: `2014` for a whole year, `2020-01` for a whole month,
-- `2020-01-05` for one day, `2020-01-13 – 2020-01-19` otherwise (used by the views' explanations)
create or replace macro date_label(first_day, last_day) as
    case
        when first_day = last_day then first_day::varchar
        when strftime(first_day, '%m-%d') = '01-01' and strftime(last_day, '%m-%d') = '12-31'
            and year(first_day) = year(last_day) then year(first_day)::varchar
        when day(first_day) = 1 and last_day = last_day(first_day) then strftime(first_day, '%Y-%m')
        else first_day::varchar || ' – ' || last_day::varchar
    end
