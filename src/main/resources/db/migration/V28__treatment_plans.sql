-- Tandem schema, part 28: a treatment plan per couple, versioned. A version is a DRAFT while its therapists write
-- it, SIGNED (locked) once a therapist signs it, and SUPERSEDED when a later version is signed; each partner can
-- record agreement to a signed version. The plan's words (problems, goals, objectives with their measures and
-- targets, interventions) are sealed under the clinic's data key, bound to the version's id.

create table treatment_plan (
    id             binary(16)  not null,
    clinic_id      binary(16)  not null,
    couple_id      binary(16)  not null,
    current_number int         not null,
    review_on      date        not null,
    version        bigint      not null,
    created_at     datetime(6) not null,
    updated_at     datetime(6) not null,
    primary key (id),
    constraint uk_treatment_plan_couple unique (couple_id),
    constraint fk_treatment_plan_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_treatment_plan_couple foreign key (couple_id) references couple (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_treatment_plan_review on treatment_plan (clinic_id, review_on);

create table treatment_plan_version (
    id                 binary(16)   not null,
    plan_id            binary(16)   not null,
    number             int          not null,
    status             varchar(16)  not null,
    review_on          date         not null,
    content_key_id     binary(16)   not null,
    content_ciphertext blob         not null,
    signed_at          datetime(6),
    signed_by          binary(16),
    created_at         datetime(6)  not null,
    created_by         varchar(255) not null,
    primary key (id),
    constraint uk_treatment_plan_version unique (plan_id, number),
    constraint fk_treatment_plan_version_plan foreign key (plan_id) references treatment_plan (id),
    constraint fk_treatment_plan_version_key foreign key (content_key_id) references note_key (id),
    constraint fk_treatment_plan_version_signer foreign key (signed_by) references therapist (id),
    constraint ck_treatment_plan_version_status check (status in ('DRAFT', 'SIGNED', 'SUPERSEDED')),
    constraint ck_treatment_plan_version_signed check ((status = 'DRAFT') = (signed_at is null))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table treatment_plan_agreement (
    id         binary(16)  not null,
    version_id binary(16)  not null,
    partner_id binary(16)  not null,
    agreed_at  datetime(6) not null,
    primary key (id),
    constraint uk_treatment_plan_agreement unique (version_id, partner_id),
    constraint fk_treatment_plan_agreement_version foreign key (version_id) references treatment_plan_version (id),
    constraint fk_treatment_plan_agreement_partner foreign key (partner_id) references partner (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
