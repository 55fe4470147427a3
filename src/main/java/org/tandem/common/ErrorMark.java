package org.tandem.common;


import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.UUID;

/**
 * The mark on a clinical entry recorded by mistake (FHIR's "entered in error"): when, by whom and why. The entry
 * itself is never changed or deleted; marked, it counts nowhere. Hibernate reads the mark as null while its
 * columns are (a check constraint keeps them all set or all null). The reason, written by a clinician, is sealed
 * under the clinic's data key, bound to the entry: the feature, which knows its entry, seals and opens it through
 * {@link Sealer} and {@link Opener} (crypto's {@code EntryReasons}), so this class holds only key id and
 * ciphertext, and hands out neither.
 */
@Embeddable
public class ErrorMark {

    @Column(name = "entered_in_error_at")
    private Instant at;

    @Column(name = "entered_in_error_by", length = 255)
    private String by;

    /** A reason written before reasons were sealed, until crypto.PlaintextSealing seals it; never written now. */
    @Column(name = "entered_in_error_reason", length = 500, insertable = false, updatable = false)
    private String reason;

    @Column(name = "entered_in_error_reason_key_id")
    private UUID reasonKeyId;

    @Column(name = "entered_in_error_reason_ciphertext")
    private byte[] reasonCiphertext;

    /** A reason sealed for one entry: the data key's id and the ciphertext. */
    public record SealedReason(UUID keyId, byte[] ciphertext) {

        @Override
        public String toString() {
            return "SealedReason[redacted]";
        }
    }

    /** Seals a reason for the entry being marked. */
    @FunctionalInterface
    public interface Sealer {
        SealedReason seal(String reason);
    }

    /** Opens a reason sealed for the entry being shown. */
    @FunctionalInterface
    public interface Opener {
        String open(UUID keyId, byte[] ciphertext);
    }

    protected ErrorMark() {
    }

    private ErrorMark(String by, SealedReason reason, Instant at) {
        this.by = by;
        this.reasonKeyId = reason.keyId();
        this.reasonCiphertext = reason.ciphertext();
        this.at = at;
    }

    /**
     * A new mark, now, by {@code by}, for {@code reason}, on an entry whose mark so far is {@code current}.
     *
     * @param what the kind of entry, for the refusal ("value", "reset", ...)
     * @throws Conflict 409 when it was marked before, changing nothing
     */
    public static ErrorMark mark(ErrorMark current, String by, String reason, String what, Sealer sealer) {
        if (current != null) {
            throw new Conflict("entered-in-error", "Already entered in error",
                    "This " + what + " was marked as entered in error before.");
        }
        return new ErrorMark(by, sealer.seal(reason.trim()), Instant.now());
    }

    /**
     * The mark as a response shows it. The reason is for the couple's therapists alone: written by a clinician, it
     * may say something clinical, so admins and the partners' apps see only that and when the entry was marked.
     */
    public static ErrorMarkApi.EnteredInError view(ErrorMark mark, boolean withReason, Opener opener) {
        return mark == null ? null : new ErrorMarkApi.EnteredInError(mark.at, withReason ? mark.reason(opener) : null);
    }

    /** The reason: opened from its ciphertext, or as written before reasons were sealed. */
    private String reason(Opener opener) {
        return reasonKeyId != null ? opener.open(reasonKeyId, reasonCiphertext) : reason;
    }

    @Override
    public String toString() {
        return "ErrorMark[at=" + at + "]";
    }
}
