package org.tandem.common.web;

import org.tandem.common.PlausibleTime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Last step for every problem response: gives it a stable {@code type} and replaces details that could leak
 * internals. Jackson's messages quote the rejected value and Java class names, so a body that cannot be read gets a
 * fixed sentence plus the field that failed.
 */
@ApplicationScoped
public class ProblemDefaults implements ProblemPostProcessor {

    private static final Map<Integer, String> TYPE_BY_STATUS = Map.ofEntries(
            Map.entry(400, "bad-request"),
            Map.entry(401, "unauthenticated"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(412, "stale-version"),
            Map.entry(413, "payload-too-large"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(428, "precondition-required"),
            Map.entry(429, "too-many-requests"));

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        HttpProblem.Builder builder = HttpProblem.builder(problem);
        Throwable cause = rootJsonCause(context.cause);
        if (cause instanceof JsonProcessingException json) {
            builder.withType(Problems.type(json instanceof MismatchedInputException ? "invalid-field" : "malformed-json"))
                    .withTitle("Bad Request")
                    .withDetail(detailFor(json));
            String field = fieldOf(json);
            if (field != null) {
                builder.with("field", field);
            }
        } else if (cause instanceof ConstraintViolationException) {
            builder.withType(Problems.type("validation")).withDetail("The request has invalid fields.");
        } else if (problem.getStatusCode() == 503 && problem.getType() != null
                && problem.getType().toString().startsWith(Problems.BASE)) {
            // The application's own outage answer (Problems.unavailable), already worded for the client.
            return problem;
        } else if (problem.getStatusCode() >= 500 && lostDatabase(context.cause)) {
            // The database is unreachable (restarting, failing over), however deep the cause: an outage for the
            // client to wait out, not a bug. The change was not confirmed; readiness reports the same meanwhile.
            unavailable(builder, "The database is not reachable right now, so nothing was confirmed. Retry in a"
                    + " few seconds, with the same Idempotency-Key for a write.", 5);
        } else if (problem.getStatusCode() >= 500 && poolExhausted(context.cause)) {
            // Every pooled connection stayed busy for the whole acquisition timeout: overload, not a bug.
            unavailable(builder, "The service is too busy to take this request, so nothing was confirmed. Retry in"
                    + " a moment, with the same Idempotency-Key for a write.", 1);
        } else if (problem.getStatusCode() >= 500) {
            builder.withType(Problems.type("internal-error"))
                    .withDetail("Something went wrong on our side. Quote the X-Request-Id header when you report it.");
        } else if (problem.getType() == null) {
            builder.withType(Problems.type(TYPE_BY_STATUS.getOrDefault(problem.getStatusCode(), "http-error")));
        }
        return builder.build();
    }

    @Override
    public int priority() {
        // Higher runs first: before the library's logger (101), so not even the log sees Jackson's raw message.
        return 200;
    }

    /** An outage the client should wait out: 503 with Retry-After; the change was not confirmed. */
    private static void unavailable(HttpProblem.Builder builder, String detail, int retryAfterSeconds) {
        builder.withType(Problems.type("unavailable")).withStatus(503).withTitle("Service Unavailable")
                .withDetail(detail).withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }

    /** Whether a lost or refused database connection is anywhere in the cause chain. */
    static boolean lostDatabase(Throwable cause) {
        return inCauseChain(cause, t -> t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof java.sql.SQLRecoverableException
                || t instanceof java.sql.SQLTransientConnectionException
                || t instanceof java.sql.SQLNonTransientConnectionException
                || t.getClass().getName().equals("com.mysql.cj.exceptions.CJCommunicationsException")) != null;
    }

    /** Whether Agroal gave up waiting for a free connection (it says so only in the message). */
    static boolean poolExhausted(Throwable cause) {
        return inCauseChain(cause, t -> t instanceof java.sql.SQLException && t.getMessage() != null
                && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) != null;
    }

    /** Quarkus may wrap the Jackson exception (e.g. in a WebApplicationException); find it. */
    private static Throwable rootJsonCause(Throwable cause) {
        Throwable json = inCauseChain(cause, JsonProcessingException.class::isInstance);
        return json != null ? json : cause;
    }

    /**
     * The first throwable in the cause chain that matches, or null; stops at a cause that is its own cause. Suppressed
     * exceptions count: a commit that loses the database reports it only there (Narayana's RollbackException carries
     * the driver's XAException as suppressed, not as cause).
     */
    private static Throwable inCauseChain(Throwable cause, java.util.function.Predicate<Throwable> matches) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (matches.test(t)) {
                return t;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                Throwable found = suppressed == t ? null : inCauseChain(suppressed, matches);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String detailFor(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "The request body has a field this endpoint does not accept.";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "A field has a value that is not one of the allowed values: "
                    + java.util.Arrays.stream(invalid.getTargetType().getEnumConstants()).map(Object::toString)
                            .collect(Collectors.joining(", "))
                    + ".";
        }
        if (e instanceof PlausibleTime.Implausible) {
            return "A date or time is outside the years " + PlausibleTime.FIRST_YEAR + " to " + PlausibleTime.LAST_YEAR
                    + ".";
        }
        if (e instanceof MismatchedInputException) {
            return "A field has the wrong type or format (dates are YYYY-MM-DD, ids are UUIDs, lists are arrays).";
        }
        return "The request body is not valid JSON.";
    }

    private static String fieldOf(JsonProcessingException e) {
        if (!(e instanceof MismatchedInputException mapping) || mapping.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
