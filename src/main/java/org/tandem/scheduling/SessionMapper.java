package org.tandem.scheduling;

import java.time.ZoneId;
import java.util.List;
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
    static SessionResponse toResponse(TherapySession s, boolean flagged) {
        ZoneId zone = s.getClinic().getTimeZone();
        Cancellation cancellation = s.getStatus() == SessionStatus.CANCELLED
                ? new Cancellation(s.getCancelledBy(), s.getCancelReason(), s.getCancelledAt(), s.isLateCancellation())
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

    /** A series with its occurrences (in order) and the ones its creation or change skipped for a clash. */
    static MySessionResponse toMine(TherapySession s) {
        ZoneId zone = s.getClinic().getTimeZone();
        return new MySessionResponse(s.getId(), s.getKind(), s.getPartner() != null, s.getStartsAt(), s.getEndsAt(),
                s.getStartsAt().atZone(zone).toOffsetDateTime(), s.getEndsAt().atZone(zone).toOffsetDateTime(),
                zone.getId(), s.getModality(), s.getLocation(), s.getVideoLink(), s.getStatus(),
                TherapistRef.of(s.getTherapist()));
    }

    static SeriesResponse toResponse(SessionSeries s, List<TherapySession> occurrences, List<Clash> skipped,
            boolean flagged) {
        return new SeriesResponse(s.getId(), s.getCouple().getId(), s.getTherapist().getId(),
                s.getPartner() == null ? null : s.getPartner().getId(), s.getKind(), s.getModality(),
                s.getFirstLocalStart().toString(), s.getDurationMinutes(), s.getIntervalWeeks(), s.getUntilDate(),
                s.getOccurrenceLimit(), s.isOpenEnded(), s.isEnded(), s.getClinic().getTimeZone().getId(),
                occurrences.stream().map(o -> toResponse(o, flagged)).toList(), skipped, s.getVersion());
    }
}
