-- Tandem schema, part 18: the clinic's staff, therapists and admins alike, and whether each may still sign in.
-- A therapist's staff id is their therapist id, so an admin deals with one id per person. A row appears when an
-- admin invites someone (Keycloak account created by Tandem) or on a person's first call (account created in
-- Keycloak by the operator). deactivated_at set means every request of that person is refused, on every replica
-- within seconds (StaffRevocations re-reads the deactivated subjects).

create table staff_member (
    id             binary(16)   not null,
    clinic_id      binary(16)   not null,
    subject        varchar(255) not null,
    username       varchar(255),
    display_name   varchar(200) not null,
    email          varchar(320),
    is_admin       boolean      not null,
    is_therapist   boolean      not null,
    invited_at     datetime(6),
    invited_by     varchar(255),
    joined_at      datetime(6),
    deactivated_at datetime(6),
    created_at     datetime(6)  not null,
    version        bigint       not null,
    primary key (id),
    constraint uk_staff_subject unique (subject),
    constraint fk_staff_clinic foreign key (clinic_id) references clinic (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_staff_clinic_name on staff_member (clinic_id, display_name);
create index ix_staff_deactivated on staff_member (deactivated_at);

-- Everyone who has called already is a therapist (admins had no record): they keep their ids.
insert into staff_member (id, clinic_id, subject, username, display_name, email, is_admin, is_therapist,
                          joined_at, created_at, version)
    select id, clinic_id, subject, username, display_name, email, false, true, created_at, created_at, 0
    from therapist;
