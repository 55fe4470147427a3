package org.tandem.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of marking an entry as entered in error. */
public final class ErrorMarkApi {

    private ErrorMarkApi() {
    }

    public record EnteredInError(Instant at, String reason) {

        @Override
        public String toString() {
            return "EnteredInError[at=" + at + "]";
        }
    }

    public record EnteredInErrorRequest(
            @NotBlank @Size(max = 500) @Schema(description = "Why the entry is wrong, for the record (e.g. \"meant 8,"
                    + " not 3\"); seen by the couple's therapists") String reason) {

        @Override
        public String toString() {
            return "EnteredInErrorRequest[]";
        }
    }
}
