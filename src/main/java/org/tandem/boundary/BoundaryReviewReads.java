package org.tandem.boundary;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What other features (the progress summary) read of boundary agreements; answered by BoundaryRepository. */
public interface BoundaryReviewReads {

    /** The couple's agreements in force whose review is due by {@code until}. */
    List<Boundary> reviewsDue(UUID coupleId, LocalDate until);
}
