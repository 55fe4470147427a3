package org.tandem.common.web;

import io.quarkiverse.resteasy.problem.HttpProblem;
import java.net.URI;
import java.util.List;

/**
 * The application's own RFC 9457 problems. Each kind has a stable {@code type} under {@code /problems/}; details are
 * fixed sentences that never contain the rejected value or any clinical data.
 */
public final class Problems {

    public static final String BASE = "/problems/";

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }

    /** "Missing or not yours": the caller cannot tell the two apart, so ids of other clinics leak nothing. */
    public static HttpProblem notFound(String recordType) {
        return problem(404, "not-found", "Not Found", "No " + recordType + " with this id is available to you.");
    }

    public static HttpProblem conflict(String slug, String title, String detail) {
        return problem(409, slug, title, detail);
    }

    public static HttpProblem gone(String slug, String detail) {
        return problem(410, slug, "Gone", detail);
    }

    /**
     * A valid token that no longer counts (its person was deactivated): 401 as RFC 6750 says of a revoked token,
     * with the challenge a client's token refresh looks for.
     */
    public static HttpProblem revoked(String slug, String detail) {
        return HttpProblem.builder()
                .withType(type(slug))
                .withStatus(401)
                .withTitle("Unauthorized")
                .withDetail(detail)
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .build();
    }

    /** A dependency the answer needs is briefly unavailable: 503 with Retry-After, so a client waits and retries. */
    public static HttpProblem unavailable(String slug, String detail, int retryAfterSeconds) {
        return HttpProblem.builder()
                .withType(type(slug))
                .withStatus(503)
                .withTitle("Service Unavailable")
                .withDetail(detail)
                .withHeader("Retry-After", Integer.toString(retryAfterSeconds))
                .build();
    }

    /** An upstream service (the identity provider) failed; nothing was changed. */
    public static HttpProblem badGateway(String slug, String detail) {
        return problem(502, slug, "Bad Gateway", detail);
    }

    public static HttpProblem forbidden(String slug, String detail) {
        return problem(403, slug, "Forbidden", detail);
    }

    public static HttpProblem preconditionRequired() {
        return preconditionRequired("Send the If-Match header with the ETag of the version you read.");
    }

    public static HttpProblem preconditionRequired(String detail) {
        return problem(428, "precondition-required", "Precondition Required", detail);
    }

    public static HttpProblem stale() {
        return problem(412, "stale-version", "Precondition Failed",
                "The record was changed after you read it. Read it again and reapply your change.");
    }

    /** A validation failure that Bean Validation cannot express, in the same shape as the library's. */
    public static HttpProblem invalid(String field, String in, String message) {
        return violation("validation", 400, "Bad Request", "The request has invalid fields.", field, in, message);
    }

    /**
     * Well-formed input the domain cannot accept: an unknown instrument or metric, answers that do not fit the
     * instrument, a value outside the metric's range. Same shape as {@link #invalid}, status 422.
     */
    public static HttpProblem unprocessable(String field, String in, String message) {
        return violation("unprocessable", 422, "Unprocessable Content",
                "The request is well-formed but its content cannot be accepted.", field, in, message);
    }

    /** A problem naming one field, in the {@code violations} shape of the library's validation problems. */
    private static HttpProblem violation(String kind, int status, String title, String detail, String field,
            String in, String message) {
        return HttpProblem.builder()
                .withType(type(kind))
                .withStatus(status)
                .withTitle(title)
                .withDetail(detail)
                .with("violations", List.of(new Violation(field, in, message)))
                .build();
    }

    /** One failed field, in the shape the library uses for Bean Validation failures. */
    public record Violation(String field, String in, String message) {
    }

    private static HttpProblem problem(int status, String slug, String title, String detail) {
        return HttpProblem.builder()
                .withType(type(slug))
                .withStatus(status)
                .withTitle(title)
                .withDetail(detail)
                .build();
    }
}
