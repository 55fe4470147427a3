-- Tandem schema, part 35: daily check-ins between the partners (FANOS: feelings, affirmation, needs, ownership,
-- sobriety). One per partner and day, written by the partner; the words are sealed as a whole under the clinic's data
-- key (content_ciphertext, bound to the row's id); the partner chooses whether the other partner may read it.
create table check_in (
    id                 binary(16)  not null,
    clinic_id          binary(16)  not null,
    couple_id          binary(16)  not null,
    partner_id         binary(16)  not null,
    day                date        not null,
    content_key_id     binary(16)  not null,
    content_ciphertext blob        not null,
    shared             boolean     not null,
    version            bigint      not null,
    created_at         datetime(6) not null,
    updated_at         datetime(6) not null,
    primary key (id),
    constraint uk_check_in_day unique (partner_id, day),
    constraint fk_check_in_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_check_in_couple foreign key (couple_id) references couple (id),
    constraint fk_check_in_partner foreign key (partner_id) references partner (id),
    constraint fk_check_in_key foreign key (content_key_id) references note_key (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_check_in_couple_day on check_in (couple_id, day);
