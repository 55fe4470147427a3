package org.tandem.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.clinic.ClinicRepository;
import org.tandem.common.web.Problems;
import org.tandem.common.web.Versions;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.Partner;
import org.tandem.boundary.BoundaryApi.BoundaryRequest;
import org.tandem.boundary.BoundaryApi.BoundaryResponse;
import org.tandem.boundary.BoundaryApi.Consent;
import org.tandem.boundary.BoundaryApi.MyBoundaryResponse;
import org.tandem.boundary.BoundaryApi.VersionResponse;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedColumn;
import org.tandem.security.AccessPolicy;
import org.tandem.security.PartnerBindings;
import org.tandem.security.Caller;

/** Boundary agreements, versioned so renegotiation keeps the history. Every read and change is audited. */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class BoundaryService {

    private static final String WORDING = SealedColumn.BOUNDARY_TEXT.purpose();
    static final String RECORD = "boundary";
    static final int MAX_DAYS_AHEAD = 366;

    private final BoundaryRepository boundaries;
    private final CoupleRepository couples;
    private final ClinicRepository clinics;
    private final Caller caller;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final ClinicCipher cipher;

    public BoundaryResponse create(UUID coupleId, BoundaryRequest request) {
        Couple couple = couple(coupleId);
        ClinicCipher.Sealer sealer = cipher.sealerFor(couple.getClinic().getId());
        Boundary boundary = new Boundary(couple, terms(couple, request), request.nextReviewOn(), caller.subject());
        sealNewWording(boundary, sealer); // before persist, which takes the state the row is inserted with
        boundaries.persist(boundary);
        boundaries.flush();
        audit.success("boundary.create", RECORD, boundary.getId());
        return toResponse(boundary);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BoundaryResponse> list(UUID coupleId, BoundaryStatus status) {
        couple(coupleId);
        List<BoundaryResponse> list = boundaries.forCouple(coupleId, status).stream()
                .map(this::toResponse).toList();
        audit.success("boundary.list", "couple", coupleId);
        return list;
    }

    /** The couple's boundaries in force and under review, as the calling partner sees them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MyBoundaryResponse> mine() {
        PartnerBindings.Bound me = access.me();
        List<MyBoundaryResponse> list = boundaries.forCouple(me.coupleId(), BoundaryStatus.ACTIVE).stream()
                .map(this::toMine).toList();
        audit.success("boundary.list-mine", "partner", me.partnerId());
        return list;
    }

    /** The calling partner agrees to the boundary's current version; agreeing again changes nothing. */
    public MyBoundaryResponse agree(UUID id) {
        PartnerBindings.Bound me = access.me();
        Boundary boundary = boundaries.findForCouple(me.coupleId(), id).orElseThrow(() -> Problems.notFound(RECORD));
        if (boundary.getStatus() != BoundaryStatus.ACTIVE) {
            throw Problems.conflict("boundary-retired", "Boundary Retired", "A retired boundary takes no agreement.");
        }
        BoundaryVersion current = boundary.current();
        if (boundaries.consents(current.getId()).stream().noneMatch(c -> c.getPartnerId().equals(me.partnerId()))) {
            boundaries.getEntityManager().persist(new BoundaryConsent(current, me.partnerId()));
            boundaries.flush();
            audit.success("boundary.agree", RECORD, id, "version " + current.getNumber());
        }
        return toMine(boundary);
    }

    private MyBoundaryResponse toMine(Boundary b) {
        BoundaryVersion current = b.current();
        return new MyBoundaryResponse(b.getId(), b.getStatus(), b.getNextReviewOn(), toResponse(current),
                boundaries.consents(current.getId()).stream()
                        .map(c -> new Consent(current.getNumber(), c.getPartnerId(), c.getAgreedAt())).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BoundaryResponse get(UUID coupleId, UUID id) {
        Boundary boundary = load(coupleId, id);
        audit.success("boundary.read", RECORD, id);
        return toResponse(boundary);
    }

    public BoundaryResponse renegotiate(UUID coupleId, UUID id, long expectedVersion, BoundaryRequest request) {
        Boundary boundary = load(coupleId, id);
        Versions.requireCurrent(expectedVersion, boundary.getVersion());
        BoundaryTerms terms = terms(boundary.getCouple(), request);
        // Read before the change: a query after it would flush the new version before its words are sealed.
        ClinicCipher.Sealer sealer = cipher.sealerFor(boundary.getCouple().getClinic().getId());
        boundary.renegotiate(terms, request.nextReviewOn(), caller.subject());
        sealNewWording(boundary, sealer);
        return saved(boundary, "boundary.renegotiate");
    }

    public BoundaryResponse review(UUID coupleId, UUID id, long expectedVersion, LocalDate nextReviewOn) {
        Boundary boundary = load(coupleId, id);
        Versions.requireCurrent(expectedVersion, boundary.getVersion());
        boundary.reviewed(nextReviewOn);
        return saved(boundary, "boundary.review");
    }

    public BoundaryResponse retire(UUID coupleId, UUID id, long expectedVersion) {
        Boundary boundary = load(coupleId, id);
        Versions.requireCurrent(expectedVersion, boundary.getVersion());
        boundary.retire();
        return saved(boundary, "boundary.retire");
    }

    /** Active boundaries due for review within {@code days} (overdue ones included) across the caller's couples. */
    public List<BoundaryResponse> reviewsDue(int days) {
        if (days < 0 || days > MAX_DAYS_AHEAD) {
            throw Problems.invalid("days", "query", "must be between 0 and " + MAX_DAYS_AHEAD);
        }
        var scope = access.reach();
        LocalDate until = LocalDate.now(clinics.findById(scope.clinicId()).getTimeZone()).plusDays(days);
        List<BoundaryResponse> due = boundaries.reviewsDue(scope, until).stream().map(this::toResponse)
                .toList();
        audit.success("boundary.reviews-due", RECORD, null);
        return due;
    }

    private BoundaryResponse saved(Boundary boundary, String action) {
        boundaries.flush();
        audit.success(action, RECORD, boundary.getId());
        return toResponse(boundary);
    }

    private static BoundaryTerms terms(Couple couple, BoundaryRequest request) {
        return new BoundaryTerms(request.text().trim(), partner(couple, request.requestedBy(), "requestedBy"),
                request.protects() == null ? null : partner(couple, request.protects(), "protects"),
                request.agreedOn());
    }

    private static Partner partner(Couple couple, UUID id, String field) {
        return couple.findPartner(id).orElseThrow(() -> Problems.invalid(field, "body", "is not a partner of this couple"));
    }

    private Couple couple(UUID coupleId) {
        return couples.requireVisible(access.reach(), coupleId);
    }

    private Boundary load(UUID coupleId, UUID id) {
        couple(coupleId);
        return boundaries.findForCouple(coupleId, id).orElseThrow(() -> Problems.notFound(RECORD));
    }

    /** Seals the wording of a version made in this transaction, before it is first written. */
    private static void sealNewWording(Boundary boundary, ClinicCipher.Sealer sealer) {
        for (BoundaryVersion v : boundary.getVersions()) {
            if (v.needsSealing()) {
                v.seal(sealer.seal(WORDING, v.getId(), v.unsealedText()));
            }
        }
    }

    /** A version's words: those of a version made in this transaction, else opened, else from before sealing. */
    private String wording(BoundaryVersion v) {
        if (v.unsealedText() != null) {
            return v.unsealedText();
        }
        return v.hasSealedText() ? cipher.open(v.textKeyId(), WORDING, v.getId(), v.textCiphertext()) : v.legacyText();
    }

    private BoundaryResponse toResponse(Boundary b) {
        List<VersionResponse> history = b.getVersions().stream().map(this::toResponse).toList();
        return new BoundaryResponse(b.getId(), b.getCouple().getId(), b.getCouple().getCode(), b.getStatus(),
                b.getNextReviewOn(), toResponse(b.current()), history, b.getVersion());
    }

    private VersionResponse toResponse(BoundaryVersion v) {
        return new VersionResponse(v.getNumber(), wording(v), v.getRequestedBy().getId(),
                v.getProtects() == null ? null : v.getProtects().getId(), v.getAgreedOn(), v.getStatus(),
                v.getCreatedAt());
    }
}
