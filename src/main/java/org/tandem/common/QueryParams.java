package org.tandem.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Parses query parameters taken as strings. JAX-RS answers 404 when it cannot convert a query parameter; a client
 * that sent {@code ?status=FOO} deserves a 400 naming the parameter, which is what these give.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw Problems.invalid(name, "query", "must be one of " + allowed);
        }
    }

    public static int wholeNumber(String raw, String name, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw Problems.invalid(name, "query", "must be a whole number");
        }
    }

    public static UUID uuid(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(name, "query", "must be a UUID");
        }
    }

    public static Instant instant(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.invalid(name, "query", "must be an ISO-8601 date-time with an offset, e.g. 2026-01-31T09:00:00Z");
        }
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
}
