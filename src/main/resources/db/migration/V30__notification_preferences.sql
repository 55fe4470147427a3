-- Tandem schema, part 30: each partner's choices about messages (e-mail at all, reminders, text messages through the
-- clinic's own service, quiet hours in the clinic's zone), and a one-click unsubscribe link per message: only the
-- SHA-256 of its token is kept, on the message it was sent in.

create table notification_preference (
    partner_id        binary(16)  not null,
    clinic_id         binary(16)  not null,
    email_enabled     boolean     not null,
    reminders_enabled boolean     not null,
    sms_enabled       boolean     not null,
    quiet_from        time,
    quiet_until       time,
    version           bigint      not null,
    created_at        datetime(6) not null,
    updated_at        datetime(6) not null,
    primary key (partner_id),
    constraint fk_notification_preference_partner foreign key (partner_id) references partner (id),
    constraint fk_notification_preference_clinic foreign key (clinic_id) references clinic (id),
    constraint ck_notification_preference_quiet check ((quiet_from is null) = (quiet_until is null))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

alter table notification add column unsubscribe_hash binary(32) null;
create index ix_notification_unsubscribe on notification (unsubscribe_hash);

-- A message to a therapist (a safety flag on one of their couples): no partner, no session.
alter table notification modify column partner_id binary(16) null;
alter table notification modify column session_id binary(16) null;
alter table notification modify column session_start datetime(6) null;
alter table notification add column therapist_id binary(16) null;
alter table notification add constraint fk_notification_therapist foreign key (therapist_id) references therapist (id);
alter table notification drop constraint ck_notification_kind;
alter table notification add constraint ck_notification_kind check (kind in ('SESSION_REMINDER', 'SESSION_SCHEDULED',
    'SESSION_MOVED', 'SESSION_CANCELLED', 'SAFETY_FLAG'));
alter table notification add constraint ck_notification_recipient check ((partner_id is null) <> (therapist_id is null));
