-- Who each person is in Slack: found with users.lookupByEmail the first time a message is sent to them,
-- or set through the API (an administrator's choice wins over a lookup and is never overwritten by one).
-- Keyed by the lower-cased email address, which is how journeys name their stakeholders.
create table slack_member (
    email          varchar(320) primary key,
    slack_user_id  varchar(32)  not null,
    -- 'lookup' (users.lookupByEmail) or 'api' (set by an administrator)
    matched_by     varchar(16)  not null,
    matched_at     timestamp with time zone not null
);
create index slack_member_user_idx on slack_member (slack_user_id);
