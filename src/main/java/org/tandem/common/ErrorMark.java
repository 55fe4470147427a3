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

    public Instant at() {
        return at;
    }

    public String reason() {
        return reason;
    }

    public ErrorMarkApi.EnteredInError toView() {
        return new ErrorMarkApi.EnteredInError(at, reason);
    }

    @Override
    public String toString() {
        return "ErrorMark[at=" + at + "]";
    }
}
