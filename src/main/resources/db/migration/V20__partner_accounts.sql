-- Tandem schema, part 20: partners sign in themselves.
-- partner_account binds one Keycloak user to exactly one partner record. The user's attribute partner_account holds
-- this row's id, a protocol mapper puts it in the token, and Tandem checks the token's subject against the row's on
-- every request, so neither a copied attribute nor a second user can borrow the binding. An invitation is a
-- one-time code: only its SHA-256 is kept (activation_hash), cleared once used, revoked or replaced.
create table partner_account (
    id                    binary(16)   not null,
    clinic_id             binary(16)   not null,
    partner_id            binary(16)   not null,
    subject               varchar(255) not null,
    status                varchar(16)  not null,
    activation_hash       binary(32),
    activation_expires_at datetime(6),
    invited_at            datetime(6)  not null,
    invited_by            varchar(255) not null,
    activated_at          datetime(6),
    revoked_at            datetime(6),
    created_at            datetime(6)  not null,
    version               bigint       not null,
    primary key (id),
    constraint uk_partner_account_partner unique (partner_id),
    constraint uk_partner_account_subject unique (subject),
    constraint uk_partner_account_activation unique (activation_hash),
    constraint fk_partner_account_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_partner_account_partner foreign key (partner_id) references partner (id),
    constraint ck_partner_account_status check (status in ('INVITED', 'ACTIVE', 'REVOKED'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Every choice a partner makes to share an entry of theirs with the other partner, or to take it back: who, what,
-- when. The entry's own flag says how it stands now; this table says how it came to be.
create table share_choice (
    id          binary(16)   not null,
    clinic_id   binary(16)   not null,
    couple_id   binary(16)   not null,
    partner_id  binary(16)   not null,
    record_kind varchar(16)  not null,
    record_id   binary(16)   not null,
    shared      boolean      not null,
    chosen_at   datetime(6)  not null,
    chosen_by   varchar(255) not null,
    primary key (id),
    constraint fk_share_choice_couple foreign key (couple_id) references couple (id),
    constraint fk_share_choice_partner foreign key (partner_id) references partner (id),
    constraint ck_share_choice_kind check (record_kind in ('RATING', 'QUESTIONNAIRE', 'COMPLETION'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_share_choice_record on share_choice (record_kind, record_id, chosen_at);

-- A partner's own agreement to one version of a boundary, recorded by that partner.
create table boundary_consent (
    id                  binary(16)   not null,
    boundary_version_id binary(16)   not null,
    partner_id          binary(16)   not null,
    agreed_at           datetime(6)  not null,
    primary key (id),
    constraint uk_boundary_consent unique (boundary_version_id, partner_id),
    constraint fk_boundary_consent_version foreign key (boundary_version_id) references boundary_version (id),
    constraint fk_boundary_consent_partner foreign key (partner_id) references partner (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
