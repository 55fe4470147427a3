package org.tandem.crypto;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.common.persistence.RowLock;

@ApplicationScoped
public class DataKeyRepository implements PanacheRepositoryBase<DataKey, UUID> {

    /** The key that seals the clinic's new data. */
    public Optional<DataKey> forClinic(UUID clinicId) {
        return find("activeClinicId", clinicId).firstResultOptional();
    }

    /** The clinic's key whose data is moving to the active one, if a rotation is running. */
    public Optional<DataKey> retiringOf(UUID clinicId) {
        return find("clinicId = ?1 and retiredAt is not null", clinicId).firstResultOptional();
    }

    /** Every retiring key, for the rotation job. */
    public List<DataKey> retiring() {
        return list("retiredAt is not null");
    }

    public List<UUID> wrappedWithOtherThan(String kekId) {
        return find("select k.id from DataKey k where k.kekId <> ?1", kekId).project(UUID.class).list();
    }

    /** The key, locked: one replica at a time re-wraps it. */
    public DataKey lock(UUID id) {
        RowLock.lock(getEntityManager(), "note_key", id);
        return findById(id);
    }

    /** How many sealed values, over every {@link SealedColumn}, the key still seals. */
    public long sealedWith(UUID keyId) {
        long total = 0;
        for (SealedColumn column : SealedColumn.values()) {
            total += ((Number) getEntityManager().createNativeQuery("select count(*) from " + column.table()
                    + " where " + column.keyColumn() + " = ?1").setParameter(1, BinaryUuids.bytes(keyId))
                    .getSingleResult()).longValue();
        }
        return total;
    }
}
