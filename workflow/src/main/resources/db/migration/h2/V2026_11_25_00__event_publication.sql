-- Spring Modulith's event publication registry: the transactional outbox of every event we publish.
create table event_publication (
    id               uuid          not null primary key,
    listener_id      varchar(512)  not null,
    event_type       varchar(512)  not null,
    serialized_event varchar(65535) not null,
    publication_date timestamp(9) with time zone not null,
    completion_date  timestamp(9) with time zone
);
create index event_publication_by_listener_and_event_idx on event_publication (listener_id, serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date, publication_date);
