package org.tandem.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.web.Tagged;

/** Request and response bodies of {@code /api/v1/couples/{id}/boundaries}. None prints its text. */
public final class BoundaryApi {

    private BoundaryApi() {
    }

    public record BoundaryRequest(
            @NotBlank @Size(max = 2000) String text,
            @NotNull @Schema(description = "The partner who asked for it") UUID requestedBy,
            @Schema(description = "The partner it protects; omit for both") UUID protects,
            @NotNull LocalDate agreedOn,
            LocalDate nextReviewOn) {

        @Override
        public String toString() {
            return "BoundaryRequest[redacted]";
        }
    }

    public record ReviewRequest(@NotNull LocalDate nextReviewOn) {
    }

    public record VersionResponse(int number, String text, UUID requestedBy, UUID protects, LocalDate agreedOn,
            BoundaryStatus status, Instant createdAt) {

        @Override
        public String toString() {
            return "VersionResponse[number=" + number + "]";
        }
    }

    public record BoundaryResponse(UUID id, UUID coupleId, String coupleCode, BoundaryStatus status,
            LocalDate nextReviewOn, VersionResponse current, List<VersionResponse> history, long version) implements Tagged {

        @Override
        public String toString() {
            return "BoundaryResponse[id=" + id + "]";
        }
    }
}
