package org.tandem.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * What another feature may know of a couple's session, and whether a therapist is free at its time: the disclosure
 * session is booked here like any other and named by the disclosure, which checks the second therapist's time.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class SessionFacts {

    /** A session's time and people, without its location or link. */
    public record Facts(UUID id, UUID therapistId, SessionKind kind, SessionStatus status, Instant startsAt,
            Instant endsAt) {
    }

    private final SessionRepository sessions;

    /** The couple's session with this id, if it is theirs. */
    public Optional<Facts> ofCouple(UUID coupleId, UUID sessionId) {
        return sessions.find("id = ?1 and couple.id = ?2", sessionId, coupleId).firstResultOptional()
                .map(s -> new Facts(s.getId(), s.getTherapist().getId(), s.getKind(), s.getStatus(),
                        s.getStartsAt(), s.getEndsAt()));
    }

    /** Whether the therapist has no other session (not cancelled) overlapping the span, their own or as second. */
    public boolean therapistFree(UUID therapistId, Instant start, Instant end, UUID exceptSessionId) {
        return sessions.busy(therapistId, start, end).stream().allMatch(s -> s.getId().equals(exceptSessionId));
    }
}
