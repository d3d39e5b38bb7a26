-- ChiefOnboarding documents 300 characters for a person's position and phone (users/models.py); the
-- columns were narrower, so a valid value was a 500 "value too long". The limits themselves are checked
-- before any write (FieldLimits); the columns only have to hold what they allow. Standard SQL: PostgreSQL
-- and H2 both run it.
alter table employee alter column position set data type varchar(300);
alter table employee alter column phone set data type varchar(300);
