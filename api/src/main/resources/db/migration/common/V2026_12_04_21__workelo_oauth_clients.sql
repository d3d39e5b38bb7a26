-- Workelo's OAuth 2.0 clients (client credentials grant, POST /oauth/token): each acts as its owner, an
-- employee, with the owner's role and scope. Only a password hash of the secret is kept.
create table api_client (
    client_id   varchar(64)  not null primary key,
    employee_id bigint       not null references employee (id) on delete cascade,
    secret_hash varchar(255) not null,
    name        varchar(255) not null,
    created_at  timestamp with time zone not null
);
create index api_client_employee_idx on api_client (employee_id);

-- The access tokens issued to them: only a SHA-256 hash of each, which finds the row; they expire.
create table api_client_token (
    token_hash       varchar(64)  not null primary key,
    client_id        varchar(64)  not null references api_client (client_id) on delete cascade,
    authorization_id varchar(100) not null,
    issued_at        timestamp with time zone not null,
    expires_at       timestamp with time zone not null
);
create index api_client_token_expires_idx on api_client_token (expires_at);
