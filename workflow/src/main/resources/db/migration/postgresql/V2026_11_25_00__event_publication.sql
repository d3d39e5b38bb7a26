-- Spring Modulith's event publication registry: the transactional outbox of every event we publish.
create table event_publication (
    id               uuid         not null primary key,
    listener_id      text         not null,
    event_type       text         not null,
    serialized_event text         not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);
-- Completion looks a publication up by its serialized event: a hash index keeps that O(1) without
-- the btree size limit on long payloads (Spring Modulith's own PostgreSQL schema does the same).
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date, publication_date);
