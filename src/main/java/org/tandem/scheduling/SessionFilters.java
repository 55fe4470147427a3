package org.tandem.scheduling;

import java.time.Duration;
import org.tandem.common.web.Problems;
import org.tandem.common.web.QueryParams;

/** The session list's query parameters, parsed and checked. */
final class SessionFilters {

    /** A list may span at most this long, so no query walks years of sessions. */
    static final Duration MAX_RANGE = Duration.ofDays(366);

    private SessionFilters() {
    }

    static SessionRepository.Filter of(String from, String to, String status, String kind, String therapistId,
            String coupleId) {
        var filter = new SessionRepository.Filter(QueryParams.instant(from, "from"), QueryParams.instant(to, "to"),
                QueryParams.enumValue(SessionStatus.class, status, "status"),
                QueryParams.enumValue(SessionKind.class, kind, "kind"), QueryParams.uuid(therapistId, "therapistId"),
                QueryParams.uuid(coupleId, "coupleId"));
        if (filter.from() != null && filter.to() != null) {
            if (!filter.to().isAfter(filter.from())) {
                throw Problems.invalid("to", "query", "must be after from");
            }
            if (Duration.between(filter.from(), filter.to()).compareTo(MAX_RANGE) > 0) {
                throw Problems.invalid("to", "query", "must be at most 366 days after from");
            }
        }
        return filter;
    }
}
