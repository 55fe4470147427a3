-- Tandem schema, part 13: a questionnaire response recorded by mistake is marked as entered in error, as ratings
-- (V11) and sobriety resets (V12) are. The answers stay as recorded; scores, trends and exports leave it out.

alter table questionnaire_response
    add column entered_in_error_at     datetime(6),
    add column entered_in_error_by     varchar(255),
    add column entered_in_error_reason varchar(500),
    add constraint ck_questionnaire_entered_in_error check (
        (entered_in_error_at is null and entered_in_error_by is null and entered_in_error_reason is null)
        or (entered_in_error_at is not null and entered_in_error_by is not null
            and entered_in_error_reason is not null));

-- The couple-and-day index carries the mark, so an export's row count still comes from the index alone (Scan).
create index ix_questionnaire_couple_day on questionnaire_response (couple_id, completed_on, entered_in_error_at);
drop index ix_questionnaire_couple on questionnaire_response;
