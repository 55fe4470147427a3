-- Tandem schema, part 11: a rating recorded by mistake is marked as entered in error, never changed or deleted.
-- The value stays as it was recorded, with who marked it, when and why; summaries, reports and exports leave it
-- out. All three columns are set together, once (ck_measurement_entered_in_error).

alter table measurement
    add column entered_in_error_at     datetime(6),
    add column entered_in_error_by     varchar(255),
    add column entered_in_error_reason varchar(500),
    add constraint ck_measurement_entered_in_error check (
        (entered_in_error_at is null and entered_in_error_by is null and entered_in_error_reason is null)
        or (entered_in_error_at is not null and entered_in_error_by is not null
            and entered_in_error_reason is not null));

-- The couple-and-day index carries the mark, so an export's row count still comes from the index alone (Scan).
create index ix_measurement_couple_day on measurement (couple_id, measured_on, entered_in_error_at);
drop index ix_measurement_couple on measurement;
