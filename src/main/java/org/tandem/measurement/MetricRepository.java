package org.tandem.measurement;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class MetricRepository implements PanacheRepositoryBase<RatingMetric, UUID> {

    /**
     * Each clinic's metrics as last read on this replica. A metric is only ever added, never changed or removed, so
     * a remembered list can only lack one defined since; {@link #including} reads again when it does.
     */
    private final Cache<UUID, Map<String, Metric>> byClinic = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(30)).maximumSize(10_000).build();

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

    /**
     * The clinic's metrics by key, including every one of {@code keys} that exists: from memory, read again only
     * when a key is missing (a metric defined since the last read, on any replica).
     */
    public Map<String, Metric> including(UUID clinicId, Collection<String> keys) {
        Map<String, Metric> known = byClinic.getIfPresent(clinicId);
        if (known == null || !known.keySet().containsAll(keys)) {
            known = all(clinicId).stream().collect(Collectors.toUnmodifiableMap(Metric::key, Function.identity()));
            byClinic.put(clinicId, known);
        }
        return known;
    }
}
