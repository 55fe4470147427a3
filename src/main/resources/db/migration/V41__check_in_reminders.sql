-- Tandem schema, part 41: an evening reminder to a partner who keeps daily check-ins and has not written today's.
alter table notification drop constraint ck_notification_kind;
alter table notification add constraint ck_notification_kind check (kind in ('SESSION_REMINDER', 'SESSION_SCHEDULED',
    'SESSION_MOVED', 'SESSION_CANCELLED', 'SAFETY_FLAG', 'AGENDA_DIGEST', 'REVIEW_DUE', 'SERIES_SKIPPED',
    'HOMEWORK_NUDGE', 'CHECK_IN_REMINDER'));
