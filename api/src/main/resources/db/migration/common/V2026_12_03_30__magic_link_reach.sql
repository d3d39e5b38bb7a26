-- A magic link reaches no further than whoever issued it: a link from HR scoped to some units shows and
-- completes only the actions of journeys whose employee is in those units (or the issuer). reach_scoped
-- false: the issuer reached everyone (an administrator, HR without scopes, the engine itself). The units
-- are stored expanded (each unit below a scope), as the issuer's reach was when the link was issued.
-- Portable between H2 and PostgreSQL.
alter table magic_link add column reach_scoped boolean default false not null;

create table magic_link_reach_unit (
    magic_link_id        bigint not null references magic_link (id) on delete cascade,
    unit_organization_id bigint not null,
    constraint magic_link_reach_unit_pk primary key (magic_link_id, unit_organization_id)
);
