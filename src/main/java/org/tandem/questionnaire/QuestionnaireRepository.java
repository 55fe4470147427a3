package org.tandem.questionnaire;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tandem.common.web.PageQuery;
import org.tandem.common.persistence.RowLock;
import org.tandem.security.PartnerView;

@ApplicationScoped
public class QuestionnaireRepository implements PanacheRepositoryBase<QuestionnaireResponse, UUID> {

    private static final Sort ORDER = Sort.by("completedOn").and("createdAt").and("id");
    /** What every read that counts responses adds: one marked as entered in error counts nowhere. */
    private static final String COUNTS = "enteredInError.at is null";

    public Optional<QuestionnaireResponse> findForCouple(UUID coupleId, UUID id) {
        return find("coupleId = ?1 and id = ?2", coupleId, id).firstResultOptional();
    }

    /** The couple's responses, optionally one instrument's; {@code viewer} leaves out the other partner's private ones. */
    public PanacheQuery<QuestionnaireResponse> search(UUID coupleId, String instrument, PartnerView view,
            boolean withEnteredInError, PageQuery page) {
        StringBuilder where = new StringBuilder("coupleId = :couple");
        Parameters params = Parameters.with("couple", coupleId);
        if (!withEnteredInError) {
            where.append(" and ").append(COUNTS);
        }
        if (instrument != null) {
            where.append(" and instrumentKey = :instrument");
            params.and("instrument", instrument);
        }
        String visible = view.condition("partnerId", "privateToPartner");
        if (visible != null) {
            // In the query, not after it: the other partner's app must not even learn how many rows it cannot see.
            where.append(" and ").append(visible);
        }
        if (view.partnerId() != null) {
            params.and("viewer", view.partnerId());
        }
        return find(where.toString(), ORDER, params).page(Page.of(page.page(), page.size()));
    }

    /** The counted responses given for an assignment, oldest first. */
    public List<QuestionnaireResponse> forAssignment(UUID assignmentId) {
        return list("assignmentId = ?1 and " + COUNTS, ORDER, assignmentId);
    }

    /** A partner's counted responses to one instrument, oldest first: their history of it. */
    public List<QuestionnaireResponse> ofPartner(UUID partnerId, String instrument) {
        return list("partnerId = ?1 and instrumentKey = ?2 and " + COUNTS, ORDER, partnerId, instrument);
    }

    public List<QuestionnaireAssignment> assignmentsOf(UUID coupleId) {
        return getEntityManager().createQuery("from QuestionnaireAssignment a where a.coupleId = :c"
                + " order by a.createdAt desc, a.id", QuestionnaireAssignment.class).setParameter("c", coupleId)
                .getResultList();
    }

    public Optional<QuestionnaireAssignment> assignmentOf(UUID coupleId, UUID id) {
        return getEntityManager().createQuery("from QuestionnaireAssignment a where a.coupleId = :c and a.id = :id",
                QuestionnaireAssignment.class).setParameter("c", coupleId).setParameter("id", id).getResultStream()
                .findFirst();
    }

    public List<QuestionnaireResponse> inPeriod(UUID coupleId, LocalDate from, LocalDate to) {
        return list("coupleId = ?1 and completedOn >= ?2 and completedOn <= ?3 and " + COUNTS, ORDER, coupleId,
                from, to);
    }

    /** The couple's response, its row locked until the transaction ends, so two marks cannot both apply. */
    public Optional<QuestionnaireResponse> lockOfCouple(UUID coupleId, UUID id) {
        return RowLock.lock(getEntityManager(), "questionnaire_response", id, "couple_id", coupleId)
                ? findByIdOptional(id) : Optional.empty();
    }
}
