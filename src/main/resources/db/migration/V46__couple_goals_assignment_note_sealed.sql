-- Tandem schema, part 46: a couple's treatment goals and a therapist's note on an assignment are sealed under the
-- clinic's data key, as every other clinical text is, each bound to its row's id. The plaintext columns stay for
-- what was written before this version (and by a replica of the previous version during a rolling update):
-- crypto/PlaintextSealing seals it and empties the column; nothing writes to them any more. A later version drops
-- them.
alter table couple add column treatment_goals_key_id binary(16) null;
alter table couple add column treatment_goals_ciphertext blob null;
alter table couple add constraint fk_couple_treatment_goals_key
    foreign key (treatment_goals_key_id) references note_key (id);

alter table assignment add column therapist_note_key_id binary(16) null;
alter table assignment add column therapist_note_ciphertext blob null;
alter table assignment add constraint fk_assignment_therapist_note_key
    foreign key (therapist_note_key_id) references note_key (id);
