package org.tandem.couple;

import java.time.LocalDate;

/** The editable facts about a partner, as the domain receives them (already validated for shape). */
public record PartnerDetails(String fullName, String preferredName, String pronouns, LocalDate dateOfBirth,
        String email, String phone, RecoveryRole recoveryRole, LocalDate sobrietyDate) {

    @Override
    public String toString() {
        return "PartnerDetails[redacted]";
    }
}
