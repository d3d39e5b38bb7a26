-- An event carries the hire's free text (a ChiefOnboarding message has no limit): its serialized form
-- may be longer than 65,535 characters. PostgreSQL's table has text already.
alter table event_publication alter column serialized_event set data type text;
