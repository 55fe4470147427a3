package org.tandem.couple;

import java.time.LocalDate;

/** The editable facts about a couple, but its treatment goals, which are sealed apart (CoupleRepository#writeGoals). */
public record CoupleDetails(PartnerDetails first, PartnerDetails second, LocalDate careStartedOn) {

    @Override
    public String toString() {
        return "CoupleDetails[redacted]";
    }
}
