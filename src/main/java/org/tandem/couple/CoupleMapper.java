package org.tandem.couple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedText;
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

    static CoupleDetails toDetails(List<PartnerInput> partners, LocalDate careStartedOn) {
        return new CoupleDetails(toDetails(partners.get(0)), toDetails(partners.get(1)), careStartedOn);
    }

    static PartnerDetails toDetails(PartnerInput p) {
        return new PartnerDetails(p.fullName().trim(), blankToNull(p.preferredName()), blankToNull(p.pronouns()),
                p.dateOfBirth(), blankToNull(p.email()), blankToNull(p.phone()), p.recoveryRole(), p.sobrietyDate());
    }

    /** {@code openSafetyFlags}: from {@link OpenSafetyFlags}, which the questionnaire feature answers. */
    static CoupleResponse toResponse(Couple c, String goals, int openSafetyFlags) {
        return new CoupleResponse(c.getId(), c.getCode(), c.getStatus(), c.getCareStartedOn(), goals,
                TherapistRef.of(c.getPrimaryTherapist()),
                c.getCoTherapists().stream().map(TherapistRef::of).sorted(BY_NAME).toList(),
                c.getPartners().stream().map(CoupleMapper::toResponse).toList(), openSafetyFlags, c.getVersion(),
                c.getCreatedAt(), c.getUpdatedAt());
    }

    /**
     * The response from {@link CoupleRepository#requireReadRows}'s rows: the couple's own columns (0-7), the primary
     * therapist (8-9), a co-therapist (10-11), a partner (12-21), the open flags (22) and the sealed goals (23; 4 is
     * goals written before goals were sealed); the joins repeat the couple on every row and each partner once per
     * co-therapist.
     */
    static CoupleResponse fromReadRows(List<Object[]> rows, ClinicCipher cipher) {
        Object[] first = rows.get(0);
        Map<UUID, TherapistRef> coTherapists = new LinkedHashMap<>();
        SortedMap<Integer, PartnerResponse> bySeat = new TreeMap<>();
        for (Object[] r : rows) {
            if (r[10] != null) {
                coTherapists.putIfAbsent((UUID) r[10], new TherapistRef((UUID) r[10], (String) r[11]));
            }
            if (r[12] != null) {
                bySeat.computeIfAbsent((Integer) r[13], seat -> new PartnerResponse((UUID) r[12], seat,
                        (String) r[14], (String) r[15], (String) r[16], (LocalDate) r[17], (String) r[18],
                        (String) r[19], (RecoveryRole) r[20], (LocalDate) r[21]));
            }
        }
        return new CoupleResponse((UUID) first[0], (String) first[1], (CoupleStatus) first[2], (LocalDate) first[3],
                Couple.goals(cipher, (UUID) first[0], (SealedText) first[23], (String) first[4]),
                first[8] == null ? null : new TherapistRef((UUID) first[8], (String) first[9]),
                coTherapists.values().stream().sorted(BY_NAME).toList(), List.copyOf(bySeat.values()),
                ((Number) first[22]).intValue(), (Long) first[5], (Instant) first[6], (Instant) first[7]);
    }

    static PartnerResponse toResponse(Partner p) {
        return new PartnerResponse(p.getId(), p.getSeat(), p.getFullName(), p.getPreferredName(), p.getPronouns(),
                p.getDateOfBirth(), p.getEmail(), p.getPhone(), p.getRecoveryRole(), p.getSobrietyDate());
    }

}
