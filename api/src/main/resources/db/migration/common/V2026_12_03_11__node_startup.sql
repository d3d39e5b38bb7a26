-- One row that the nodes of a cluster lock, one after the other, for the work done once at start
-- (bootstrap.StartupLock).
create table node_startup (
    id integer not null primary key
);
insert into node_startup (id) values (1);
