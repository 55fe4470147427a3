-- Tandem schema, part 37: the impact letter (written by the betrayed partner) and the emotional restitution letter
-- (written by the partner in recovery). The words are sealed under the clinic's data key, bound to the row. The
-- author and the couple's therapists read a letter; the other partner only once the author shared it or a
-- therapist recorded that it was read in session.
create table recovery_letter (
    id                  binary(16)  not null,
    clinic_id           binary(16)  not null,
    couple_id           binary(16)  not null,
    author_partner_id   binary(16)  not null,
    kind                varchar(16) not null,
    content_key_id      binary(16)  not null,
    content_ciphertext  mediumblob  not null,
    shared_at           datetime(6) null,
    read_in_session_on  date        null,
    version             bigint      not null,
    created_at          datetime(6) not null,
    updated_at          datetime(6) not null,
    primary key (id),
    constraint fk_recovery_letter_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_recovery_letter_couple foreign key (couple_id) references couple (id),
    constraint fk_recovery_letter_author foreign key (author_partner_id) references partner (id),
    constraint fk_recovery_letter_key foreign key (content_key_id) references note_key (id),
    constraint ck_recovery_letter_kind check (kind in ('IMPACT', 'RESTITUTION'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_recovery_letter_couple on recovery_letter (couple_id, created_at);
