-- Tandem schema, part 26: consents. A clinic keeps versioned consent templates (the text of each version and its
-- SHA-256 are fixed once written); each partner signs a version electronically. What identifies the signer (the
-- typed name, the address signed from, and for a release of information the party and scope) is sealed under the
-- clinic's data key, bound to the signature's id. A signature is never deleted: it is revoked, or expires.

create table consent_template (
    id             binary(16)   not null,
    clinic_id      binary(16)   not null,
    kind           varchar(32)  not null,
    title          varchar(200) not null,
    required_before_first_session boolean not null,
    status         varchar(16)  not null,
    current_number int          not null,
    version        bigint       not null,
    created_at     datetime(6)  not null,
    updated_at     datetime(6)  not null,
    primary key (id),
    constraint fk_consent_template_clinic foreign key (clinic_id) references clinic (id),
    constraint ck_consent_template_kind check (kind in ('INFORMED_CONSENT', 'SECRETS_POLICY', 'TELEHEALTH',
        'RELEASE_OF_INFORMATION', 'OTHER')),
    constraint ck_consent_template_status check (status in ('ACTIVE', 'RETIRED'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_consent_template_clinic on consent_template (clinic_id, status);

create table consent_template_version (
    id          binary(16)   not null,
    template_id binary(16)   not null,
    number      int          not null,
    `text`      mediumtext   not null,
    text_sha256 char(64)     not null,
    created_at  datetime(6)  not null,
    created_by  varchar(255) not null,
    primary key (id),
    constraint uk_consent_template_version unique (template_id, number),
    constraint fk_consent_template_version_template foreign key (template_id) references consent_template (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table consent_signature (
    id                binary(16)  not null,
    clinic_id         binary(16)  not null,
    couple_id         binary(16)  not null,
    partner_id        binary(16)  not null,
    template_id       binary(16)  not null,
    version_id        binary(16)  not null,
    text_sha256       char(64)    not null,
    signed_at         datetime(6) not null,
    signer_key_id     binary(16)  not null,
    signer_ciphertext blob        not null,
    expires_on        date,
    revoked_at        datetime(6),
    primary key (id),
    constraint fk_consent_signature_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_consent_signature_couple foreign key (couple_id) references couple (id),
    constraint fk_consent_signature_partner foreign key (partner_id) references partner (id),
    constraint fk_consent_signature_template foreign key (template_id) references consent_template (id),
    constraint fk_consent_signature_version foreign key (version_id) references consent_template_version (id),
    constraint fk_consent_signature_key foreign key (signer_key_id) references note_key (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_consent_signature_couple on consent_signature (couple_id, template_id);
create index ix_consent_signature_partner on consent_signature (partner_id, template_id);
