-- Workelo tracks: a journey created as a draft through the API carries its stakeholders and chosen
-- sequences in the read model, so lists and details answer without asking the engine.
alter table journey add column hr_id bigint;
alter table journey add column manager_id bigint;
alter table journey add column buddy_id bigint;
-- comma-separated process keys of the sequences chosen when the journey was created
alter table journey add column sequence_keys varchar(2000);
-- the end day the track was given (null: start day + onboarding.journey.length)
alter table journey add column end_day date;
create index journey_mobility_status_idx on journey (mobility, status);
