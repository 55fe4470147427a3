-- Tandem schema, part 6: boundary agreements. A boundary keeps every version of its wording: renegotiating adds a
-- version and marks the previous one RENEGOTIATED, so the history of what the couple agreed is never lost.

create table boundary (
    id             binary(16)  not null,
    clinic_id      binary(16)  not null,
    couple_id      binary(16)  not null,
    current_number int         not null,
    status         varchar(16) not null,
    next_review_on date,
    version        bigint      not null,
    created_at     datetime(6) not null,
    updated_at     datetime(6) not null,
    primary key (id),
    constraint fk_boundary_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_boundary_couple foreign key (couple_id) references couple (id),
    constraint ck_boundary_status check (status in ('ACTIVE', 'RETIRED'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_boundary_couple on boundary (couple_id, status);
create index ix_boundary_review on boundary (clinic_id, status, next_review_on);

create table boundary_version (
    id           binary(16)    not null,
    boundary_id  binary(16)    not null,
    number       int           not null,
    text         varchar(2000) not null,
    requested_by binary(16)    not null,
    protects     binary(16),
    agreed_on    date          not null,
    status       varchar(16)   not null,
    created_at   datetime(6)   not null,
    created_by   varchar(255)  not null,
    primary key (id),
    constraint uk_boundary_version unique (boundary_id, number),
    constraint fk_boundary_version_boundary foreign key (boundary_id) references boundary (id),
    constraint fk_boundary_version_requested foreign key (requested_by) references partner (id),
    constraint fk_boundary_version_protects foreign key (protects) references partner (id),
    constraint ck_boundary_version_status check (status in ('ACTIVE', 'RENEGOTIATED', 'RETIRED'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
