-- Tandem schema, part 39: polygraph examinations of the partner in recovery: the disclosure polygraph and the
-- maintenance examinations after it, on a schedule the therapist sets per couple. Each question's wording is
-- sealed under the clinic's data key (bound to the row); its outcome is a category. The examiner is a professional,
-- named in plain text like the clinic's staff.
create table polygraph_exam (
    id            binary(16)   not null,
    clinic_id     binary(16)   not null,
    couple_id     binary(16)   not null,
    partner_id    binary(16)   not null,
    disclosure_id binary(16)   null,
    kind          varchar(16)  not null,
    examined_on   date         not null,
    examiner      varchar(200) not null,
    recorded_by   varchar(255) not null,
    created_at    datetime(6)  not null,
    primary key (id),
    constraint fk_polygraph_exam_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_polygraph_exam_couple foreign key (couple_id) references couple (id),
    constraint fk_polygraph_exam_partner foreign key (partner_id) references partner (id),
    constraint fk_polygraph_exam_disclosure foreign key (disclosure_id) references disclosure (id),
    constraint ck_polygraph_exam_kind check (kind in ('DISCLOSURE', 'MAINTENANCE'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_polygraph_exam_couple on polygraph_exam (couple_id, examined_on);

create table polygraph_question (
    id              binary(16)  not null,
    clinic_id       binary(16)  not null,
    exam_id         binary(16)  not null,
    number          int         not null,
    text_key_id     binary(16)  not null,
    text_ciphertext blob        not null,
    outcome         varchar(16) not null,
    primary key (id),
    constraint uk_polygraph_question_number unique (exam_id, number),
    constraint fk_polygraph_question_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_polygraph_question_exam foreign key (exam_id) references polygraph_exam (id),
    constraint fk_polygraph_question_key foreign key (text_key_id) references note_key (id),
    constraint ck_polygraph_question_outcome check (outcome in ('PASS', 'FAIL', 'INCONCLUSIVE', 'NO_OPINION'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table polygraph_schedule (
    couple_id    binary(16)  not null,
    clinic_id    binary(16)  not null,
    every_months int         null,
    version      bigint      not null,
    updated_at   datetime(6) not null,
    primary key (couple_id),
    constraint fk_polygraph_schedule_couple foreign key (couple_id) references couple (id),
    constraint fk_polygraph_schedule_clinic foreign key (clinic_id) references clinic (id),
    constraint ck_polygraph_schedule_months check (every_months is null or every_months between 1 and 24)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
