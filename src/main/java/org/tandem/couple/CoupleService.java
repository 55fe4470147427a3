package org.tandem.couple;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.clinic.ClinicRepository;
import org.tandem.common.Text;
import org.tandem.common.persistence.LockOrder;
import org.tandem.common.persistence.Paged;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.web.Problems;
import org.tandem.common.web.Versions;
import org.tandem.couple.CoupleApi.CoupleResponse;
import org.tandem.crypto.ClinicCipher;
import org.tandem.couple.CoupleApi.CreateCoupleRequest;
import org.tandem.couple.CoupleApi.PartnerInput;
import org.tandem.couple.CoupleApi.StatusChangeRequest;
import org.tandem.couple.CoupleApi.TherapistAssignmentRequest;
import org.tandem.couple.CoupleApi.UpdateCoupleRequest;
import org.tandem.security.AccessScope;
import org.tandem.security.AccessPolicy;
import org.tandem.therapist.Therapist;
import org.tandem.therapist.TherapistRepository;

/** Couples: the rules, the transactions and the audit of every read and change. */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class CoupleService {

    private static final String NOT_ACTIVE = "is not an active therapist of your clinic";

    static final String RECORD = "couple";
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CoupleRepository couples;
    private final TherapistRepository therapists;
    private final ClinicRepository clinics;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Event<CoupleDischarging> discharging;
    private final LockOrder locks;
    private final ClinicCipher cipher;

    public CoupleResponse create(CreateCoupleRequest request) {
        AccessScope scope = access.reach();
        checkPartners(request.partners());
        Therapist primary = primaryForNewCouple(scope, request.primaryTherapistId());
        Couple couple = new Couple(clinics.findById(scope.clinicId()), newCode(scope.clinicId()),
                CoupleMapper.toDetails(request.partners(), request.careStartedOn()));
        if (primary != null) {
            couple.assignTherapists(primary, List.of());
        }
        couples.persist(couple);
        couples.flush();
        String goals = Text.blankToNull(request.treatmentGoals());
        couples.writeGoals(couple, goals);
        audit.success("couple.create", RECORD, couple.getId());
        return CoupleMapper.toResponse(couple, goals, 0); // nothing can have flagged a couple that did not exist
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CoupleResponse get(UUID id) {
        CoupleResponse couple = CoupleMapper.fromReadRows(couples.requireReadRows(access.reach(), id), cipher);
        audit.success("couple.read", RECORD, id);
        return couple;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<CoupleResponse> list(CoupleRepository.Filter filter, PageQuery page) {
        Paged<CoupleRepository.Shown> rows = couples.search(access.reach(), filter, page);
        audit.success("couple.list", RECORD, null);
        return PageResponse.of(rows.rows(), this::toResponse, page, rows.total());
    }

    public CoupleResponse update(UUID id, long expectedVersion, UpdateCoupleRequest request) {
        CoupleRepository.Shown shown = load(id);
        Couple couple = shown.couple();
        Versions.requireCurrent(expectedVersion, couple.getVersion());
        checkPartners(request.partners());
        couple.update(CoupleMapper.toDetails(request.partners(), request.careStartedOn()));
        couples.flush(); // a concurrent writer that slipped past the If-Match check fails here, with 412
        String goals = Text.blankToNull(request.treatmentGoals());
        couples.writeGoals(couple, goals);
        audit.success("couple.update", RECORD, couple.getId());
        return CoupleMapper.toResponse(couple, goals, shown.openFlags());
    }

    public CoupleResponse changeStatus(UUID id, long expectedVersion, StatusChangeRequest request) {
        CoupleRepository.Shown shown = load(id);
        Couple couple = shown.couple();
        Versions.requireCurrent(expectedVersion, couple.getVersion());
        CoupleStatus target = request.status();
        if (target == CoupleStatus.DISCHARGED && couple.getStatus().next().contains(target)) {
            // Scheduling cancels their future sessions; before the status changes, so that the couple's row is
            // locked after their series, as the series extension locks them (DischargeCancellation).
            discharging.fire(new CoupleDischarging(couple.getId()));
        }
        couple.changeStatus(target);
        return saved(shown, "couple.status-change");
    }

    /** Admins only (declared on the resource): who treats the couple. Therapists must be of the same clinic. */
    public CoupleResponse assignTherapists(UUID id, long expectedVersion, TherapistAssignmentRequest request) {
        CoupleRepository.Shown shown = load(id);
        Couple couple = shown.couple();
        Versions.requireCurrent(expectedVersion, couple.getVersion());
        UUID clinicId = couple.getClinic().getId();
        Therapist primary = null;
        if (request.primaryTherapistId() != null) {
            primary = therapists.findActiveInClinic(clinicId, request.primaryTherapistId())
                    .orElseThrow(() -> Problems.invalid("primaryTherapistId", "body", NOT_ACTIVE));
        }
        Set<UUID> coIds = new LinkedHashSet<>(request.coTherapistIds() == null ? List.of() : request.coTherapistIds());
        List<Therapist> co = coIds.isEmpty() ? List.of() : therapists.findAllActiveInClinic(clinicId, coIds);
        if (co.size() != coIds.size()) {
            throw Problems.invalid("coTherapistIds", "body", "lists someone who is not an active therapist of your clinic");
        }
        // The co-therapist rows' foreign-key checks take therapist locks: take them first, in the one order.
        List<UUID> involved = new ArrayList<>(coIds);
        if (primary != null) {
            involved.add(primary.getId());
        }
        locks.therapistsThenCouple(involved, couple.getId());
        couple.assignTherapists(primary, new ArrayList<>(co));
        return saved(shown, "couple.therapists-assign");
    }

    private CoupleResponse saved(CoupleRepository.Shown shown, String action) {
        couples.flush(); // a concurrent writer that slipped past the If-Match check fails here, with 412
        audit.success(action, RECORD, shown.couple().getId());
        return toResponse(shown);
    }

    private CoupleRepository.Shown load(UUID id) {
        return couples.requireShown(access.reach(), id);
    }

    /** A therapist's new couple is theirs; an admin may name its primary therapist (AccessPolicy#therapistFor). */
    private Therapist primaryForNewCouple(AccessScope scope, UUID requested) {
        UUID primary = access.therapistFor(scope, requested, "primaryTherapistId");
        if (primary == null) {
            return null;
        }
        return therapists.findActiveInClinic(scope.clinicId(), primary)
                .orElseThrow(() -> Problems.invalid("primaryTherapistId", "body", NOT_ACTIVE));
    }

    /** Rules across a partner's fields, which Bean Validation on the single fields cannot see. */
    private static void checkPartners(List<PartnerInput> partners) {
        for (int i = 0; i < partners.size(); i++) {
            PartnerInput p = partners.get(i);
            if (p.sobrietyDate() != null && p.recoveryRole() != RecoveryRole.IN_RECOVERY) {
                throw Problems.invalid("partners[" + i + "].sobrietyDate", "body",
                        "applies only to a partner whose recoveryRole is IN_RECOVERY");
            }
            if (p.dateOfBirth() != null && p.dateOfBirth().getYear() < 1900) {
                throw Problems.invalid("partners[" + i + "].dateOfBirth", "body", "must be in 1900 or later");
            }
        }
    }

    private String newCode(UUID clinicId) {
        for (int attempt = 0; attempt < 10; attempt++) {
            StringBuilder code = new StringBuilder("C-");
            for (int i = 0; i < 6; i++) {
                code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
            }
            if (!couples.codeExists(clinicId, code.toString())) {
                return code.toString();
            }
        }
        throw new IllegalStateException("could not find a free couple code");
    }

    private CoupleResponse toResponse(CoupleRepository.Shown shown) {
        return CoupleMapper.toResponse(shown.couple(), shown.couple().goals(cipher), shown.openFlags());
    }
}
