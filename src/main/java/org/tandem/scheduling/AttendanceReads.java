package org.tandem.scheduling;

import java.time.Instant;
import java.util.UUID;
import org.tandem.scheduling.SessionRepository.Attendance;

/** What other features (the progress summary) read of sessions; answered by SessionRepository. */
public interface AttendanceReads {

    /** Sessions of a couple starting in [from, to), counted by status and late cancellation. */
    Attendance attendance(UUID coupleId, Instant from, Instant to);
}
