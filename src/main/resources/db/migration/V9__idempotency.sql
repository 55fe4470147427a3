-- Tandem schema, part 9: idempotency keys. A POST with an Idempotency-Key stores its first successful response
-- here, keyed by who sent it (clinic and subject) and the key; a retry replays it instead of writing again. In the
-- database, so it holds across replicas.

create table idempotency_record (
    id           binary(16)   not null,
    owner        varchar(330) not null,
    idem_key     varchar(255) not null,
    request_hash char(64)     not null,
    state        varchar(16)  not null,
    http_status  int,
    content_type varchar(100),
    location     varchar(1000),
    etag         varchar(100),
    body         mediumblob,
    created_at   datetime(6)  not null,
    expires_at   datetime(6)  not null,
    primary key (id),
    constraint uk_idempotency_owner_key unique (owner, idem_key),
    constraint ck_idempotency_state check (state in ('IN_PROGRESS', 'DONE'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

create index ix_idempotency_expiry on idempotency_record (expires_at);
