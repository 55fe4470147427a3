package org.tandem.crypto;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tandem.common.persistence.RowLock;

@ApplicationScoped
public class DataKeyRepository implements PanacheRepositoryBase<DataKey, UUID> {

    public Optional<DataKey> forClinic(UUID clinicId) {
        return find("clinicId", clinicId).firstResultOptional();
    }

    public List<UUID> wrappedWithOtherThan(String kekId) {
        return find("select k.id from DataKey k where k.kekId <> ?1", kekId).project(UUID.class).list();
    }

    /** The key, locked: one replica at a time re-wraps it. */
    public DataKey lock(UUID id) {
        RowLock.lock(getEntityManager(), "note_key", id);
        return findById(id);
    }
}
