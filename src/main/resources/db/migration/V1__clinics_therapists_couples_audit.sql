-- Tandem schema, part 1: tenants, clinicians, couples and the audit log.
-- Runs on MySQL 8.4 and MariaDB 10.11+: no vendor-only types, collations or syntax.
-- Ids are UUIDs (version 7, time-ordered) in binary(16): not guessable, and no global counter leaks clinic volumes.

create table clinic (
    id          binary(16)   not null,
    clinic_key  varchar(64)  not null,
    name        varchar(200) not null,
    time_zone   varchar(64)  not null,
    created_at  datetime(6)  not null,
    primary key (id),
    constraint uk_clinic_key unique (clinic_key)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table therapist (
    id           binary(16)   not null,
    clinic_id    binary(16)   not null,
    subject      varchar(255) not null,
    username     varchar(255),
    display_name varchar(200) not null,
    email        varchar(320),
    created_at   datetime(6)  not null,
    primary key (id),
    constraint uk_therapist_subject unique (subject),
    constraint fk_therapist_clinic foreign key (clinic_id) references clinic (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table couple (
    id                   binary(16)    not null,
    clinic_id            binary(16)    not null,
    code                 varchar(16)   not null,
    status               varchar(16)   not null,
    care_started_on      date,
    treatment_goals      varchar(4000),
    primary_therapist_id binary(16),
    version              bigint        not null,
    created_at           datetime(6)   not null,
    updated_at           datetime(6)   not null,
    primary key (id),
    constraint uk_couple_clinic_code unique (clinic_id, code),
    constraint fk_couple_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_couple_primary_therapist foreign key (primary_therapist_id) references therapist (id),
    constraint ck_couple_status check (status in ('INTAKE', 'ACTIVE', 'PAUSED', 'DISCHARGED'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_couple_clinic_status on couple (clinic_id, status, created_at);

create table couple_co_therapist (
    couple_id    binary(16) not null,
    therapist_id binary(16) not null,
    primary key (couple_id, therapist_id),
    constraint fk_co_therapist_couple foreign key (couple_id) references couple (id),
    constraint fk_co_therapist_therapist foreign key (therapist_id) references therapist (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_co_therapist_therapist on couple_co_therapist (therapist_id);

create table partner (
    id             binary(16)   not null,
    couple_id      binary(16)   not null,
    seat           int          not null,
    full_name      varchar(200) not null,
    preferred_name varchar(100),
    pronouns       varchar(40),
    date_of_birth  date,
    email          varchar(320),
    phone          varchar(40),
    recovery_role  varchar(16),
    sobriety_date  date,
    primary key (id),
    constraint uk_partner_couple_seat unique (couple_id, seat),
    constraint fk_partner_couple foreign key (couple_id) references couple (id),
    constraint ck_partner_seat check (seat in (1, 2)),
    constraint ck_partner_recovery_role check (recovery_role is null or recovery_role in ('IN_RECOVERY', 'PARTNER'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Append-only: the application only ever inserts and selects. Production grants the app's
-- database user INSERT and SELECT on this table and nothing else (docs/operations.md).
create table audit_event (
    id             binary(16)   not null,
    occurred_at    datetime(6)  not null,
    clinic_id      binary(16),
    subject        varchar(255),
    roles          varchar(100),
    client_id      varchar(255),
    action         varchar(120) not null,
    record_type    varchar(40),
    record_id      varchar(64),
    outcome        varchar(16)  not null,
    http_status    int,
    client_address varchar(64),
    request_id     varchar(64),
    primary key (id),
    constraint ck_audit_outcome check (outcome in ('SUCCESS', 'DENIED', 'NOT_FOUND', 'REJECTED', 'ERROR'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_audit_clinic_time on audit_event (clinic_id, occurred_at);
create index ix_audit_clinic_subject on audit_event (clinic_id, subject, occurred_at);
create index ix_audit_clinic_record on audit_event (clinic_id, record_type, record_id);
