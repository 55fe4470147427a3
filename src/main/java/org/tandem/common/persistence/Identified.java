package org.tandem.common.persistence;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/**
 * An entity with a UUIDv7 id (binary(16)): unguessable, time-ordered for index locality, and no counter that tells
 * one clinic how much data another has.
 */
@MappedSuperclass
public abstract class Identified {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    public UUID getId() {
        return id;
    }
}
