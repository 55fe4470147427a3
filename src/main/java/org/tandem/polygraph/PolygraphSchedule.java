package org.tandem.polygraph;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import lombok.Getter;

/** How often the partner in recovery takes a maintenance examination (null: no schedule). */
@Entity
@Table(name = "polygraph_schedule")
@Getter
public class PolygraphSchedule {

    @Id
    @Column(name = "couple_id")
    private UUID coupleId;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @Column(name = "every_months")
    private Integer everyMonths;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PolygraphSchedule() {
    }

    PolygraphSchedule(UUID coupleId, UUID clinicId) {
        this.coupleId = coupleId;
        this.clinicId = clinicId;
    }

    void every(Integer months) {
        this.everyMonths = months;
        this.updatedAt = Instant.now();
    }

    @Override
    public String toString() {
        return "PolygraphSchedule[" + coupleId + "]";
    }
}
