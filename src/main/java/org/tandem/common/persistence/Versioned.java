package org.tandem.common.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import lombok.Getter;

/**
 * A record clients change with {@code If-Match}: its version goes out as the ETag, and Hibernate's optimistic lock
 * catches a writer that raced past the service's version check (412 either way). Created once, at construction.
 */
@MappedSuperclass
@Getter
public abstract class Versioned extends Identified {

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

}
