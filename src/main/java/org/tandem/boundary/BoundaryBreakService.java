package org.tandem.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.boundary.BoundaryApi.BoundaryBreakRequest;
import org.tandem.boundary.BoundaryApi.BoundaryBreakResponse;
import org.tandem.common.InvalidField;
import org.tandem.common.PastDay;
import org.tandem.common.web.Problems;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;

/**
 * Boundary breaks: a therapist records that a partner broke one of the couple's boundaries on a day; the couple's
 * therapists and the clinic's admins read them (no free text is kept). Audited.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class BoundaryBreakService {

    static final String RECORD = "boundary-break";

    private final EntityManager em;
    private final CoupleRepository couples;
    private final BoundaryRepository boundaries;
    private final AccessPolicy access;
    private final Caller caller;
    private final AuditLog audit;

    public BoundaryBreakResponse record(UUID coupleId, UUID boundaryId, BoundaryBreakRequest request) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        Boundary boundary = boundaries.findForCouple(coupleId, boundaryId)
                .orElseThrow(() -> Problems.notFound("boundary"));
        if (couple.findPartner(request.partnerId()).isEmpty()) {
            throw new InvalidField("partnerId", "is not a partner of this couple");
        }
        LocalDate today = LocalDate.now(couple.getClinic().getTimeZone());
        LocalDate on = PastDay.orToday(request.occurredOn(), today, "occurredOn");
        BoundaryBreak b = new BoundaryBreak(couple.getClinic().getId(), coupleId, boundary.getId(),
                request.partnerId(), on, caller.subject());
        em.persist(b);
        em.flush();
        audit.success("boundary-break.record", RECORD, b.getId());
        return view(b);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BoundaryBreakResponse> list(UUID coupleId) {
        couples.requireVisible(access.reach(), coupleId);
        List<BoundaryBreakResponse> all = forCouple(coupleId).stream().map(BoundaryBreakService::view).toList();
        audit.success("boundary-break.list", "couple", coupleId);
        return all;
    }

    /** The couple's breaks, newest first, for a couple the caller was already admitted to. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BoundaryBreak> forCouple(UUID coupleId) {
        return em.createQuery("from BoundaryBreak where coupleId = :couple order by occurredOn desc, createdAt desc",
                BoundaryBreak.class).setParameter("couple", coupleId).getResultList();
    }

    private static BoundaryBreakResponse view(BoundaryBreak b) {
        return new BoundaryBreakResponse(b.getId(), b.getCoupleId(), b.getBoundaryId(), b.getBrokenBy(), b.getOccurredOn(),
                b.getRecordedBy(), b.getCreatedAt());
    }
}
