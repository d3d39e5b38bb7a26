-- Free text that no product documents a limit for is stored as text (issue 18): a longer value than
-- the old column was a 500 "value too long" after validation had accepted it. Columns that carry a
-- documented limit (ChiefOnboarding's first_name 200, position 300, ...) stay varchar: the limit is
-- checked in the domain before any write. "set data type" is standard SQL: PostgreSQL and H2 both run
-- this file (text is unbounded on PostgreSQL, character varying of up to 10^9 characters on H2).
alter table employee alter column message set data type text;
alter table employee alter column avatar_url set data type text;
alter table employee alter column department set data type text;
alter table employee alter column full_name set data type text;
alter table employee alter column sortable_name set data type text;

alter table audit_entry alter column summary set data type text;
alter table audit_entry alter column before_state set data type text;
alter table audit_entry alter column after_state set data type text;

alter table level_organization alter column name set data type text;
alter table unit_organization alter column name set data type text;

alter table identification_resource alter column name set data type text;
alter table employee_identification alter column identifier set data type text;

alter table webhook_subscription alter column url set data type text;
alter table webhook_delivery alter column payload set data type text;
alter table webhook_delivery alter column last_error set data type text;

alter table stored_file alter column file_name set data type text;
alter table paperwork_resource alter column label set data type text;
alter table collection_value alter column label set data type text;
alter table journey_form alter column name set data type text;
alter table paperwork alter column label set data type text;
alter table document_resource alter column name set data type text;
alter table journey_document alter column name set data type text;
