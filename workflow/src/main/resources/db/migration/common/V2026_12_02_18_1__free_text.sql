-- A journey's sequence keys have no limit of their own (as many as are deployed): text, not
-- varchar(2000), on PostgreSQL and H2 alike (see the api module's V2026_12_02_18).
alter table journey alter column sequence_keys set data type text;
