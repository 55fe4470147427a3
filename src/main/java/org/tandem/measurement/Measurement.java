package org.tandem.measurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import lombok.Getter;

/**
 * A value of a rating metric for one partner (or, with no partner, the couple) on a day. What was recorded never
 * changes (every column of it is {@code updatable = false}); a value recorded by mistake is marked as entered in
 * error, once, with who marked it and why, and from then on counts nowhere.
 */
@Entity
@Table(name = "measurement")
@Getter
public class Measurement extends Observation {

    @Column(name = "metric_key", nullable = false, updatable = false, length = 64)
    private String metricKey;

    @Column(name = "measured_on", nullable = false, updatable = false)
    private LocalDate measuredOn;

    @Column(nullable = false, updatable = false, precision = 8, scale = 2)
    private BigDecimal value;

    protected Measurement() {
    }

    public Measurement(UUID clinicId, UUID coupleId, UUID partnerId, String metricKey, LocalDate measuredOn,
            BigDecimal value, Source source, boolean privateToPartner, String recordedBy) {
        super(clinicId, coupleId, partnerId, source, privateToPartner, recordedBy);
        this.metricKey = metricKey;
        this.measuredOn = measuredOn;
        this.value = value;
    }

}
