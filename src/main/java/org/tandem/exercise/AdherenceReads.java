package org.tandem.exercise;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.tandem.exercise.AssignmentApi.AssignmentAdherence;

/** What other features (the progress summary, exports) read of homework; answered by AssignmentService. */
public interface AdherenceReads {

    /** Each assignment's adherence over [from, to], counted up to {@code today}. */
    List<AssignmentAdherence> adherenceForCouple(UUID coupleId, LocalDate from, LocalDate to, LocalDate today);
}
