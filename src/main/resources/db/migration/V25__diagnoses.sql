-- Tandem schema, part 25: diagnoses per partner, coded in ICD-10-CM against a code list. The list is Tandem's
-- starter codes (clinic_id null, inserted here with their source) plus each clinic's own additions. A diagnosis is
-- never deleted: it is resolved, or marked entered in error, and keeps its history in the audit log.

create table diagnosis_code (
    id          binary(16)   not null,
    clinic_id   binary(16),
    code        varchar(8)   not null,
    description varchar(255) not null,
    source      varchar(255) not null,
    created_at  datetime(6)  not null,
    created_by  varchar(255) not null,
    primary key (id),
    -- A clinic's codes are unique within it; the service refuses a clinic code that repeats a starter code.
    constraint uk_diagnosis_code unique (clinic_id, code),
    constraint fk_diagnosis_code_clinic foreign key (clinic_id) references clinic (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_diagnosis_code_code on diagnosis_code (code);

create table diagnosis (
    id          binary(16)   not null,
    clinic_id   binary(16)   not null,
    couple_id   binary(16)   not null,
    partner_id  binary(16)   not null,
    code        varchar(8)   not null,
    onset_on    date,
    status      varchar(20)  not null,
    resolved_on date,
    recorded_by varchar(255) not null,
    version     bigint       not null,
    created_at  datetime(6)  not null,
    updated_at  datetime(6)  not null,
    primary key (id),
    constraint fk_diagnosis_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_diagnosis_couple foreign key (couple_id) references couple (id),
    constraint fk_diagnosis_partner foreign key (partner_id) references partner (id),
    constraint ck_diagnosis_status check (status in ('ACTIVE', 'RESOLVED', 'ENTERED_IN_ERROR')),
    constraint ck_diagnosis_resolved check ((status = 'RESOLVED') = (resolved_on is not null)
        or status = 'ENTERED_IN_ERROR')
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_diagnosis_partner on diagnosis (partner_id, status);
create index ix_diagnosis_couple on diagnosis (couple_id);

-- The starter list: codes couples and recovery work uses, from the ICD-10-CM tabular list (FY2026, CDC/NCHS).
-- Compulsive sexual behaviour has no ICD-10-CM code of its own; clinicians code it F52.8 or F63.89 (ICD-11 has
-- 6C72, which ICD-10-CM does not).
insert into diagnosis_code (id, clinic_id, code, description, source, created_at, created_by) values
    (unhex(replace(uuid(), '-', '')), null, 'Z63.0', 'Problems in relationship with spouse or partner', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'Z63.5', 'Disruption of family by separation and divorce', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'Z63.8', 'Other specified problems related to primary support group', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'Z70.1', 'Counseling related to patient''s sexual behavior and orientation', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'Z70.9', 'Sex counseling, unspecified', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'F43.20', 'Adjustment disorder, unspecified', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'F43.21', 'Adjustment disorder with depressed mood', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'F43.22', 'Adjustment disorder with anxiety', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'F43.23', 'Adjustment disorder with mixed anxiety and depressed mood', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'F43.10', 'Post-traumatic stress disorder, unspecified', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'F43.11', 'Post-traumatic stress disorder, acute', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'F43.12', 'Post-traumatic stress disorder, chronic', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'F32.0', 'Major depressive disorder, single episode, mild', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'F32.1', 'Major depressive disorder, single episode, moderate', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'F32.9', 'Major depressive disorder, single episode, unspecified', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'F33.1', 'Major depressive disorder, recurrent, moderate', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'F34.1', 'Dysthymic disorder', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'F41.0', 'Panic disorder [episodic paroxysmal anxiety]', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'F41.1', 'Generalized anxiety disorder', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'F41.9', 'Anxiety disorder, unspecified', 'ICD-10-CM FY2026 (CDC/NCHS)', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'F52.8', 'Other sexual dysfunction not due to a substance or known physiological condition', 'ICD-10-CM FY2026 (CDC/NCHS); used for compulsive sexual behaviour', now(6), 'tandem'),
    (unhex(replace(uuid(), '-', '')), null, 'F63.89', 'Other specified impulse disorders', 'ICD-10-CM FY2026 (CDC/NCHS); used for compulsive sexual behaviour', now(6), 'tandem');
