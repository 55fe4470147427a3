-- Tandem schema, part 45: each message's delivery history, for the admins' delivery log. One row for each thing that
-- happened to a message after it was queued: an e-mail attempt the server accepted or refused (and why, as a
-- category), a skip, a wait for quiet hours, a withdrawal, giving up, and a reminder's reminder.due event handed to
-- the clinic's webhooks (with the event's id, to find its deliveries). Ids and categories only: no address, no text.
-- Additive: messages queued before it have their status and attempt count, and no history.

create table notification_delivery (
    id               bigint       not null auto_increment,
    notification_id  binary(16)   not null,
    happened_at      datetime(6)  not null,
    channel          varchar(16),
    outcome          varchar(16)  not null,
    reason           varchar(64),
    webhook_event_id binary(16),
    primary key (id),
    constraint fk_notification_delivery_notification foreign key (notification_id) references notification (id),
    constraint ck_notification_delivery_channel check (channel in ('EMAIL', 'WEBHOOK')),
    constraint ck_notification_delivery_outcome check (outcome in ('SENT', 'FAILED', 'GAVE_UP', 'POSTPONED',
        'SKIPPED', 'WITHDRAWN', 'PUBLISHED'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_notification_delivery_notification on notification_delivery (notification_id, id);
