-- Tandem schema, part 23: an exercise reflection is sealed under the clinic's data key, as a note body is, bound
-- to its completion's id. The plaintext column stays for the reflections written before this version (and by a
-- replica of the previous version during a rolling update): crypto/PlaintextSealing seals them and empties the
-- column; nothing writes to it any more. A later version drops it.
alter table completion add column reflection_key_id binary(16) null;
alter table completion add column reflection_ciphertext blob null;
alter table completion add constraint fk_completion_reflection_key
    foreign key (reflection_key_id) references note_key (id);
