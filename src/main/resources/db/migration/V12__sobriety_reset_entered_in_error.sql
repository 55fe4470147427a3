-- Tandem schema, part 12: a slip or relapse logged by mistake is marked as entered in error, as a rating can be
-- (V11). The reset stays as logged, with who marked it, when and why; streaks no longer count it.

alter table sobriety_reset
    add column entered_in_error_at     datetime(6),
    add column entered_in_error_by     varchar(255),
    add column entered_in_error_reason varchar(500),
    add constraint ck_sobriety_reset_entered_in_error check (
        (entered_in_error_at is null and entered_in_error_by is null and entered_in_error_reason is null)
        or (entered_in_error_at is not null and entered_in_error_by is not null
            and entered_in_error_reason is not null));
