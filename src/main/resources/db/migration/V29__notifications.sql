-- Tandem schema, part 29: notifications, an outbox of messages to people. A row is written in the transaction of
-- the change that causes it (a session booked, moved, cancelled), is due at a time computed in the clinic's zone,
-- and is claimed by one replica (SKIP LOCKED), sent, and marked SENT only once the SMTP server accepted it. No
-- address and no text is stored: both are read and rendered when it is sent.

create table notification (
    id             binary(16)   not null,
    clinic_id      binary(16)   not null,
    kind           varchar(32)  not null,
    couple_id      binary(16)   not null,
    partner_id     binary(16)   not null,
    session_id     binary(16)   not null,
    session_start  datetime(6)  not null,
    due_at         datetime(6)  not null,
    status         varchar(16)  not null,
    attempts       int          not null,
    next_attempt_at datetime(6) not null,
    claimed_by     varchar(64),
    claimed_until  datetime(6),
    last_error     varchar(64),
    sent_at        datetime(6),
    created_at     datetime(6)  not null,
    updated_at     datetime(6)  not null,
    primary key (id),
    constraint fk_notification_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_notification_couple foreign key (couple_id) references couple (id),
    constraint fk_notification_partner foreign key (partner_id) references partner (id),
    constraint fk_notification_session foreign key (session_id) references therapy_session (id),
    constraint ck_notification_kind check (kind in ('SESSION_REMINDER', 'SESSION_SCHEDULED', 'SESSION_MOVED',
        'SESSION_CANCELLED')),
    constraint ck_notification_status check (status in ('PENDING', 'SENDING', 'SENT', 'GAVE_UP', 'WITHDRAWN',
        'SKIPPED'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- The sender's claim: due rows in due order.
create index ix_notification_due on notification (status, next_attempt_at);
create index ix_notification_session on notification (session_id, status);
create index ix_notification_clinic on notification (clinic_id, created_at);
