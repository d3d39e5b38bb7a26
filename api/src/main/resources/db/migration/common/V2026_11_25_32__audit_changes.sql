-- What a change did: the changed fields before and after it, as JSON objects (null for a creation's
-- "before" and a deletion's "after"). Secrets are never part of them.
alter table audit_entry add column before_state varchar(4000);
alter table audit_entry add column after_state varchar(4000);
create index audit_entry_time_idx on audit_entry (occurred_at);
