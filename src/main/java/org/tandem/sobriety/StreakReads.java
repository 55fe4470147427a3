package org.tandem.sobriety;

import java.time.LocalDate;
import org.tandem.couple.Partner;
import org.tandem.sobriety.SobrietyApi.SobrietyResponse;

/** What other features (the progress summary) read of sobriety; answered by SobrietyService. */
public interface StreakReads {

    /** The partner's current and longest streaks as of a day, without reset notes. */
    SobrietyResponse streaks(Partner partner, LocalDate asOf);
}
