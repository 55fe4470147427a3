package org.tandem.note;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Notes are reached through their session, which the caller must see first (SessionRepository#findVisible). */
@ApplicationScoped
public class NoteRepository implements PanacheRepositoryBase<SessionNote, UUID> {

    public Optional<SessionNote> forSession(UUID sessionId) {
        return find("session.id", sessionId).firstResultOptional();
    }

    public List<NoteAddendum> addenda(UUID noteId) {
        return getEntityManager().createQuery("from NoteAddendum a where a.note.id = :note order by a.createdAt, a.id",
                NoteAddendum.class).setParameter("note", noteId).getResultList();
    }

    public List<NoteRevision> revisions(UUID noteId) {
        return getEntityManager().createQuery("from NoteRevision r where r.note.id = :note order by r.revision",
                NoteRevision.class).setParameter("note", noteId).getResultList();
    }

    public void persistRevision(NoteRevision revision) {
        getEntityManager().persist(revision);
    }

    public void persistAddendum(NoteAddendum addendum) {
        getEntityManager().persist(addendum);
    }
}
