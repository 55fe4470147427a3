-- Tandem schema, part 21: a therapist assigns a questionnaire to one partner or to both; each answers alone, in
-- their own app, and the therapist compares the two. partner_id null: both partners. A response given for an
-- assignment names it (questionnaire_response.assignment_id).
create table questionnaire_assignment (
    id             binary(16)   not null,
    clinic_id      binary(16)   not null,
    couple_id      binary(16)   not null,
    instrument_key varchar(64)  not null,
    partner_id     binary(16),
    due_on         date,
    assigned_by    varchar(255) not null,
    created_at     datetime(6)  not null,
    version        bigint       not null,
    primary key (id),
    constraint fk_questionnaire_assignment_couple foreign key (couple_id) references couple (id),
    constraint fk_questionnaire_assignment_partner foreign key (partner_id) references partner (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_questionnaire_assignment_couple on questionnaire_assignment (couple_id, created_at);

alter table questionnaire_response add column assignment_id binary(16) null;
alter table questionnaire_response add constraint fk_questionnaire_response_assignment
    foreign key (assignment_id) references questionnaire_assignment (id);
