package org.tandem.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.common.PastDay;
import org.tandem.common.web.Problems;
import org.tandem.common.web.Versions;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.scheduling.JointSessionHold;
import org.tandem.scheduling.SessionKind;
import org.tandem.scheduling.SessionStatus;
import org.tandem.screening.ScreeningApi.CoupleScreenings;
import org.tandem.screening.ScreeningApi.ScreeningRequest;
import org.tandem.screening.ScreeningApi.ScreeningResponse;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;

/**
 * Intimate-partner-violence screening before joint work. The couple's therapists record each partner's screening
 * and clear a concern; until then the couple's joint sessions are on hold ({@link JointSessionHold}). Admins see
 * whether joint sessions are on hold, not the results; partners see nothing of it (the other partner must never
 * learn what was disclosed in a screening). Every read and change is audited.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class ScreeningService implements JointSessionHold {

    static final String RECORD = "ipv-screening";

    private final EntityManager em;
    private final CoupleRepository couples;
    private final AccessPolicy access;
    private final Caller caller;
    private final AuditLog audit;

    public ScreeningResponse record(UUID coupleId, UUID partnerId, ScreeningRequest request) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        couple.findPartner(partnerId).orElseThrow(() -> Problems.notFound("partner"));
        LocalDate today = LocalDate.now(couple.getClinic().getTimeZone());
        LocalDate on = PastDay.orToday(request.screenedOn(), today, "screenedOn");
        IpvScreening s = new IpvScreening(couple.getClinic().getId(), coupleId, partnerId, on, request.method(),
                request.result(), caller.subject());
        em.persist(s);
        em.flush();
        audit.success("ipv-screening.record", RECORD, s.getId());
        return view(s, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CoupleScreenings list(UUID coupleId) {
        couples.requireVisible(access.reach(), coupleId);
        boolean results = access.seesClinicalText();
        List<IpvScreening> all = ofCouple(coupleId);
        Hold hold = hold(coupleId);
        audit.success("ipv-screening.list", "couple", coupleId);
        return new CoupleScreenings(coupleId, hold.uncleared() || !hold.unscreened().isEmpty(), hold.unscreened(),
                all.stream().map(s -> view(s, results)).toList());
    }

    public ScreeningResponse clear(UUID coupleId, UUID id, long expectedVersion, LocalDate clearedOn) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        IpvScreening s = em.find(IpvScreening.class, id);
        if (s == null || !s.getCoupleId().equals(coupleId)) {
            throw Problems.notFound(RECORD);
        }
        Versions.requireCurrent(expectedVersion, s.getVersion());
        LocalDate today = LocalDate.now(couple.getClinic().getTimeZone());
        LocalDate on = PastDay.orToday(clearedOn, today, "clearedOn");
        s.clear(on, caller.subject());
        em.flush();
        audit.success("ipv-screening.clear", RECORD, id);
        return view(s, true);
    }

    /**
     * Held: a concern no therapist has cleared (joint sessions and intakes), or, where the clinic requires it, a
     * partner never screened before the couple's first joint session (the intake is where screening often happens;
     * a couple already in joint work when the clinic turned the rule on goes on as before). One select either way.
     */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean onHold(UUID coupleId, SessionKind kind) {
        if (!kind.wholeCouple()) {
            return false;
        }
        Hold hold = hold(coupleId);
        return hold.uncleared() || kind == SessionKind.JOINT && !hold.unscreened().isEmpty();
    }

    /** What holds the couple's joint work: an uncleared concern; the partners the clinic still wants screened. */
    private record Hold(boolean uncleared, List<UUID> unscreened) {
    }

    private Hold hold(UUID coupleId) {
        List<Object[]> rows = em.createQuery("select c.clinic.ipvScreeningRequired, (select count(t) from"
                + " TherapySession t where t.couple = c and t.kind = :joint and t.status <> :cancelled),"
                + " (select count(s) from IpvScreening s where s.coupleId = c.id and s.result = :concern"
                + " and s.clearedOn is null), p.id, (select count(s) from IpvScreening s where s.coupleId = c.id"
                + " and s.partnerId = p.id) from Couple c join c.partners p where c.id = :couple", Object[].class)
                .setParameter("couple", coupleId).setParameter("concern", ScreeningResult.CONCERN)
                .setParameter("joint", SessionKind.JOINT).setParameter("cancelled", SessionStatus.CANCELLED)
                .getResultList();
        boolean uncleared = !rows.isEmpty() && ((Number) rows.get(0)[2]).longValue() > 0;
        List<UUID> unscreened = rows.stream().filter(r -> (Boolean) r[0] && ((Number) r[1]).longValue() == 0
                && ((Number) r[4]).longValue() == 0).map(r -> (UUID) r[3]).toList();
        return new Hold(uncleared, unscreened);
    }

    /** A demo screening: a clinical interview that found no concern. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void demo(UUID clinicId, UUID coupleId, UUID partnerId, LocalDate on) {
        em.persist(new IpvScreening(clinicId, coupleId, partnerId, on, ScreeningMethod.CLINICAL_INTERVIEW,
                ScreeningResult.NO_CONCERN, "demo"));
    }

    private List<IpvScreening> ofCouple(UUID coupleId) {
        return em.createQuery("from IpvScreening where coupleId = :couple order by screenedOn desc, createdAt desc",
                IpvScreening.class).setParameter("couple", coupleId).getResultList();
    }

    private static ScreeningResponse view(IpvScreening s, boolean result) {
        return new ScreeningResponse(s.getId(), s.getCoupleId(), s.getPartnerId(), s.getScreenedOn(), s.getMethod(),
                result ? s.getResult() : null, s.getClearedOn(), s.holds(), s.getRecordedBy(), s.getCreatedAt(),
                s.getVersion());
    }
}
