package org.tandem.scheduling;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.tandem.common.PlausibleTime;
import org.tandem.common.web.Problems;

/**
 * Date-times as people send them: with an offset ({@code 2026-03-30T10:00:00+02:00}, {@code ...Z}) they are exact;
 * without ({@code 2026-03-30T10:00}) they are wall-clock times in the clinic's zone.
 */
final class ClinicTime {

    private ClinicTime() {
    }

    static Instant parse(String raw, ZoneId zone, String field) {
        if (raw == null || raw.isBlank()) {
            throw Problems.invalid(field, "body", "must not be blank");
        }
        String value = raw.trim();
        OffsetDateTime exact = null;
        LocalDateTime local = null;
        try {
            exact = OffsetDateTime.parse(value);
        } catch (DateTimeParseException notOffset) {
            try {
                local = LocalDateTime.parse(value);
            } catch (DateTimeParseException notLocal) {
                throw Problems.invalid(field, "body",
                        "must be an ISO-8601 date-time, with an offset (2026-03-30T10:00:00+02:00) or in the clinic's"
                                + " local time (2026-03-30T10:00)");
            }
        }
        // Checked before any arithmetic: +999999999-12-31T10:00 parses, and its conversion to an instant overflows.
        if (!PlausibleTime.plausible(exact != null ? exact : local)) {
            throw Problems.invalid(field, "body", PlausibleTime.EXPECTATION);
        }
        return exact != null ? exact.toInstant() : atZone(local, zone, field);
    }

    /** A wall-clock time in the zone. One that a DST change skips does not exist and is refused. */
    static Instant atZone(LocalDateTime local, ZoneId zone, String field) {
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw Problems.invalid(field, "body", "does not exist in the clinic's time zone (daylight-saving change)");
        }
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }
}
