package org.tandem.scheduling;

import java.time.ZoneId;
import org.tandem.scheduling.SchedulingApi.Cancellation;
import org.tandem.scheduling.SchedulingApi.RescheduleEntry;
import org.tandem.scheduling.SchedulingApi.SessionResponse;
import org.tandem.therapist.TherapistRef;

final class SessionMapper {

    private SessionMapper() {
    }

    static SessionResponse toResponse(TherapySession s) {
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
                s.getCouple().getOpenSafetyFlags() > 0, s.getVersion(), s.getCreatedAt(), s.getUpdatedAt());
    }
}
