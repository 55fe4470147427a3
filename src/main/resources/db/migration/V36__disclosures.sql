-- Tandem schema, part 36: therapeutic disclosure planning. A disclosure belongs to a couple: the partner in recovery
-- drafts the document with their therapist (sealed under the clinic's data key, bound to the row); the betrayed
-- partner's questions, which the disclosure must answer, are sealed the same way. It is read aloud in a joint session
-- with both therapists (the session, and the co-therapist beside the session's therapist). When the betrayed partner
-- agrees, the document and the questions are destroyed: their ciphertext columns are emptied and only the metadata
-- (dates, who, how the agreement was given, how many questions) stays.
create table disclosure (
    id                     binary(16)   not null,
    clinic_id              binary(16)   not null,
    couple_id              binary(16)   not null,
    disclosing_partner_id  binary(16)   not null,
    betrayed_partner_id    binary(16)   not null,
    status                 varchar(16)  not null,
    discovered_on          date         null,
    document_key_id        binary(16)   null,
    document_ciphertext    mediumblob   null,
    document_updated_at    datetime(6)  null,
    session_id             binary(16)   null,
    co_therapist_id        binary(16)   null,
    disclosed_on           date         null,
    destroyed_at           datetime(6)  null,
    destroyed_by           varchar(255) null,
    destruction_agreement  varchar(16)  null,
    created_by             varchar(255) not null,
    version                bigint       not null,
    created_at             datetime(6)  not null,
    updated_at             datetime(6)  not null,
    primary key (id),
    constraint fk_disclosure_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_disclosure_couple foreign key (couple_id) references couple (id),
    constraint fk_disclosure_disclosing foreign key (disclosing_partner_id) references partner (id),
    constraint fk_disclosure_betrayed foreign key (betrayed_partner_id) references partner (id),
    constraint fk_disclosure_key foreign key (document_key_id) references note_key (id),
    constraint fk_disclosure_session foreign key (session_id) references therapy_session (id),
    constraint fk_disclosure_co_therapist foreign key (co_therapist_id) references therapist (id),
    constraint ck_disclosure_status check (status in ('PLANNING', 'DISCLOSED', 'DESTROYED')),
    constraint ck_disclosure_agreement check (destruction_agreement in ('BY_PARTNER', 'IN_SESSION')),
    -- Destroyed means nothing sealed is left.
    constraint ck_disclosure_destroyed check (status <> 'DESTROYED' or document_ciphertext is null)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_disclosure_couple on disclosure (couple_id, created_at);

create table disclosure_question (
    id               binary(16)  not null,
    clinic_id        binary(16)  not null,
    disclosure_id    binary(16)  not null,
    asked_by         binary(16)  not null,
    number           int         not null,
    text_key_id      binary(16)  null,
    text_ciphertext  blob        null,
    created_at       datetime(6) not null,
    primary key (id),
    constraint uk_disclosure_question_number unique (disclosure_id, number),
    constraint fk_disclosure_question_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_disclosure_question_disclosure foreign key (disclosure_id) references disclosure (id),
    constraint fk_disclosure_question_partner foreign key (asked_by) references partner (id),
    constraint fk_disclosure_question_key foreign key (text_key_id) references note_key (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
