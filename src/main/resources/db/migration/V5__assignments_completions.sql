-- Tandem schema, part 5: exercises assigned to couples, and the completions partners log. Adherence is never
-- stored: it is computed from the cadence, the active days (pauses excluded) and the completions.

create table assignment (
    id                  binary(16)    not null,
    clinic_id           binary(16)    not null,
    couple_id           binary(16)    not null,
    partner_id          binary(16),
    exercise_version_id binary(16)    not null,
    cadence_kind        varchar(16)   not null,
    times_per_week      int,
    starts_on           date          not null,
    ends_on             date,
    therapist_note      varchar(2000),
    status              varchar(16)   not null,
    version             bigint        not null,
    created_at          datetime(6)   not null,
    updated_at          datetime(6)   not null,
    primary key (id),
    constraint fk_assignment_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_assignment_couple foreign key (couple_id) references couple (id),
    constraint fk_assignment_partner foreign key (partner_id) references partner (id),
    constraint fk_assignment_exercise_version foreign key (exercise_version_id) references exercise_version (id),
    constraint ck_assignment_status check (status in ('ACTIVE', 'PAUSED', 'COMPLETED', 'CANCELLED')),
    constraint ck_assignment_cadence check (cadence_kind in ('ONCE', 'DAILY', 'TIMES_PER_WEEK', 'WEEKLY')),
    constraint ck_assignment_dates check (ends_on is null or ends_on >= starts_on)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_assignment_couple on assignment (couple_id, status);

create table assignment_pause (
    id            binary(16) not null,
    assignment_id binary(16) not null,
    paused_from   date       not null,
    paused_until  date,
    primary key (id),
    constraint fk_pause_assignment foreign key (assignment_id) references assignment (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table completion (
    id            binary(16)    not null,
    assignment_id binary(16)    not null,
    partner_id    binary(16)    not null,
    done_on       date          not null,
    reflection    varchar(4000),
    shared        boolean       not null default false,
    rating        int,
    logged_by     varchar(255)  not null,
    created_at    datetime(6)   not null,
    primary key (id),
    constraint uk_completion_occurrence unique (assignment_id, partner_id, done_on),
    constraint fk_completion_assignment foreign key (assignment_id) references assignment (id),
    constraint fk_completion_partner foreign key (partner_id) references partner (id),
    constraint ck_completion_rating check (rating is null or rating between 1 and 5)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
