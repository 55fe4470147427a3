package org.tandem.sobriety;

import org.tandem.crypto.SealedColumn;
import org.tandem.crypto.EntryReasons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.common.PastDay;
import org.tandem.audit.AuditLog;
import org.tandem.common.ErrorMark;
import org.tandem.common.ErrorMarkApi.EnteredInErrorRequest;
import org.tandem.common.web.Problems;
import org.tandem.common.Text;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.couple.Partner;
import org.tandem.couple.RecoveryRole;
import org.tandem.crypto.ClinicCipher;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;
import org.tandem.sobriety.SobrietyApi.ResetRequest;
import org.tandem.sobriety.SobrietyApi.ResetResponse;
import org.tandem.sobriety.SobrietyApi.SobrietyResponse;

/** Sobriety of a partner in recovery: logged resets in, streaks derived out. Reset notes are for therapists. */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class SobrietyService implements StreakReads {

    static final String RECORD = "sobriety";
    private static final String NOTE_PURPOSE = org.tandem.crypto.SealedColumn.SOBRIETY_RESET_NOTE.purpose();

    private final SobrietyRepository resets;
    private final CoupleRepository couples;
    private final ClinicCipher cipher;
    private final Caller caller;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final EntryReasons reasons;

    @Transactional(Transactional.TxType.SUPPORTS)
    public SobrietyResponse get(UUID coupleId, UUID partnerId) {
        Partner partner = partnerInRecovery(coupleId, partnerId);
        SobrietyResponse view = view(partner, today(partner), access.seesClinicalText());
        audit.success("sobriety.read", RECORD, partnerId);
        return view;
    }

    public SobrietyResponse logReset(UUID coupleId, UUID partnerId, ResetRequest request) {
        Partner partner = partnerInRecovery(coupleId, partnerId);
        if (partner.getSobrietyDate() == null) {
            throw Problems.conflict("no-sobriety-date", "No Sobriety Date",
                    "Set the partner's sobriety date on the couple before logging resets.");
        }
        LocalDate today = today(partner);
        PastDay.requireNotAfter(request.date(), today, "date");
        if (request.date().isBefore(partner.getSobrietyDate())) {
            throw Problems.invalid("date", "body", "must not be before the sobriety date");
        }
        UUID clinicId = partner.getCouple().getClinic().getId();
        SobrietyReset reset = new SobrietyReset(clinicId, partnerId, request.kind(), request.date(), caller.subject());
        String note = Text.blankToNull(request.note());
        if (note != null) {
            reset.seal(cipher.sealerFor(clinicId).seal(NOTE_PURPOSE, reset.getId(), note));
        }
        resets.persist(reset);
        resets.flush();
        audit.success("sobriety.reset-logged", RECORD, partnerId);
        return view(partner, today, true);
    }

    /**
     * Marks a reset as logged by mistake: it stays in the history, marked, and no longer breaks a streak. Returns
     * the streaks after it.
     */
    public SobrietyResponse markEnteredInError(UUID coupleId, UUID partnerId, UUID resetId,
            EnteredInErrorRequest request) {
        Partner partner = partnerInRecovery(coupleId, partnerId);
        SobrietyReset reset = resets.lockOfPartner(partnerId, resetId).orElseThrow(() -> Problems.notFound("reset"));
        reset.markEnteredInError(caller.subject(), request.reason(), "reset", reasons.sealer(
                SealedColumn.SOBRIETY_RESET_ERROR_REASON, partner.getCouple().getClinic().getId(), reset.getId()));
        resets.flush();
        audit.success("sobriety.reset-entered-in-error", RECORD, partnerId);
        return view(partner, today(partner), true);
    }

    /** Streaks as of a day, without notes or audit: for the progress summary, which audits its own read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public SobrietyResponse streaks(Partner partner, LocalDate asOf) {
        return view(partner, asOf, false);
    }

    private SobrietyResponse view(Partner partner, LocalDate asOf, boolean withNotes) {
        List<SobrietyReset> all = resets.forPartner(partner.getId());
        List<ResetResponse> history = all.stream().map(r -> new ResetResponse(r.getId(), r.getOccurredOn(),
                r.getKind(), withNotes && r.hasNote()
                        ? r.openNote(cipher, NOTE_PURPOSE) : null,
                r.getCreatedAt(), ErrorMark.view(r.getEnteredInError(), withNotes,
                        reasons.opener(SealedColumn.SOBRIETY_RESET_ERROR_REASON, r.getId())))).toList();
        if (partner.getSobrietyDate() == null) {
            return new SobrietyResponse(partner.getId(), null, asOf, null, null, null, history);
        }
        Sobriety.Streaks s = Sobriety.compute(partner.getSobrietyDate(),
                all.stream().filter(r -> r.getEnteredInError() == null).map(SobrietyReset::getOccurredOn).toList(),
                asOf);
        return new SobrietyResponse(partner.getId(), partner.getSobrietyDate(), asOf, s.currentStart(), s.current(),
                s.longest(), history);
    }

    private Partner partnerInRecovery(UUID coupleId, UUID partnerId) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        Partner partner = couple.findPartner(partnerId).orElseThrow(() -> Problems.notFound("partner"));
        if (partner.getRecoveryRole() != RecoveryRole.IN_RECOVERY) {
            throw Problems.conflict("not-in-recovery", "Not In Recovery",
                    "Sobriety is tracked for the partner in recovery only.");
        }
        return partner;
    }

    private static LocalDate today(Partner partner) {
        return LocalDate.now(partner.getCouple().getClinic().getTimeZone());
    }
}
