-- Tandem schema, part 48: crypto/PlaintextSealing looks for clinical text an earlier version stored in the clear
-- ("where <column> is not null"), every minute on every replica. Without an index each look read the whole table
-- (every session, assignment, completion...), though nothing is left to seal once every replica runs a version
-- that seals. A one-character prefix index makes the look a range scan over the rows still in the clear: none.
create index ix_couple_goals_plaintext on couple (treatment_goals(1));
create index ix_assignment_note_plaintext on assignment (therapist_note(1));
create index ix_therapy_session_cancel_reason_plaintext on therapy_session (cancel_reason(1));
create index ix_completion_reflection_plaintext on completion (reflection(1));
create index ix_boundary_version_text_plaintext on boundary_version (`text`(1));
