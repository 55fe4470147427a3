-- Tandem schema, part 15: an idempotency record no longer keeps a readable copy of its response. The body is
-- sealed under the clinic's data key (as note text is), with one-time secrets left out, so the table holds no
-- clinical text, feed URL or webhook secret in the clear. Bodies stored before this migration were plaintext:
-- they are dropped. Their records stay, so a retry of such a request is still answered (status and headers,
-- without a body) instead of running a second time.

alter table idempotency_record add column body_key_id binary(16) null after etag;

update idempotency_record set body = null where body is not null;

alter table idempotency_record add constraint ck_idempotency_sealed
    check ((body is null) = (body_key_id is null));
