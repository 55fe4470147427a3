package org.tandem.crypto;

import org.tandem.common.persistence.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A clinic's data key, stored only wrapped by a key-encryption key from the environment. */
@Entity
@Table(name = "note_key")
public class DataKey extends Identified {

    @Column(name = "clinic_id", nullable = false, updatable = false)
    private UUID clinicId;

    @Column(name = "kek_id", nullable = false, length = 32)
    private String kekId;

    @Column(name = "wrapped_key", nullable = false, length = 512)
    private byte[] wrappedKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** The clinic's id while this key seals its new data; null once it retires (KeyRotation). */
    @Column(name = "active_clinic_id")
    private UUID activeClinicId;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected DataKey() {
    }

    DataKey(UUID clinicId, String kekId, byte[] wrappedKey) {
        this.clinicId = clinicId;
        this.kekId = kekId;
        this.wrappedKey = wrappedKey;
        this.createdAt = Instant.now();
        this.activeClinicId = clinicId;
    }

    /** Stops sealing with this key: its rows move to the clinic's new key, then it is deleted. */
    void retire() {
        this.activeClinicId = null;
        this.retiredAt = Instant.now();
    }

    /** When the key stopped sealing new data; null while it is the clinic's active key. */
    public Instant getRetiredAt() {
        return retiredAt;
    }

    void rewrap(String kekId, byte[] wrappedKey) {
        this.kekId = kekId;
        this.wrappedKey = wrappedKey;
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
        return "DataKey[id=" + getId() + ", kek=" + kekId + "]";
    }
}
