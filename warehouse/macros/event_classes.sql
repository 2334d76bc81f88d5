-- macros: the properties of an event key's class (table `event_classes`, documented in
-- `transforms/lexicons/event_classes.csv`): `tuer|homme` is a casualty, counted, tallied and happens once
create or replace macro event_class_of(event_key) as split_part(event_key, '|', 1);
create or replace macro is_casualty_event(event_key) as
    event_class_of(event_key) in (select event_class from event_classes where casualty);
create or replace macro is_counted_event(event_key) as
    event_class_of(event_key) in (select event_class from event_classes where counted);
create or replace macro is_tallied_event(event_key) as
    event_class_of(event_key) in (select event_class from event_classes where tallied);
create or replace macro is_once_event(event_key) as
    event_class_of(event_key) in (select event_class from event_classes where once);
create or replace macro is_light_event(event_key) as
    event_class_of(event_key) in (select event_class from event_classes where light);
