package org.tandem.scheduling;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedText;
import org.tandem.scheduling.SchedulingApi.Cancellation;
import org.tandem.scheduling.SchedulingApi.Clash;
import org.tandem.scheduling.SchedulingApi.RescheduleEntry;
import org.tandem.scheduling.SchedulingApi.SeriesResponse;
import org.tandem.scheduling.SchedulingApi.MySessionResponse;
import org.tandem.scheduling.SchedulingApi.SessionResponse;
import org.tandem.couple.OpenSafetyFlags;
import org.tandem.therapist.TherapistRef;

final class SessionMapper {

    private SessionMapper() {
    }

    /** {@code flagged}: the couple has a safety flag nobody acknowledged ({@link OpenSafetyFlags}). */
    static SessionResponse toResponse(TherapySession s, boolean flagged, ClinicCipher cipher) {
        ZoneId zone = s.getClinic().getTimeZone();
        Cancellation cancellation = s.getStatus() == SessionStatus.CANCELLED
                ? new Cancellation(s.getCancelledBy(), s.cancelReason(cipher), s.getCancelledAt(),
                        s.isLateCancellation())
                : null;
        return new SessionResponse(s.getId(), s.getCouple().getId(), s.getCouple().getCode(),
                TherapistRef.of(s.getTherapist()),
                s.getPartner() == null ? null : s.getPartner().getId(),
                s.getSeries() == null ? null : s.getSeries().getId(), s.getSeriesIndex(), s.getStartsAt(),
                s.getEndsAt(), s.getStartsAt().atZone(zone).toOffsetDateTime(),
                s.getEndsAt().atZone(zone).toOffsetDateTime(), zone.getId(), s.getKind(), s.getModality(),
                s.getLocation(), s.getVideoLink(), s.getStatus(), cancellation,
                s.getReschedules().stream().map(r -> new RescheduleEntry(r.getPreviousStart(), r.getPreviousEnd(),
                        r.getNewStart(), r.getNewEnd(), r.getChangedAt(), r.getChangedBy())).toList(),
                flagged, s.getVersion(), s.getCreatedAt(), s.getUpdatedAt());
    }

    /**
     * A list row of {@link SessionRepository#searchRows} with the session's reschedules; 17 is a cancel reason
     * written before reasons were sealed, 24 the sealed one.
     */
    static SessionResponse fromListRow(Object[] r, List<RescheduleEntry> reschedules, ClinicCipher cipher) {
        ZoneId zone = ZoneId.of((String) r[10]);
        Instant start = (Instant) r[8];
        Instant end = (Instant) r[9];
        SessionStatus status = (SessionStatus) r[15];
        Cancellation cancellation = status == SessionStatus.CANCELLED
                ? new Cancellation((CancelledBy) r[16], TherapySession.cancelReason(cipher, (UUID) r[0],
                        (SealedText) r[24], (String) r[17]), (Instant) r[18], (Boolean) r[19])
                : null;
        return new SessionResponse((UUID) r[0], (UUID) r[1], (String) r[2], new TherapistRef((UUID) r[3],
                (String) r[4]), (UUID) r[5], (UUID) r[6], (Integer) r[7], start, end,
                start.atZone(zone).toOffsetDateTime(), end.atZone(zone).toOffsetDateTime(), zone.getId(),
                (SessionKind) r[11], (Modality) r[12], (String) r[13], (String) r[14], status, cancellation,
                reschedules, ((Number) r[23]).longValue() > 0, (Long) r[20], (Instant) r[21], (Instant) r[22]);
    }

    /** A row of {@link SessionRepository#reschedulesOf} (after the session id) as the answer shows it. */
    static RescheduleEntry reschedule(Object[] r) {
        return new RescheduleEntry((Instant) r[1], (Instant) r[2], (Instant) r[3], (Instant) r[4], (Instant) r[5],
                (String) r[6]);
    }

    /** A series with its occurrences (in order) and the ones its creation or change skipped for a clash. */
    static MySessionResponse toMine(TherapySession s) {
        ZoneId zone = s.getClinic().getTimeZone();
        return new MySessionResponse(s.getId(), s.getKind(), s.getPartner() != null, s.getStartsAt(), s.getEndsAt(),
                s.getStartsAt().atZone(zone).toOffsetDateTime(), s.getEndsAt().atZone(zone).toOffsetDateTime(),
                zone.getId(), s.getModality(), s.getLocation(), s.getVideoLink(), s.getStatus(),
                TherapistRef.of(s.getTherapist()));
    }

    static SeriesResponse toResponse(SessionSeries s, List<TherapySession> occurrences, List<Clash> skipped,
            boolean flagged, ClinicCipher cipher) {
        return new SeriesResponse(s.getId(), s.getCouple().getId(), s.getTherapist().getId(),
                s.getPartner() == null ? null : s.getPartner().getId(), s.getKind(), s.getModality(),
                s.getFirstLocalStart().toString(), s.getDurationMinutes(), s.getIntervalWeeks(), s.getUntilDate(),
                s.getOccurrenceLimit(), s.isOpenEnded(), s.isEnded(), s.getClinic().getTimeZone().getId(),
                occurrences.stream().map(o -> toResponse(o, flagged, cipher)).toList(), skipped, s.getVersion());
    }
}
