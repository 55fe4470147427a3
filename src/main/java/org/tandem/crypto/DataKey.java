package org.tandem.crypto;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** A clinic's data key, stored only wrapped by a key-encryption key from the environment. */
@Entity
@Table(name = "note_key")
public class DataKey {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @Column(name = "kek_id", nullable = false, length = 32)
    private String kekId;

    @Column(name = "wrapped_key", nullable = false, length = 512)
    private byte[] wrappedKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected DataKey() {
    }

    DataKey(UUID clinicId, String kekId, byte[] wrappedKey) {
        this.clinicId = clinicId;
        this.kekId = kekId;
        this.wrappedKey = wrappedKey;
        this.createdAt = Instant.now();
    }

    void rewrap(String kekId, byte[] wrappedKey) {
        this.kekId = kekId;
        this.wrappedKey = wrappedKey;
    }

    public UUID getId() {
        return id;
    }

    public UUID getClinicId() {
        return clinicId;
    }

    public String getKekId() {
        return kekId;
    }

    byte[] getWrappedKey() {
        return wrappedKey;
    }

    @Override
    public String toString() {
        return "DataKey[id=" + id + ", kek=" + kekId + "]";
    }
}
