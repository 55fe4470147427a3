-- A polygraph examination recorded by mistake (the wrong outcome, the wrong day) is marked as entered in error, as a
-- rating or a reset can be (V11, V12): kept as recorded, with who marked it, when and why, and counted nowhere (not
-- in the schedule, not on the trust timeline). Additive.

alter table polygraph_exam
    add column entered_in_error_at     datetime(6),
    add column entered_in_error_by     varchar(255),
    add column entered_in_error_reason varchar(500),
    add constraint ck_polygraph_exam_entered_in_error check (
        (entered_in_error_at is null and entered_in_error_by is null and entered_in_error_reason is null)
        or (entered_in_error_at is not null and entered_in_error_by is not null
            and entered_in_error_reason is not null));
