package org.tandem.measurement;

import org.tandem.common.persistence.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A rating metric a clinic defined for itself. Immutable: changing a range would reinterpret every value. */
@Entity
@Immutable
@Table(name = "rating_metric")
public class RatingMetric extends Identified {

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @Column(name = "metric_key", nullable = false, updatable = false, length = 64)
    private String key;

    @Column(nullable = false, updatable = false, length = 120)
    private String name;

    @Column(name = "min_value", nullable = false, updatable = false, precision = 8, scale = 2)
    private BigDecimal min;

    @Column(name = "max_value", nullable = false, updatable = false, precision = 8, scale = 2)
    private BigDecimal max;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private Direction direction;

    @Column(nullable = false, updatable = false, precision = 4, scale = 3)
    private BigDecimal reliability;

    @Column(name = "norm_sd", nullable = false, updatable = false, precision = 8, scale = 3)
    private BigDecimal normSd;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected RatingMetric() {
    }

    RatingMetric(UUID clinicId, Metric metric) {
        this.clinicId = clinicId;
        this.key = metric.key();
        this.name = metric.name();
        this.min = metric.min();
        this.max = metric.max();
        this.direction = metric.direction();
        this.reliability = BigDecimal.valueOf(metric.reliability());
        this.normSd = BigDecimal.valueOf(metric.normSd());
        this.createdAt = Instant.now();
    }

    public Metric toMetric() {
        return new Metric(key, name, min.stripTrailingZeros(), max.stripTrailingZeros(), direction,
                reliability.doubleValue(), normSd.doubleValue(), false);
    }

    @Override
    public String toString() {
        return "RatingMetric[id=" + getId() + ", key=" + key + "]";
    }
}
