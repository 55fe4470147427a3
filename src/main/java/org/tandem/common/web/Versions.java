package org.tandem.common.web;

import jakarta.ws.rs.core.EntityTag;
import java.util.Optional;

/** Optimistic concurrency over HTTP: the entity version travels as a strong ETag and comes back in If-Match. */
public final class Versions {

    private Versions() {
    }

    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The ETag of a response body: its version if it is {@link Tagged}. */
    public static Optional<EntityTag> etagOf(Object body) {
        return body instanceof Tagged tagged ? Optional.of(etag(tagged.version())) : Optional.empty();
    }

    /**
     * The version the client read, from its If-Match header.
     *
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 428 when absent or {@code *}, 412 when it cannot match
     *         any version
     */
    public static long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired();
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            // RFC 9110 lets * match any current version: that is an unconditional write, which is exactly what
            // requiring If-Match exists to refuse (RFC 6585, 428). Not 412: nothing the client sent is outdated.
            throw Problems.preconditionRequired("If-Match: * matches any version, so it cannot keep you from"
                    + " overwriting a change you have not seen. Send the ETag of the version you read.");
        }
        if (tag.length() < 3 || tag.length() > 22 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
            throw Problems.stale();
        }
        try {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            throw Problems.stale();
        }
    }

    /** Compares before any change is made, so a stale write changes nothing. */
    public static void requireCurrent(long expected, long actual) {
        if (expected != actual) {
            throw Problems.stale();
        }
    }
}
