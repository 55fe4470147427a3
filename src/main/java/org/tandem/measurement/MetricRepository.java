package org.tandem.measurement;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MetricRepository implements PanacheRepositoryBase<RatingMetric, UUID> {

    /** A built-in metric, or the clinic's own one with this key. */
    public Optional<Metric> find(UUID clinicId, String key) {
        Optional<Metric> builtIn = Metric.builtIn(key);
        if (builtIn.isPresent()) {
            return builtIn;
        }
        return find("clinicId = ?1 and key = ?2", clinicId, key).firstResultOptional().map(RatingMetric::toMetric);
    }

    /** The built-in metrics, then the clinic's own by key. */
    public List<Metric> all(UUID clinicId) {
        List<Metric> own = list("clinicId = ?1 order by key", clinicId).stream().map(RatingMetric::toMetric).toList();
        return java.util.stream.Stream.concat(Metric.BUILT_IN.stream(), own.stream()).toList();
    }
}
