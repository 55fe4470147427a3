package org.tandem.boundary;

import java.time.LocalDate;
import org.tandem.couple.Partner;

/** What a version of a boundary says, who asked for it, whom it protects (null: both) and when it was agreed. */
record BoundaryTerms(String text, Partner requestedBy, Partner protects, LocalDate agreedOn) {

    @Override
    public String toString() {
        return "BoundaryTerms[redacted]";
    }
}
