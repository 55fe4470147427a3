-- Tandem schema, part 4: the exercise library. An exercise's content lives in immutable versions, so an
-- assignment keeps the version it was given while the library moves on.

create table exercise (
    id             binary(16)  not null,
    clinic_id      binary(16)  not null,
    current_number int         not null,
    archived       boolean     not null default false,
    version        bigint      not null,
    created_at     datetime(6) not null,
    updated_at     datetime(6) not null,
    primary key (id),
    constraint fk_exercise_clinic foreign key (clinic_id) references clinic (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_exercise_clinic on exercise (clinic_id, archived);

create table exercise_version (
    id                binary(16)   not null,
    exercise_id       binary(16)   not null,
    number            int          not null,
    title             varchar(200) not null,
    category          varchar(24)  not null,
    instructions      text         not null,
    performer         varchar(16)  not null,
    cadence_kind      varchar(16)  not null,
    times_per_week    int,
    estimated_minutes int          not null,
    prompts           text         not null,
    created_at        datetime(6)  not null,
    created_by        varchar(255) not null,
    primary key (id),
    constraint uk_exercise_version unique (exercise_id, number),
    constraint fk_exercise_version_exercise foreign key (exercise_id) references exercise (id),
    constraint ck_exercise_category check (category in ('TRUST', 'BOUNDARIES', 'COMMUNICATION', 'COPING', 'INTIMACY',
        'RELAPSE_PREVENTION', 'CHECK_IN')),
    constraint ck_exercise_performer check (performer in ('BOTH', 'IN_RECOVERY', 'PARTNER')),
    constraint ck_exercise_cadence check (cadence_kind in ('ONCE', 'DAILY', 'TIMES_PER_WEEK', 'WEEKLY')),
    constraint ck_exercise_minutes check (estimated_minutes between 1 and 600)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
