package org.tandem.common;


import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The mark on a clinical entry recorded by mistake (FHIR's "entered in error"): when, by whom and why. The entry
 * itself is never changed or deleted; marked, it counts nowhere. Hibernate reads the mark as null while its three
 * columns are (a check constraint keeps them all set or all null).
 */
@Embeddable
public class ErrorMark {

    @Column(name = "entered_in_error_at")
    private Instant at;

    @Column(name = "entered_in_error_by", length = 255)
    private String by;

    @Column(name = "entered_in_error_reason", length = 500)
    private String reason;

    protected ErrorMark() {
    }

    public ErrorMark(String by, String reason, Instant at) {
        this.by = by;
        this.reason = reason;
        this.at = at;
    }

    /**
     * A new mark, now, by {@code by}, for {@code reason}, on an entry whose mark so far is {@code current}.
     *
     * @param what the kind of entry, for the refusal ("value", "reset", ...)
     * @throws Conflict 409 when it was marked before, changing nothing
     */
    public static ErrorMark mark(ErrorMark current, String by, String reason, String what) {
        if (current != null) {
            throw new Conflict("entered-in-error", "Already entered in error",
                    "This " + what + " was marked as entered in error before.");
        }
        return new ErrorMark(by, reason.trim(), Instant.now());
    }

    /**
     * The mark as a response shows it. The reason is for the couple's therapists alone: written by a clinician, it
     * may say something clinical, so admins and the partners' apps see only that and when the entry was marked.
     */
    public static ErrorMarkApi.EnteredInError view(ErrorMark mark, boolean withReason) {
        return mark == null ? null : new ErrorMarkApi.EnteredInError(mark.at, withReason ? mark.reason : null);
    }

    @Override
    public String toString() {
        return "ErrorMark[at=" + at + "]";
    }
}
