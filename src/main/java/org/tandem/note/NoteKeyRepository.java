package org.tandem.note;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class NoteKeyRepository implements PanacheRepositoryBase<NoteKey, UUID> {

    public Optional<NoteKey> forClinic(UUID clinicId) {
        return find("clinicId", clinicId).firstResultOptional();
    }

    public List<UUID> wrappedWithOtherThan(String kekId) {
        return find("select k.id from NoteKey k where k.kekId <> ?1", kekId).project(UUID.class).list();
    }

    /** Plain SELECT ... FOR UPDATE: one replica at a time re-wraps a key. */
    public NoteKey lock(UUID id) {
        getEntityManager().createNativeQuery("select id from note_key where id = ?1 for update").setParameter(1, id)
                .getResultList();
        return findById(id);
    }
}
