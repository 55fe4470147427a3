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

    /** A partner's own agreement to a version. */
    public record Consent(int versionNumber, UUID partnerId, Instant agreedAt) {
    }

    /** A boundary as a partner sees it: what is agreed now, and who of the two has said so themselves. */
    public record MyBoundaryResponse(UUID id, BoundaryStatus status, LocalDate nextReviewOn, VersionResponse current,
            @Schema(description = "Each partner's own agreement to the current version") List<Consent> consents) {

        @Override
        public String toString() {
            return "MyBoundaryResponse[id=" + id + "]";
        }
    }

    public record BoundaryResponse(UUID id, UUID coupleId, String coupleCode, BoundaryStatus status,
            LocalDate nextReviewOn, VersionResponse current, List<VersionResponse> history, long version) implements Tagged {

        @Override
        public String toString() {
            return "BoundaryResponse[id=" + id + "]";
        }
    }

    @Schema(description = "A boundary broken by one partner on one day; no free text")
    public record BoundaryBreakRequest(@NotNull UUID partnerId,
            @Schema(description = "Default: today") LocalDate occurredOn) {
    }

    public record BoundaryBreakResponse(UUID id, UUID coupleId, UUID boundaryId, UUID brokenBy, LocalDate occurredOn,
            String recordedBy, Instant createdAt) {
    }
}
