package org.tandem.measurement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What other features (the progress summary) read of a couple's ratings; answered by MeasurementService. */
public interface RatingReads {

    /** The clinic's metrics, built-in and its own. */
    List<Metric> metrics(UUID clinicId);

    /** Ratings of the couple in [from, to], entered in error left out. */
    List<Measurement> ratings(UUID coupleId, LocalDate from, LocalDate to);
}
