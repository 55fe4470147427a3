-- Tandem schema, part 24: a boundary's wording is sealed under the clinic's data key, bound to its version's id, as
-- exercise reflections are (V23). The plaintext column stays, nullable, for wordings written before this version
-- until crypto/PlaintextSealing seals them; every version has one or the other.
alter table boundary_version modify column `text` varchar(2000) null;
alter table boundary_version add column text_key_id binary(16) null;
alter table boundary_version add column text_ciphertext blob null;
alter table boundary_version add constraint fk_boundary_version_text_key
    foreign key (text_key_id) references note_key (id);
alter table boundary_version add constraint ck_boundary_version_text
    check (`text` is not null or text_ciphertext is not null);
