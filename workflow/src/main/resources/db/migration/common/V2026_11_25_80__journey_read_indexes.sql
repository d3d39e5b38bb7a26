-- Found by the benchmark (bench/, issue 11), scenario 2.
-- A stakeholder's actions (GET /owners/{id}/actions) name the journey of each action by its process
-- instance: without this index every action of the page scanned the whole journey table.
create index journey_process_instance_idx on journey (process_instance_id);
-- GET /tracks?status= pages by id within a status: with id in the index the page is read in order
-- from the index instead of sorting every journey of that status. It replaces the status-only index.
create index journey_status_id_idx on journey (status, id);
drop index journey_status_idx;
