-- Tandem schema, part 7: progress metrics. Only what was observed is stored: rating values, questionnaire item
-- answers, the dates of sobriety resets. Scores, bands, streaks and reliable change are computed when read, so a
-- corrected scoring rule never leaves stale numbers behind. Safety flags are stored: they are events a therapist
-- must acknowledge, not derived numbers.

-- A clinic's own rating metrics; the built-in ones (trust, communication, ...) live in code (measurement.Metric).
create table rating_metric (
    id          binary(16)    not null,
    clinic_id   binary(16)    not null,
    metric_key  varchar(64)   not null,
    name        varchar(120)  not null,
    min_value   decimal(8, 2) not null,
    max_value   decimal(8, 2) not null,
    direction   varchar(20)   not null,
    reliability decimal(4, 3) not null,
    norm_sd     decimal(8, 3) not null,
    created_at  datetime(6)   not null,
    primary key (id),
    constraint uk_rating_metric_key unique (clinic_id, metric_key),
    constraint fk_rating_metric_clinic foreign key (clinic_id) references clinic (id),
    constraint ck_rating_metric_range check (max_value > min_value),
    constraint ck_rating_metric_direction check (direction in ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
    constraint ck_rating_metric_reliability check (reliability > 0 and reliability < 1),
    constraint ck_rating_metric_sd check (norm_sd > 0)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table measurement (
    id          binary(16)    not null,
    clinic_id   binary(16)    not null,
    couple_id   binary(16)    not null,
    partner_id  binary(16),
    metric_key  varchar(64)   not null,
    measured_on date          not null,
    value       decimal(8, 2) not null,
    source      varchar(16)   not null,
    is_private  boolean       not null,
    recorded_by varchar(255)  not null,
    created_at  datetime(6)   not null,
    primary key (id),
    constraint fk_measurement_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_measurement_couple foreign key (couple_id) references couple (id),
    constraint fk_measurement_partner foreign key (partner_id) references partner (id),
    constraint ck_measurement_source check (source in ('THERAPIST', 'SELF_REPORT'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_measurement_couple on measurement (couple_id, measured_on);

create table questionnaire_response (
    id             binary(16)    not null,
    clinic_id      binary(16)    not null,
    couple_id      binary(16)    not null,
    partner_id     binary(16)    not null,
    instrument_key varchar(64)   not null,
    completed_on   date          not null,
    -- The item answers in item order, comma-separated integers: the only input to the score.
    answers        varchar(1000) not null,
    source         varchar(16)   not null,
    is_private     boolean       not null,
    recorded_by    varchar(255)  not null,
    created_at     datetime(6)   not null,
    primary key (id),
    constraint fk_questionnaire_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_questionnaire_couple foreign key (couple_id) references couple (id),
    constraint fk_questionnaire_partner foreign key (partner_id) references partner (id),
    constraint ck_questionnaire_source check (source in ('THERAPIST', 'SELF_REPORT'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_questionnaire_couple on questionnaire_response (couple_id, completed_on);

create table safety_flag (
    id                binary(16)   not null,
    clinic_id         binary(16)   not null,
    couple_id         binary(16)   not null,
    partner_id        binary(16)   not null,
    response_id       binary(16),
    reason            varchar(64)  not null,
    raised_at         datetime(6)  not null,
    acknowledged_at   datetime(6),
    acknowledged_by   varchar(255),
    version           bigint       not null,
    primary key (id),
    constraint fk_safety_flag_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_safety_flag_couple foreign key (couple_id) references couple (id),
    constraint fk_safety_flag_partner foreign key (partner_id) references partner (id),
    constraint fk_safety_flag_response foreign key (response_id) references questionnaire_response (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_safety_flag_couple on safety_flag (couple_id, acknowledged_at);
create index ix_safety_flag_clinic on safety_flag (clinic_id, acknowledged_at);

-- A slip or relapse restarts the streak; the note is private clinical text, encrypted like session notes.
create table sobriety_reset (
    id              binary(16)   not null,
    clinic_id       binary(16)   not null,
    partner_id      binary(16)   not null,
    kind            varchar(16)  not null,
    occurred_on     date         not null,
    note_key_id     binary(16),
    note_ciphertext blob,
    logged_by       varchar(255) not null,
    created_at      datetime(6)  not null,
    primary key (id),
    constraint fk_sobriety_reset_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_sobriety_reset_partner foreign key (partner_id) references partner (id),
    constraint fk_sobriety_reset_key foreign key (note_key_id) references note_key (id),
    constraint ck_sobriety_reset_kind check (kind in ('SLIP', 'RELAPSE'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_sobriety_reset_partner on sobriety_reset (partner_id, occurred_on);
