-- Tandem schema, part 47: why a session was cancelled is sealed under the clinic's data key, bound to the session's
-- id, as the other clinical texts are. The plaintext column stays for reasons written before this version (and by a
-- replica of the previous version during a rolling update): crypto/PlaintextSealing seals them and empties it.
alter table therapy_session add column cancel_reason_key_id binary(16) null;
alter table therapy_session add column cancel_reason_ciphertext blob null;
alter table therapy_session add constraint fk_therapy_session_cancel_reason_key
    foreign key (cancel_reason_key_id) references note_key (id);
