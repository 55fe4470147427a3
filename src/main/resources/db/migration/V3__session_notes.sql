-- Tandem schema, part 3: session notes. Bodies are AES-256-GCM ciphertexts (Google Tink) under a per-clinic data
-- key; a data key is stored only wrapped by a key-encryption key that lives outside the database (TANDEM_NOTES_KEY).

create table note_key (
    id          binary(16)    not null,
    clinic_id   binary(16)    not null,
    kek_id      varchar(32)   not null,
    wrapped_key varbinary(512) not null,
    created_at  datetime(6)   not null,
    primary key (id),
    constraint uk_note_key_clinic unique (clinic_id),
    constraint fk_note_key_clinic foreign key (clinic_id) references clinic (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table session_note (
    id              binary(16)  not null,
    clinic_id       binary(16)  not null,
    session_id      binary(16)  not null,
    author_id       binary(16)  not null,
    template        varchar(16) not null,
    psychotherapy   boolean     not null,
    status          varchar(16) not null,
    body_key_id     binary(16)  not null,
    body_ciphertext mediumblob  not null,
    revision        int         not null,
    signed_at       datetime(6),
    cosigned_by     binary(16),
    cosigned_at     datetime(6),
    version         bigint      not null,
    created_at      datetime(6) not null,
    updated_at      datetime(6) not null,
    primary key (id),
    constraint uk_note_session unique (session_id),
    constraint fk_note_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_note_session foreign key (session_id) references therapy_session (id),
    constraint fk_note_author foreign key (author_id) references therapist (id),
    constraint fk_note_cosigner foreign key (cosigned_by) references therapist (id),
    constraint fk_note_key foreign key (body_key_id) references note_key (id),
    constraint ck_note_template check (template in ('SOAP', 'DAP', 'BIRP', 'FREE_TEXT')),
    constraint ck_note_status check (status in ('DRAFT', 'SIGNED'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Who saved which revision of a draft, and when. No text: one encrypted copy of the note is enough.
create table note_revision (
    id         binary(16)  not null,
    note_id    binary(16)  not null,
    revision   int         not null,
    saved_by   binary(16)  not null,
    saved_at   datetime(6) not null,
    primary key (id),
    constraint uk_note_revision unique (note_id, revision),
    constraint fk_revision_note foreign key (note_id) references session_note (id),
    constraint fk_revision_therapist foreign key (saved_by) references therapist (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Append-only: an addendum is signed by its author when written and never changed.
create table note_addendum (
    id              binary(16)  not null,
    note_id         binary(16)  not null,
    author_id       binary(16)  not null,
    body_key_id     binary(16)  not null,
    body_ciphertext mediumblob  not null,
    created_at      datetime(6) not null,
    primary key (id),
    constraint fk_addendum_note foreign key (note_id) references session_note (id),
    constraint fk_addendum_author foreign key (author_id) references therapist (id),
    constraint fk_addendum_key foreign key (body_key_id) references note_key (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_addendum_note on note_addendum (note_id, created_at);
