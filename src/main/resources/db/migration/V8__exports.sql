-- Tandem schema, part 8: export jobs. A job is claimed through its row (SELECT ... FOR UPDATE SKIP LOCKED), so any
-- replica may run it and only one does; a replica that dies mid-job stops its heartbeat and another takes the job
-- over. The output is kept in the database in 1 MiB chunks, so every replica can serve the download and nothing
-- depends on a pod's disk.

create table export_job (
    id            binary(16)   not null,
    clinic_id     binary(16)   not null,
    therapist_id  binary(16),
    requested_by  varchar(255) not null,
    kind          varchar(24)  not null,
    format        varchar(16)  not null,
    period_from   date         not null,
    period_to     date         not null,
    status        varchar(16)  not null,
    attempts      int          not null,
    rows_expected bigint,
    rows_written  bigint       not null,
    bytes_written bigint       not null,
    claimed_by    varchar(64),
    heartbeat_at  datetime(6),
    error         varchar(200),
    created_at    datetime(6)  not null,
    started_at    datetime(6),
    finished_at   datetime(6),
    expires_at    datetime(6),
    version       bigint       not null,
    primary key (id),
    constraint fk_export_job_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_export_job_therapist foreign key (therapist_id) references therapist (id),
    constraint ck_export_job_kind check (kind in ('OBSERVATIONS', 'FHIR', 'AUDIT_LOG')),
    constraint ck_export_job_format check (format in ('CSV', 'NDJSON', 'FHIR_NDJSON')),
    constraint ck_export_job_status check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED',
        'EXPIRED')),
    constraint ck_export_job_period check (period_to >= period_from)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_export_job_status on export_job (status, created_at);
create index ix_export_job_clinic on export_job (clinic_id, created_at);

create table export_chunk (
    job_id binary(16) not null,
    seq    int        not null,
    data   mediumblob not null,
    primary key (job_id, seq),
    constraint fk_export_chunk_job foreign key (job_id) references export_job (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Clinic-wide exports walk a clinic's observations by date.
create index ix_measurement_clinic_day on measurement (clinic_id, measured_on);
create index ix_questionnaire_clinic_day on questionnaire_response (clinic_id, completed_on);

-- What an event was about beyond its record, e.g. an export's kind, format and row count. Never clinical text.
alter table audit_event add column detail varchar(200);
