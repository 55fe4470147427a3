-- An export's stored output (export_chunk) is sealed: each chunk with AES-256-GCM under a random key of the job's
-- own, which is kept here sealed under the clinic's data key (crypto/BulkKey), so a key rotation re-seals the key and
-- not the output. Nullable and additive (expand and contract): jobs from before have no key, and the next retention
-- sweep expires their unsealed output.
alter table export_job
    add column chunk_key_id         binary(16) null,
    add column chunk_key_ciphertext blob       null,
    add constraint fk_export_job_chunk_key foreign key (chunk_key_id) references note_key (id);
