-- Tandem schema, part 27: a safety plan per partner (the Stanley-Brown sections), versioned; each version's content
-- is sealed under the clinic's data key, bound to the version's id. A safety flag can name the plan it led to, and a
-- therapist can raise a flag of their own (reason therapist-concern, no questionnaire response).

create table safety_plan (
    id             binary(16)  not null,
    clinic_id      binary(16)  not null,
    couple_id      binary(16)  not null,
    partner_id     binary(16)  not null,
    current_number int         not null,
    version        bigint      not null,
    created_at     datetime(6) not null,
    updated_at     datetime(6) not null,
    primary key (id),
    constraint uk_safety_plan_partner unique (partner_id),
    constraint fk_safety_plan_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_safety_plan_couple foreign key (couple_id) references couple (id),
    constraint fk_safety_plan_partner foreign key (partner_id) references partner (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table safety_plan_version (
    id                 binary(16)   not null,
    plan_id            binary(16)   not null,
    number             int          not null,
    content_key_id     binary(16)   not null,
    content_ciphertext blob         not null,
    created_at         datetime(6)  not null,
    created_by         varchar(255) not null,
    primary key (id),
    constraint uk_safety_plan_version unique (plan_id, number),
    constraint fk_safety_plan_version_plan foreign key (plan_id) references safety_plan (id),
    constraint fk_safety_plan_version_key foreign key (content_key_id) references note_key (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

alter table safety_flag add column safety_plan_id binary(16) null;
alter table safety_flag add constraint fk_safety_flag_plan foreign key (safety_plan_id) references safety_plan (id);
