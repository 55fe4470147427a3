-- Tandem schema, part 49: the reason an entry was marked as entered in error (a rating, a questionnaire response, a
-- sobriety reset, an exercise completion, a polygraph examination) is written by a clinician and may say something
-- clinical: it is sealed under the clinic's data key, bound to the entry's id, as the other clinical texts are. The
-- plaintext column stays for reasons written before this version (and by a replica of the previous version during
-- a rolling update): crypto/PlaintextSealing seals them and empties it, so a mark now has its reason in one of the
-- two forms; the check constraints say so. The prefix index keeps the job's look a range scan (see V48).

alter table measurement
    add column entered_in_error_reason_key_id binary(16) null,
    add column entered_in_error_reason_ciphertext blob null,
    add constraint fk_measurement_error_reason_key foreign key (entered_in_error_reason_key_id) references note_key (id);
alter table measurement drop constraint ck_measurement_entered_in_error;
alter table measurement add constraint ck_measurement_entered_in_error check (
    (entered_in_error_at is null and entered_in_error_by is null and entered_in_error_reason is null
        and entered_in_error_reason_key_id is null and entered_in_error_reason_ciphertext is null)
    or (entered_in_error_at is not null and entered_in_error_by is not null
        and ((entered_in_error_reason is not null and entered_in_error_reason_key_id is null)
            or (entered_in_error_reason is null and entered_in_error_reason_key_id is not null
                and entered_in_error_reason_ciphertext is not null))));
create index ix_measurement_error_reason_plaintext on measurement (entered_in_error_reason(1));

alter table questionnaire_response
    add column entered_in_error_reason_key_id binary(16) null,
    add column entered_in_error_reason_ciphertext blob null,
    add constraint fk_questionnaire_response_error_reason_key foreign key (entered_in_error_reason_key_id) references note_key (id);
alter table questionnaire_response drop constraint ck_questionnaire_entered_in_error;
alter table questionnaire_response add constraint ck_questionnaire_entered_in_error check (
    (entered_in_error_at is null and entered_in_error_by is null and entered_in_error_reason is null
        and entered_in_error_reason_key_id is null and entered_in_error_reason_ciphertext is null)
    or (entered_in_error_at is not null and entered_in_error_by is not null
        and ((entered_in_error_reason is not null and entered_in_error_reason_key_id is null)
            or (entered_in_error_reason is null and entered_in_error_reason_key_id is not null
                and entered_in_error_reason_ciphertext is not null))));
create index ix_questionnaire_response_error_reason_plaintext on questionnaire_response (entered_in_error_reason(1));

alter table sobriety_reset
    add column entered_in_error_reason_key_id binary(16) null,
    add column entered_in_error_reason_ciphertext blob null,
    add constraint fk_sobriety_reset_error_reason_key foreign key (entered_in_error_reason_key_id) references note_key (id);
alter table sobriety_reset drop constraint ck_sobriety_reset_entered_in_error;
alter table sobriety_reset add constraint ck_sobriety_reset_entered_in_error check (
    (entered_in_error_at is null and entered_in_error_by is null and entered_in_error_reason is null
        and entered_in_error_reason_key_id is null and entered_in_error_reason_ciphertext is null)
    or (entered_in_error_at is not null and entered_in_error_by is not null
        and ((entered_in_error_reason is not null and entered_in_error_reason_key_id is null)
            or (entered_in_error_reason is null and entered_in_error_reason_key_id is not null
                and entered_in_error_reason_ciphertext is not null))));
create index ix_sobriety_reset_error_reason_plaintext on sobriety_reset (entered_in_error_reason(1));

alter table completion
    add column entered_in_error_reason_key_id binary(16) null,
    add column entered_in_error_reason_ciphertext blob null,
    add constraint fk_completion_error_reason_key foreign key (entered_in_error_reason_key_id) references note_key (id);
alter table completion drop constraint ck_completion_entered_in_error;
alter table completion add constraint ck_completion_entered_in_error check (
    (entered_in_error_at is null and entered_in_error_by is null and entered_in_error_reason is null
        and entered_in_error_reason_key_id is null and entered_in_error_reason_ciphertext is null)
    or (entered_in_error_at is not null and entered_in_error_by is not null
        and ((entered_in_error_reason is not null and entered_in_error_reason_key_id is null)
            or (entered_in_error_reason is null and entered_in_error_reason_key_id is not null
                and entered_in_error_reason_ciphertext is not null))));
create index ix_completion_error_reason_plaintext on completion (entered_in_error_reason(1));

alter table polygraph_exam
    add column entered_in_error_reason_key_id binary(16) null,
    add column entered_in_error_reason_ciphertext blob null,
    add constraint fk_polygraph_exam_error_reason_key foreign key (entered_in_error_reason_key_id) references note_key (id);
alter table polygraph_exam drop constraint ck_polygraph_exam_entered_in_error;
alter table polygraph_exam add constraint ck_polygraph_exam_entered_in_error check (
    (entered_in_error_at is null and entered_in_error_by is null and entered_in_error_reason is null
        and entered_in_error_reason_key_id is null and entered_in_error_reason_ciphertext is null)
    or (entered_in_error_at is not null and entered_in_error_by is not null
        and ((entered_in_error_reason is not null and entered_in_error_reason_key_id is null)
            or (entered_in_error_reason is null and entered_in_error_reason_key_id is not null
                and entered_in_error_reason_ciphertext is not null))));
create index ix_polygraph_exam_error_reason_plaintext on polygraph_exam (entered_in_error_reason(1));
