package org.tandem.notification;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.tandem.common.InvalidField;

/**
 * How long before a session its reminders go out, as a clinic's default or a person's own choice: ISO-8601
 * durations ({@code P1D}, {@code PT2H}), at most four, each from 15 minutes to 14 days, no two alike. An empty list
 * means no reminders. Stored as the comma-separated text ({@code P1D,PT2H}); null means "whatever applies above".
 */
public final class ReminderOffsets {

    static final int MAX = 4;
    private static final Duration SHORTEST = Duration.ofMinutes(15);
    private static final Duration LONGEST = Duration.ofDays(14);

    private ReminderOffsets() {
    }

    /** The offsets a request names (null stays null), checked; a 400 naming {@code field} when one is not right. */
    public static List<Duration> parse(List<String> values, String field) {
        if (values == null) {
            return null;
        }
        if (values.size() > MAX) {
            throw new InvalidField(field, "at most " + MAX + " reminders");
        }
        List<Duration> offsets = new ArrayList<>();
        for (String value : values) {
            Duration d;
            try {
                d = Duration.parse(value == null ? "" : value.trim());
            } catch (DateTimeParseException e) {
                throw new InvalidField(field, "each must be an ISO-8601 duration such as P1D or PT2H");
            }
            if (d.compareTo(SHORTEST) < 0 || d.compareTo(LONGEST) > 0) {
                throw new InvalidField(field, "each must be from PT15M to P14D before the session");
            }
            if (offsets.contains(d)) {
                throw new InvalidField(field, "must not name the same reminder twice");
            }
            offsets.add(d);
        }
        offsets.sort(java.util.Comparator.reverseOrder());
        return List.copyOf(offsets);
    }

    /** The stored form: null for null, "" for none. */
    public static String format(List<Duration> offsets) {
        return offsets == null ? null : offsets.stream().map(ReminderOffsets::iso).collect(Collectors.joining(","));
    }

    /** What a stored column holds: null for null, an empty list for "". */
    public static List<Duration> read(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(stored.split(",")).map(Duration::parse).toList();
    }

    /** How a response shows them: P1D stays P1D (Duration would print PT24H). */
    public static List<String> show(List<Duration> offsets) {
        if (offsets == null) {
            return null;
        }
        return offsets.stream().map(ReminderOffsets::iso).toList();
    }

    private static String iso(Duration d) {
        long seconds = d.toSeconds();
        if (seconds % 86_400 == 0) {
            return "P" + seconds / 86_400 + "D";
        }
        return d.toString();
    }
}
