-- Tandem schema, part 32: who chooses which reminders. A clinic sets its default reminder offsets (null: the
-- deployment's), each partner may choose their own (null: the clinic's), and therapists choose too (e-mail at all,
-- their agenda and review notes, quiet hours): a preference row now belongs to a partner or to a therapist, keyed by
-- that person's id. Homework nudges follow each assignment's cadence.

alter table clinic add column reminder_offsets varchar(100) null;

alter table notification_preference drop constraint fk_notification_preference_partner;
alter table notification_preference add column person_id binary(16) null;
update notification_preference set person_id = partner_id;
alter table notification_preference drop primary key;
alter table notification_preference modify column person_id binary(16) not null;
alter table notification_preference add primary key (person_id);
alter table notification_preference modify column partner_id binary(16) null;
alter table notification_preference add constraint fk_notification_preference_partner foreign key (partner_id)
    references partner (id);
alter table notification_preference add column therapist_id binary(16) null;
alter table notification_preference add constraint fk_notification_preference_therapist foreign key (therapist_id)
    references therapist (id);
alter table notification_preference add constraint ck_notification_preference_person check
    ((partner_id is null) <> (therapist_id is null) and person_id = coalesce(partner_id, therapist_id));
alter table notification_preference add column reminder_offsets varchar(100) null;

alter table notification add column assignment_id binary(16) null;
alter table notification add constraint fk_notification_assignment foreign key (assignment_id)
    references assignment (id);
alter table notification drop constraint ck_notification_kind;
alter table notification add constraint ck_notification_kind check (kind in ('SESSION_REMINDER', 'SESSION_SCHEDULED',
    'SESSION_MOVED', 'SESSION_CANCELLED', 'SAFETY_FLAG', 'AGENDA_DIGEST', 'REVIEW_DUE', 'SERIES_SKIPPED',
    'HOMEWORK_NUDGE'));
