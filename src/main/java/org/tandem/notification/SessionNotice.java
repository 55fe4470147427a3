package org.tandem.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What scheduling tells notifications about a session change: ids, the (new) start and who takes part. Nothing
 * else is needed; the message is rendered when it is sent.
 */
public record SessionNotice(UUID clinicId, UUID coupleId, UUID sessionId, List<UUID> partnerIds, Instant start,
        java.time.ZoneId zone, Change change) {

    public enum Change {
        SCHEDULED, MOVED, CANCELLED, ENDED
    }
}
