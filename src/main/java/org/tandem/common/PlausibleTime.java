package org.tandem.common;

import org.tandem.common.web.ProblemDefaults;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The one rule for every date and time a client sends, in a body or a query: its year lies between
 * {@value #FIRST_YEAR} and {@value #LAST_YEAR}. Java reads {@code +999999999-12-31} or {@code -0001-01-01} as real
 * dates, and the first sum with one of them (a day later, a week of occurrences) overflows into a 500; no birth,
 * session, sobriety date or report period of this API lies outside these years.
 */
public final class PlausibleTime {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;
    private static final Instant FIRST_INSTANT = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LAST_INSTANT = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    /** What a client is told, with the field or parameter that failed. */
    public static final String EXPECTATION = "must be a date or time between the years " + FIRST_YEAR + " and "
            + LAST_YEAR;

    private PlausibleTime() {
    }

    /** Whether a date or time (LocalDate, LocalDateTime, OffsetDateTime, ZonedDateTime, Instant) is in range. */
    public static boolean plausible(Object value) {
        int year;
        if (value instanceof LocalDate d) {
            year = d.getYear();
        } else if (value instanceof LocalDateTime t) {
            year = t.getYear();
        } else if (value instanceof OffsetDateTime t) {
            year = t.getYear();
        } else if (value instanceof ZonedDateTime t) {
            year = t.getYear();
        } else if (value instanceof Instant t) {
            return !t.isBefore(FIRST_INSTANT) && t.isBefore(AFTER_LAST_INSTANT);
        } else {
            return true;
        }
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** A date or time outside the range: a 400 that names the field (ProblemDefaults). */
    public static final class Implausible extends InvalidFormatException {
        Implausible(JsonParser p, Object value, Class<?> type) {
            super(p, EXPECTATION, value, type);
        }
    }

    /** The JSON side of the rule: the JSR-310 readers, each followed by the range check. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("plausible-time");
        add(module, LocalDate.class, LocalDateDeserializer.INSTANCE);
        add(module, LocalDateTime.class, LocalDateTimeDeserializer.INSTANCE);
        add(module, OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME);
        add(module, ZonedDateTime.class, InstantDeserializer.ZONED_DATE_TIME);
        add(module, Instant.class, InstantDeserializer.INSTANT);
        return module;
    }

    @SuppressWarnings("unchecked")
    private static <T> void add(SimpleModule module, Class<T> type, JsonDeserializer<?> reader) {
        module.addDeserializer(type, (JsonDeserializer<T>) new Checked(reader));
    }

    /** Keeps the wrapped reader's own contextual settings (formats, leniency), then checks the range. */
    private static final class Checked extends DelegatingDeserializer {
        Checked(JsonDeserializer<?> reader) {
            super(reader);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> reader) {
            return new Checked(reader);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value != null && !plausible(value)) {
                throw new Implausible(p, null, handledType());
            }
            return value;
        }
    }
}
