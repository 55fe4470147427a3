package org.tandem.common.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/** A {@link Versioned} record that also says when it last changed: each rule that changes it calls {@link #touch}. */
@MappedSuperclass
public abstract class Tracked extends Versioned {

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = getCreatedAt();

    protected void touch() {
        touch(Instant.now());
    }

    protected void touch(Instant at) {
        this.updatedAt = at;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
