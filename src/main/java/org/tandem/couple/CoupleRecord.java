package org.tandem.couple;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;
import lombok.Getter;

/**
 * A record that belongs to one couple of one clinic and takes its id when it is made, not from the insert: sealed
 * words are bound to the record's id before it is written, and the other records refer to it in the same
 * transaction. The clinic and the couple never change; {@link #toString()} names the kind and the id, nothing else.
 */
@MappedSuperclass
@Getter
public abstract class CoupleRecord {

    @Id
    private UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @Column(name = "couple_id", nullable = false, updatable = false)
    private UUID coupleId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected CoupleRecord() {
    }

    protected CoupleRecord(UUID clinicId, UUID coupleId) {
        this.id = UUID.randomUUID();
        this.clinicId = clinicId;
        this.coupleId = coupleId;
        this.createdAt = Instant.now();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + "]";
    }
}
