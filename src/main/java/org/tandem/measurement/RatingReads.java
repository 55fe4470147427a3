package org.tandem.measurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What other features (the progress summary) read of a couple's ratings; answered by MeasurementService. */
public interface RatingReads {

    /** One rating as the summary counts it: no entity, so nothing to track or dirty-check. */
    record Rating(UUID partnerId, String metricKey, Source source, LocalDate measuredOn, BigDecimal value) {
        @Override
        public String toString() {
            return "Rating[metric=" + metricKey + "]";
        }
    }

    /** The clinic's metrics, built-in and its own. */
    List<Metric> metrics(UUID clinicId);

    /**
     * The clinic's metrics by key, every one of {@code keys} among them that exists; remembered per replica (metrics
     * are only ever added), read again when one of the keys is new.
     */
    Map<String, Metric> metricsIncluding(UUID clinicId, Collection<String> keys);

    /** Ratings of the couple in [from, to], oldest first, entered in error left out. */
    List<Rating> ratings(UUID coupleId, LocalDate from, LocalDate to);
}
