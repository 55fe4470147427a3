package org.tandem.common.web;

import org.tandem.common.PlausibleTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parses query parameters taken as strings. JAX-RS answers 404 when it cannot convert a query parameter; a client
 * that sent {@code ?status=FOO} deserves a 400 naming the parameter, which is what these give.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String name) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        return parse(raw, name, null, value -> Enum.valueOf(type, value), "must be one of " + allowed);
    }

    public static int wholeNumber(String raw, String name, int fallback) {
        return parse(raw, name, fallback, Integer::parseInt, "must be a whole number");
    }

    /** {@code true} or {@code false} only: a typo must not silently read as false. */
    public static boolean bool(String raw, String name) {
        return parse(raw, name, false, value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException();
        }, "must be true or false");
    }

    public static UUID uuid(String raw, String name) {
        return parse(raw, name, null, UUID::fromString, "must be a UUID");
    }

    public static Instant instant(String raw, String name) {
        return plausible(parse(raw, name, null, value -> OffsetDateTime.parse(value).toInstant(),
                "must be an ISO-8601 date-time with an offset, e.g. 2026-01-31T09:00:00Z"), name);
    }

    public static LocalDate date(String raw, String name) {
        return plausible(parse(raw, name, null, LocalDate::parse, "must be a date, YYYY-MM-DD"), name);
    }

    /** The same range rule as for dates in a body (PlausibleTime). */
    private static <T> T plausible(T value, String name) {
        if (value != null && !PlausibleTime.plausible(value)) {
            throw Problems.invalid(name, "query", PlausibleTime.EXPECTATION);
        }
        return value;
    }

    public static String text(String raw, String name, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > maxLength) {
            throw Problems.invalid(name, "query", "must be at most " + maxLength + " characters");
        }
        return raw.trim();
    }

    /** Absent or blank gives the fallback; a value the parser rejects gives a 400 that names the parameter. */
    private static <T> T parse(String raw, String name, T fallback, Function<String, T> parser, String expectation) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return parser.apply(raw.trim());
        } catch (RuntimeException e) { // NumberFormat-, IllegalArgument-, DateTimeParseException
            throw Problems.invalid(name, "query", expectation);
        }
    }
}
