package org.tandem.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.common.web.Problems;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.Partner;
import org.tandem.recovery.RecoveryStageApi.CurrentStage;
import org.tandem.recovery.RecoveryStageApi.StageRequest;
import org.tandem.recovery.RecoveryStageApi.StageResponse;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;

/**
 * Each partner's recovery stage over time. The couple's therapists record it; they and the clinic's admins read the
 * history (the progress summary shows the current one). Reads and records are audited.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class RecoveryStageService implements RecoveryStageReads {

    static final String RECORD = "recovery-stage";

    private final EntityManager em;
    private final CoupleRepository couples;
    private final AccessPolicy access;
    private final Caller caller;
    private final AuditLog audit;

    public StageResponse record(UUID coupleId, UUID partnerId, StageRequest request) {
        Partner partner = partner(coupleId, partnerId);
        Couple couple = partner.getCouple();
        LocalDate today = LocalDate.now(couple.getClinic().getTimeZone());
        RecoveryStageEntry entry = new RecoveryStageEntry(couple.getClinic().getId(), coupleId, partnerId,
                partner.getRecoveryRole(), request.stage(), request.since() != null ? request.since() : today, today,
                caller.subject());
        em.persist(entry);
        em.flush();
        audit.success("recovery-stage.record", RECORD, entry.getId());
        UUID current = history(partnerId).get(0).getId();
        return view(entry, current);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StageResponse> list(UUID coupleId, UUID partnerId) {
        partner(coupleId, partnerId);
        List<RecoveryStageEntry> entries = history(partnerId);
        audit.success("recovery-stage.list", "partner", partnerId);
        UUID current = entries.isEmpty() ? null : entries.get(0).getId();
        return entries.stream().map(e -> view(e, current)).toList();
    }

    /** Each partner's current stage, for a couple the caller was already admitted to (the progress summary). */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, CurrentStage> current(UUID coupleId) {
        List<RecoveryStageEntry> entries = em.createQuery("from RecoveryStageEntry where coupleId = :couple"
                + " order by since desc, createdAt desc", RecoveryStageEntry.class).setParameter("couple", coupleId)
                .getResultList();
        return entries.stream().collect(Collectors.toMap(RecoveryStageEntry::getPartnerId,
                e -> new CurrentStage(e.getStage(), e.getSince()), (latest, earlier) -> latest));
    }

    /** A demo stage of the partner from {@code since} on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void demo(Partner partner, RecoveryStage stage, LocalDate since) {
        Couple couple = partner.getCouple();
        em.persist(new RecoveryStageEntry(couple.getClinic().getId(), couple.getId(), partner.getId(),
                partner.getRecoveryRole(), stage, since, LocalDate.now(couple.getClinic().getTimeZone()), "demo"));
    }

    /** The partner's entries, the current one first (the latest date; on one date, the latest recorded). */
    private List<RecoveryStageEntry> history(UUID partnerId) {
        return em.createQuery("from RecoveryStageEntry where partnerId = :partner order by since desc,"
                + " createdAt desc", RecoveryStageEntry.class).setParameter("partner", partnerId).getResultList();
    }

    private Partner partner(UUID coupleId, UUID partnerId) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        return couple.findPartner(partnerId).orElseThrow(() -> Problems.notFound("partner"));
    }

    private static StageResponse view(RecoveryStageEntry e, UUID current) {
        return new StageResponse(e.getId(), e.getCoupleId(), e.getPartnerId(), e.getStage(), e.getSince(),
                e.getId().equals(current), e.getRecordedBy(), e.getCreatedAt());
    }
}
