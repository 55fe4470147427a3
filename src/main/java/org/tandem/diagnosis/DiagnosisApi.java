package org.tandem.diagnosis;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.web.Tagged;

/** Request and response bodies of diagnoses and the code list. */
public final class DiagnosisApi {

    private DiagnosisApi() {
    }

    public record DiagnosisRequest(
            @NotBlank @Size(max = 8) @Schema(description = "An ICD-10-CM code from the clinic's list"
                    + " (GET /api/v1/diagnosis-codes)", examples = "F43.21") String code,
            @Schema(description = "When it began, if known; not in the future") LocalDate onsetOn) {

        @Override
        public String toString() {
            return "DiagnosisRequest[]";
        }
    }

    public record ResolveRequest(@NotNull @Schema(description = "The day it no longer applied; not before the onset,"
            + " not in the future") LocalDate resolvedOn) {
    }

    public record DiagnosisResponse(UUID id, UUID coupleId, UUID partnerId,
            @Schema(description = "Therapists of the couple only; null for an admin") String code,
            @Schema(description = "As the code list describes the code; therapists only") String description,
            @Schema(description = "Therapists only") LocalDate onsetOn, DiagnosisStatus status,
            LocalDate resolvedOn,
            @Schema(description = "Who recorded it: the therapist's account (token subject); therapists only")
            String recordedBy, Instant recordedAt, Instant updatedAt, long version) implements Tagged {

        @Override
        public String toString() {
            return "DiagnosisResponse[id=" + id + ", status=" + status + "]";
        }
    }

    public record CodeRequest(
            @NotBlank @Size(max = 8) @Schema(description = "ICD-10-CM, e.g. F42.8", examples = "F42.8") String code,
            @NotBlank @Size(max = 255) @Schema(description = "The code's title as the classification gives it")
            String description,
            @NotBlank @Size(max = 255) @Schema(description = "Where the code comes from, e.g. ICD-10-CM FY2026")
            String source) {
    }

    public record CodeResponse(UUID id, String code, String description, String source,
            @Schema(description = "Shipped with Tandem; false: added by the clinic") boolean starter) {
    }
}
