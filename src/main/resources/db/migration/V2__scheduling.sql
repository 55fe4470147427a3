-- Tandem schema, part 2: scheduling. Times are UTC instants (datetime(6)); a series keeps its first start as a
-- wall-clock time in the clinic's zone so that every occurrence lands at the same local time across DST changes.

alter table clinic add column late_cancel_hours int not null default 24;
alter table clinic add column version bigint not null default 0;
alter table clinic add constraint ck_clinic_late_cancel check (late_cancel_hours between 0 and 168);

create table working_hours (
    id           binary(16) not null,
    therapist_id binary(16) not null,
    day_of_week  int        not null,
    starts_at    time       not null,
    ends_at      time       not null,
    primary key (id),
    constraint fk_working_hours_therapist foreign key (therapist_id) references therapist (id),
    constraint ck_working_hours_day check (day_of_week between 1 and 7),
    constraint ck_working_hours_order check (ends_at > starts_at)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_working_hours_therapist on working_hours (therapist_id, day_of_week);

create table session_series (
    id                binary(16)   not null,
    clinic_id         binary(16)   not null,
    couple_id         binary(16)   not null,
    therapist_id      binary(16)   not null,
    partner_id        binary(16),
    kind              varchar(16)  not null,
    modality          varchar(16)  not null,
    location          varchar(200),
    video_link        varchar(500),
    first_local_start datetime(6)  not null,
    duration_minutes  int          not null,
    interval_weeks    int          not null,
    until_date        date,
    occurrence_limit  int,
    next_index        int          not null,
    ended             boolean      not null default false,
    version           bigint       not null,
    created_at        datetime(6)  not null,
    primary key (id),
    constraint fk_series_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_series_couple foreign key (couple_id) references couple (id),
    constraint fk_series_therapist foreign key (therapist_id) references therapist (id),
    constraint fk_series_partner foreign key (partner_id) references partner (id),
    constraint ck_series_interval check (interval_weeks between 1 and 8),
    constraint ck_series_duration check (duration_minutes between 1 and 480)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_series_open on session_series (ended, clinic_id);

create table therapy_session (
    id                binary(16)   not null,
    clinic_id         binary(16)   not null,
    couple_id         binary(16)   not null,
    therapist_id      binary(16)   not null,
    partner_id        binary(16),
    series_id         binary(16),
    series_index      int,
    starts_at         datetime(6)  not null,
    ends_at           datetime(6)  not null,
    kind              varchar(16)  not null,
    modality          varchar(16)  not null,
    location          varchar(200),
    video_link        varchar(500),
    status            varchar(16)  not null,
    cancelled_by      varchar(16),
    cancel_reason     varchar(500),
    cancelled_at      datetime(6),
    late_cancellation boolean      not null default false,
    version           bigint       not null,
    created_at        datetime(6)  not null,
    updated_at        datetime(6)  not null,
    primary key (id),
    constraint uk_session_series_index unique (series_id, series_index),
    constraint fk_session_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_session_couple foreign key (couple_id) references couple (id),
    constraint fk_session_therapist foreign key (therapist_id) references therapist (id),
    constraint fk_session_partner foreign key (partner_id) references partner (id),
    constraint fk_session_series foreign key (series_id) references session_series (id),
    constraint ck_session_order check (ends_at > starts_at),
    constraint ck_session_kind check (kind in ('JOINT', 'INDIVIDUAL', 'INTAKE')),
    constraint ck_session_modality check (modality in ('IN_PERSON', 'TELEHEALTH')),
    constraint ck_session_status check (status in ('SCHEDULED', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
    constraint ck_session_cancelled_by check (cancelled_by is null or cancelled_by in ('CLINIC', 'THERAPIST', 'CLIENT'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_session_therapist_time on therapy_session (therapist_id, starts_at);
create index ix_session_couple_time on therapy_session (couple_id, starts_at);
create index ix_session_clinic_time on therapy_session (clinic_id, starts_at);

create table session_reschedule (
    id             binary(16)   not null,
    session_id     binary(16)   not null,
    previous_start datetime(6)  not null,
    previous_end   datetime(6)  not null,
    new_start      datetime(6)  not null,
    new_end        datetime(6)  not null,
    changed_at     datetime(6)  not null,
    changed_by     varchar(255) not null,
    primary key (id),
    constraint fk_reschedule_session foreign key (session_id) references therapy_session (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_reschedule_session on session_reschedule (session_id, changed_at);

-- A therapist's private iCalendar feed. Only a SHA-256 of the secret token is stored: a database leak does not
-- hand out working feed URLs. Rotating the token revokes the old URL.
create table calendar_feed (
    therapist_id binary(16)  not null,
    token_hash   char(64)    not null,
    created_at   datetime(6) not null,
    primary key (therapist_id),
    constraint uk_calendar_feed_token unique (token_hash),
    constraint fk_calendar_feed_therapist foreign key (therapist_id) references therapist (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
