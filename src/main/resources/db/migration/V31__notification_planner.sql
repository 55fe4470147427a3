-- Tandem schema, part 31: messages a schedule plans (a therapist's daily agenda, a review that fell due) carry a key
-- that names what they are about, unique, so every replica may plan and each message is still made once.
alter table notification add column dedupe_key varchar(160) null;
alter table notification add constraint uk_notification_dedupe unique (dedupe_key);
alter table notification drop constraint ck_notification_kind;
alter table notification add constraint ck_notification_kind check (kind in ('SESSION_REMINDER', 'SESSION_SCHEDULED',
    'SESSION_MOVED', 'SESSION_CANCELLED', 'SAFETY_FLAG', 'AGENDA_DIGEST', 'REVIEW_DUE', 'SERIES_SKIPPED'));
-- A therapist's agenda is about no couple.
alter table notification modify column couple_id binary(16) null;
