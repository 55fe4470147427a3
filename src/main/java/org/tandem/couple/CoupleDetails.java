package org.tandem.couple;

import java.time.LocalDate;

/** The editable facts about a couple. */
public record CoupleDetails(PartnerDetails first, PartnerDetails second, LocalDate careStartedOn,
        String treatmentGoals) {

    @Override
    public String toString() {
        return "CoupleDetails[redacted]";
    }
}
