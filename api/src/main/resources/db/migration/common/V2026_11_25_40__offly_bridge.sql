-- Offly's and Bridge's fields of a person: columns of the one employee table, no second user store.
-- Portable: runs on H2 (the embedded default) and PostgreSQL.
alter table employee add column working_days varchar(64);
alter table employee add column public_holiday_country_code varchar(8);
alter table employee add column avatar_url varchar(2000);
-- Bridge's own ids: unique like external_id; several people may have none (null).
alter table employee add column bridge_uid varchar(255);
alter table employee add column hris_id varchar(255);
alter table employee add column department varchar(255);
alter table employee add column full_name varchar(510);
alter table employee add column sortable_name varchar(510);
-- A hidden person was deleted first and is then gone from every list of every dialect; the audit
-- trail keeps its history.
alter table employee add column hidden_at timestamp with time zone;
alter table employee add constraint employee_bridge_uid_uk unique (bridge_uid);
alter table employee add constraint employee_hris_id_uk unique (hris_id);
