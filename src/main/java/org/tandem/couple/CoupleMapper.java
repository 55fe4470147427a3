package org.tandem.couple;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import static org.tandem.common.Text.blankToNull;

import org.tandem.couple.CoupleApi.CoupleResponse;
import org.tandem.couple.CoupleApi.PartnerInput;
import org.tandem.couple.CoupleApi.PartnerResponse;
import org.tandem.therapist.TherapistRef;

/** Explicit mapping between the HTTP records and the domain: nothing is bound onto an entity by name. */
final class CoupleMapper {

    /** A set loaded from the database has no order; clients get a stable one. */
    private static final Comparator<TherapistRef> BY_NAME =
            Comparator.comparing(TherapistRef::displayName).thenComparing(TherapistRef::id);

    private CoupleMapper() {
    }

    static CoupleDetails toDetails(List<PartnerInput> partners, LocalDate careStartedOn, String goals) {
        return new CoupleDetails(toDetails(partners.get(0)), toDetails(partners.get(1)), careStartedOn, blankToNull(goals));
    }

    static PartnerDetails toDetails(PartnerInput p) {
        return new PartnerDetails(p.fullName().trim(), blankToNull(p.preferredName()), blankToNull(p.pronouns()),
                p.dateOfBirth(), blankToNull(p.email()), blankToNull(p.phone()), p.recoveryRole(), p.sobrietyDate());
    }

    /** {@code openSafetyFlags}: from {@link OpenSafetyFlags}, which the questionnaire feature answers. */
    static CoupleResponse toResponse(Couple c, int openSafetyFlags) {
        return new CoupleResponse(c.getId(), c.getCode(), c.getStatus(), c.getCareStartedOn(), c.getTreatmentGoals(),
                TherapistRef.of(c.getPrimaryTherapist()),
                c.getCoTherapists().stream().map(TherapistRef::of).sorted(BY_NAME).toList(),
                c.getPartners().stream().map(CoupleMapper::toResponse).toList(), openSafetyFlags, c.getVersion(),
                c.getCreatedAt(), c.getUpdatedAt());
    }

    static PartnerResponse toResponse(Partner p) {
        return new PartnerResponse(p.getId(), p.getSeat(), p.getFullName(), p.getPreferredName(), p.getPronouns(),
                p.getDateOfBirth(), p.getEmail(), p.getPhone(), p.getRecoveryRole(), p.getSobrietyDate());
    }

}
