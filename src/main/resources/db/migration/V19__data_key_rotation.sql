-- A clinic's sealed data can move to a new data key (crypto/KeyRotation). While it moves the clinic holds two keys:
-- the active one, which seals everything new, and the retiring one, deleted once no row uses it. At most one active
-- key per clinic: active_clinic_id is the clinic's id while the key is active, null once it retires.
alter table note_key add column active_clinic_id binary(16) null;
alter table note_key add column retired_at datetime(6) null;
update note_key set active_clinic_id = clinic_id;
create index ix_note_key_clinic on note_key (clinic_id);
alter table note_key drop index uk_note_key_clinic;
create unique index uk_note_key_active on note_key (active_clinic_id);
alter table note_key add constraint ck_note_key_active
    check ((active_clinic_id is null) = (retired_at is not null)
        and (active_clinic_id is null or active_clinic_id = clinic_id));
-- The rotation finds each sealed column's rows by key; the other key columns are indexed by their foreign keys.
create index ix_idempotency_body_key on idempotency_record (body_key_id);
