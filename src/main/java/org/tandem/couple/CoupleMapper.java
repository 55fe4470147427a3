package org.tandem.couple;

import java.util.List;
import org.tandem.couple.CoupleApi.CoupleResponse;
import org.tandem.couple.CoupleApi.PartnerInput;
import org.tandem.couple.CoupleApi.PartnerResponse;
import org.tandem.couple.CoupleApi.TherapistRef;
import org.tandem.therapist.Therapist;

/** Explicit mapping between the HTTP records and the domain: nothing is bound onto an entity by name. */
final class CoupleMapper {

    private CoupleMapper() {
    }

    static CoupleDetails toDetails(List<PartnerInput> partners, java.time.LocalDate careStartedOn, String goals) {
        return new CoupleDetails(toDetails(partners.get(0)), toDetails(partners.get(1)), careStartedOn, blankToNull(goals));
    }

    static PartnerDetails toDetails(PartnerInput p) {
        return new PartnerDetails(p.fullName().trim(), blankToNull(p.preferredName()), blankToNull(p.pronouns()),
                p.dateOfBirth(), blankToNull(p.email()), blankToNull(p.phone()), p.recoveryRole(), p.sobrietyDate());
    }

    static CoupleResponse toResponse(Couple c) {
        return new CoupleResponse(c.getId(), c.getCode(), c.getStatus(), c.getCareStartedOn(), c.getTreatmentGoals(),
                ref(c.getPrimaryTherapist()), c.getCoTherapists().stream().map(CoupleMapper::ref).toList(),
                c.getPartners().stream().map(CoupleMapper::toResponse).toList(), c.getVersion(), c.getCreatedAt(),
                c.getUpdatedAt());
    }

    static PartnerResponse toResponse(Partner p) {
        return new PartnerResponse(p.getId(), p.getSeat(), p.getFullName(), p.getPreferredName(), p.getPronouns(),
                p.getDateOfBirth(), p.getEmail(), p.getPhone(), p.getRecoveryRole(), p.getSobrietyDate());
    }

    private static TherapistRef ref(Therapist t) {
        return t == null ? null : new TherapistRef(t.getId(), t.getDisplayName());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
