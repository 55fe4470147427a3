package org.tandem.crypto;

import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * Every column that holds a ciphertext under a clinic's data key, with the column naming its key and the purpose
 * sealed into the ciphertext's associated data. Features seal and open with these purposes; {@link KeyRotation}
 * moves each of them to a new key. KeyRotationTest fails when a table gains a key column that is not listed here.
 */
@RequiredArgsConstructor
public enum SealedColumn {
    NOTE_BODY("session_note", "body_key_id", "body_ciphertext", "note"),
    ADDENDUM_BODY("note_addendum", "body_key_id", "body_ciphertext", "addendum"),
    SOBRIETY_RESET_NOTE("sobriety_reset", "note_key_id", "note_ciphertext", "sobriety-reset"),
    COMPLETION_REFLECTION("completion", "reflection_key_id", "reflection_ciphertext", "completion-reflection"),
    BOUNDARY_TEXT("boundary_version", "text_key_id", "text_ciphertext", "boundary-text"),
    CONSENT_SIGNER("consent_signature", "signer_key_id", "signer_ciphertext", "consent-signer"),
    SAFETY_PLAN_CONTENT("safety_plan_version", "content_key_id", "content_ciphertext", "safety-plan"),
    TREATMENT_PLAN_CONTENT("treatment_plan_version", "content_key_id", "content_ciphertext", "treatment-plan"),
    CHECK_IN_CONTENT("check_in", "content_key_id", "content_ciphertext", "check-in"),
    DISCLOSURE_DOCUMENT("disclosure", "document_key_id", "document_ciphertext", "disclosure-document"),
    DISCLOSURE_QUESTION("disclosure_question", "text_key_id", "text_ciphertext", "disclosure-question"),
    LETTER_CONTENT("recovery_letter", "content_key_id", "content_ciphertext", "letter"),
    COUPLE_GOALS("couple", "treatment_goals_key_id", "treatment_goals_ciphertext", "couple-goals"),
    SESSION_CANCEL_REASON("therapy_session", "cancel_reason_key_id", "cancel_reason_ciphertext",
            "session-cancel-reason"),
    ASSIGNMENT_NOTE("assignment", "therapist_note_key_id", "therapist_note_ciphertext", "assignment-note"),
    /** The reasons entries were marked as entered in error (common.ErrorMark, sealed through EntryReasons). */
    MEASUREMENT_ERROR_REASON("measurement", ErrorReason.KEY, ErrorReason.CIPHERTEXT,
            "measurement-error-reason"),
    QUESTIONNAIRE_ERROR_REASON("questionnaire_response", ErrorReason.KEY, ErrorReason.CIPHERTEXT,
            "questionnaire-error-reason"),
    SOBRIETY_RESET_ERROR_REASON("sobriety_reset", ErrorReason.KEY, ErrorReason.CIPHERTEXT,
            "sobriety-reset-error-reason"),
    COMPLETION_ERROR_REASON("completion", ErrorReason.KEY, ErrorReason.CIPHERTEXT,
            "completion-error-reason"),
    POLYGRAPH_ERROR_REASON("polygraph_exam", ErrorReason.KEY, ErrorReason.CIPHERTEXT,
            "polygraph-error-reason"),
    POLYGRAPH_QUESTION("polygraph_question", "text_key_id", "text_ciphertext", "polygraph-question"),
    WEBHOOK_SECRET("webhook_endpoint", "secret_key_id", "secret_ciphertext", "webhook-secret"),
    IDEMPOTENT_RESPONSE("idempotency_record", "body_key_id", "body", "idempotent-response"),
    /** The key of an export's stored output ({@link BulkKey}); the output's chunks are sealed under it. */
    EXPORT_CHUNK_KEY("export_job", "chunk_key_id", "chunk_key_ciphertext", "export-output");

    /** The two columns an entered-in-error mark's reason is sealed in, the same in each table (V49). */
    private static final class ErrorReason {
        static final String KEY = "entered_in_error_reason_key_id";
        static final String CIPHERTEXT = "entered_in_error_reason_ciphertext";
    }

    private final String table;
    private final String keyColumn;
    private final String ciphertextColumn;
    private final String purpose;

    public String table() {
        return table;
    }

    public String keyColumn() {
        return keyColumn;
    }

    public String ciphertextColumn() {
        return ciphertextColumn;
    }

    /** Sealed into the associated data with the row's id: a ciphertext moved to another row or column fails. */
    public String purpose() {
        return purpose;
    }

    /**
     * The statement that stores a row's sealed value (key id, ciphertext, row id, as JDBC-style parameters) and
     * empties the row's {@code plaintextColumn}, where the text was kept before it was sealed.
     */
    String sealRowSql(String plaintextColumn) {
        return "update " + table + " set " + keyColumn + " = ?, " + ciphertextColumn + " = ?, " + plaintextColumn
                + " = null where id = ?";
    }

    /** A row's text in this column: opened from {@code sealed}, or {@code legacy}, as written before it was sealed. */
    public String open(ClinicCipher cipher, SealedText sealed, UUID rowId, String legacy) {
        return sealed != null ? sealed.open(cipher, purpose, rowId) : legacy;
    }
}
