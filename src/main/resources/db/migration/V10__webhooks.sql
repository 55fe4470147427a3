-- Tandem schema, part 10: webhooks through a transactional outbox. An event row and one delivery row per
-- subscribed endpoint are written in the transaction of the change itself: committed together, or not at all.
-- Deliveries are claimed through the database (SKIP LOCKED plus a lease in next_attempt_at), so replicas never
-- send one delivery at the same time, and one whose sender died is sent again after the lease.

create table webhook_endpoint (
    id                binary(16)    not null,
    clinic_id         binary(16)    not null,
    url               varchar(2000) not null,
    events            varchar(1000) not null,
    secret_key_id     binary(16)    not null,
    secret_ciphertext blob          not null,
    active            boolean       not null,
    created_by        varchar(255)  not null,
    created_at        datetime(6)   not null,
    primary key (id),
    constraint fk_webhook_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_webhook_key foreign key (secret_key_id) references note_key (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_webhook_clinic on webhook_endpoint (clinic_id, active);

create table outbox_event (
    id          binary(16)   not null,
    clinic_id   binary(16)   not null,
    event_type  varchar(64)  not null,
    payload     text         not null,
    occurred_at datetime(6)  not null,
    primary key (id),
    constraint fk_outbox_clinic foreign key (clinic_id) references clinic (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table webhook_delivery (
    id              binary(16)   not null,
    event_id        binary(16)   not null,
    endpoint_id     binary(16)   not null,
    status          varchar(16)  not null,
    attempts        int          not null,
    next_attempt_at datetime(6)  not null,
    last_status     int,
    last_error      varchar(200),
    delivered_at    datetime(6),
    created_at      datetime(6)  not null,
    primary key (id),
    constraint fk_delivery_event foreign key (event_id) references outbox_event (id),
    constraint fk_delivery_endpoint foreign key (endpoint_id) references webhook_endpoint (id),
    constraint ck_delivery_status check (status in ('PENDING', 'DELIVERED', 'DEAD'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_delivery_due on webhook_delivery (status, next_attempt_at);
create index ix_delivery_endpoint on webhook_delivery (endpoint_id, created_at);
