-- Tandem schema, part 38: intimate-partner-violence screening before joint work. A therapist screens each partner
-- (alone) and records the method and the result; a CONCERN puts the couple's joint sessions on hold until a therapist
-- clears it. No free text: the method and the result are categories.
create table ipv_screening (
    id           binary(16)   not null,
    clinic_id    binary(16)   not null,
    couple_id    binary(16)   not null,
    partner_id   binary(16)   not null,
    screened_on  date         not null,
    method       varchar(24)  not null,
    result       varchar(16)  not null,
    cleared_on   date         null,
    cleared_by   varchar(255) null,
    recorded_by  varchar(255) not null,
    version      bigint       not null,
    created_at   datetime(6)  not null,
    primary key (id),
    constraint fk_ipv_screening_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_ipv_screening_couple foreign key (couple_id) references couple (id),
    constraint fk_ipv_screening_partner foreign key (partner_id) references partner (id),
    constraint ck_ipv_screening_method check (method in ('HITS', 'WAST', 'PVS', 'CTS2S', 'CLINICAL_INTERVIEW',
        'OTHER')),
    constraint ck_ipv_screening_result check (result in ('NO_CONCERN', 'CONCERN'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_ipv_screening_couple on ipv_screening (couple_id, screened_on);
