package org.tandem.consent;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tandem.common.persistence.RowLock;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<ConsentTemplate, UUID> {

    /** The clinic's templates, oldest first; only the active ones unless {@code all}. */
    /** With their versions in the same select: every caller shows them or checks the current one. */
    public List<ConsentTemplate> templates(UUID clinicId, boolean all) {
        String query = "select distinct t from ConsentTemplate t left join fetch t.versions where t.clinicId = ?1"
                + (all ? "" : " and t.status = ?2") + " order by t.createdAt, t.id";
        return all ? list(query, clinicId) : list(query, clinicId, ConsentTemplate.Status.ACTIVE);
    }

    public Optional<ConsentTemplate> template(UUID clinicId, UUID id) {
        return find("id = ?1 and clinicId = ?2", id, clinicId).firstResultOptional();
    }

    /** The clinic's template, its row locked until the transaction ends (a change and a signature serialize). */
    public Optional<ConsentTemplate> lockTemplate(UUID clinicId, UUID id) {
        return RowLock.lock(getEntityManager(), "consent_template", id, "clinic_id", clinicId) ? template(clinicId, id)
                : Optional.empty();
    }

    /** A demo clinic's form, written by "demo" (demo data only). */
    public void persistDemoTemplate(UUID clinicId, ConsentKind kind, String title, String text) {
        persist(new ConsentTemplate(clinicId, kind, title, text, false, "demo"));
    }

    public List<ConsentSignature> signaturesOfCouple(UUID coupleId) {
        return getEntityManager().createQuery("from ConsentSignature s where s.coupleId = :couple"
                + " order by s.signedAt, s.id", ConsentSignature.class).setParameter("couple", coupleId).getResultList();
    }

    public List<ConsentSignature> signaturesOfPartner(UUID partnerId) {
        return getEntityManager().createQuery("from ConsentSignature s where s.partnerId = :partner"
                + " order by s.signedAt, s.id", ConsentSignature.class).setParameter("partner", partnerId)
                .getResultList();
    }

    public Optional<ConsentSignature> signatureOfCouple(UUID coupleId, UUID id) {
        return getEntityManager().createQuery("from ConsentSignature s where s.id = :id and s.coupleId = :couple",
                ConsentSignature.class).setParameter("id", id).setParameter("couple", coupleId).getResultStream()
                .findFirst();
    }

    public ConsentTemplateVersion version(UUID id) {
        return getEntityManager().find(ConsentTemplateVersion.class, id);
    }

    void persist(ConsentSignature signature) {
        getEntityManager().persist(signature);
    }
}
