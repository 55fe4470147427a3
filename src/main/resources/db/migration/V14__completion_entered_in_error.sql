-- Tandem schema, part 14: a completion logged by mistake is marked as entered in error, as ratings,
-- questionnaire responses and sobriety resets are (V11 to V13). It stays as logged; adherence no longer counts it.

alter table completion
    add column entered_in_error_at     datetime(6),
    add column entered_in_error_by     varchar(255),
    add column entered_in_error_reason varchar(500),
    add constraint ck_completion_entered_in_error check (
        (entered_in_error_at is null and entered_in_error_by is null and entered_in_error_reason is null)
        or (entered_in_error_at is not null and entered_in_error_by is not null
            and entered_in_error_reason is not null));

-- One counted completion per partner and day, as before; a marked one no longer takes the day, so the right
-- completion can be logged for it. counted_on is the day while the completion counts and null once it is marked,
-- and a unique key lets any number of nulls through. The application never writes it.
alter table completion
    add column counted_on date generated always as (case when entered_in_error_at is null then done_on end) stored;
create unique index uk_completion_counted on completion (assignment_id, partner_id, counted_on);
drop index uk_completion_occurrence on completion;
