package org.tandem.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.Partner;
import org.tandem.partner.PartnerApi.MeResponse;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;
import org.tandem.security.PartnerBindings;

/**
 * A partner's own profile, and the record of their sharing choices: each time a partner shares an entry with the
 * other partner or takes it back, who, what and when are kept (table share_choice) and audited.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class MeService {

    private final CoupleRepository couples;
    private final AccessPolicy access;
    private final Caller caller;
    private final AuditLog audit;

    /** What a sharing answer says: the entry, whether it is shared now, and the history of choices. */
    public record SharingResponse(UUID recordId, boolean shared, List<Choice> choices) {
    }

    public record Choice(boolean shared, Instant chosenAt) {
    }

    public MeResponse me() {
        PartnerBindings.Bound me = access.me();
        Partner partner = couples.requireVisibleWithPartners(access.reach(), me.coupleId()).findPartner(me.partnerId())
                .orElseThrow();
        audit.success("partner.me", "partner", me.partnerId());
        return new MeResponse(partner.getId(), me.coupleId(), partner.getSeat(),
                partner.getPreferredName() != null ? partner.getPreferredName() : partner.getFullName(),
                partner.getPronouns(), partner.getRecoveryRole());
    }

    /**
     * Records the caller's choice for their own entry (the feature checked that it is theirs) and answers its
     * history, newest last.
     */
    public SharingResponse recordChoice(ShareChoice.Kind kind, UUID recordId, boolean shared) {
        PartnerBindings.Bound me = access.me();
        ShareChoice choice = new ShareChoice(me.clinicId(), me.coupleId(), me.partnerId(), kind, recordId, shared,
                caller.subject());
        couples.getEntityManager().persist(choice);
        audit.success(shared ? "partner.share" : "partner.unshare", kind.name().toLowerCase(java.util.Locale.ROOT),
                recordId);
        List<Choice> history = couples.getEntityManager().createQuery("from ShareChoice s where s.recordKind = :kind"
                + " and s.recordId = :id order by s.chosenAt, s.id", ShareChoice.class)
                .setParameter("kind", kind).setParameter("id", recordId).getResultStream()
                .map(s -> new Choice(s.isShared(), s.getChosenAt())).toList();
        return new SharingResponse(recordId, shared, history);
    }
}
