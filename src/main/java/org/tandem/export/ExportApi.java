package org.tandem.export;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of {@code /api/v1/exports}. */
public final class ExportApi {

    private ExportApi() {
    }

    public record ExportRequest(
            @NotNull @Schema(description = "OBSERVATIONS (admin: clinic; therapist: own couples), FHIR or AUDIT_LOG"
                    + " (admin)") ExportKind kind,
            @NotNull @Schema(description = "OBSERVATIONS and AUDIT_LOG: CSV or NDJSON; FHIR: FHIR_NDJSON")
            ExportFormat format,
            @NotNull @Schema(description = "First day, in the clinic's calendar") LocalDate from,
            @NotNull @Schema(description = "Last day, inclusive") LocalDate to) {
    }

    public record ExportResponse(UUID id, ExportKind kind, ExportFormat format, LocalDate from, LocalDate to,
            ExportStatus status, @Schema(description = "Rows (or FHIR resources) written so far") long rowsWritten,
            @Schema(description = "Estimated rows, counted when the job started") Long rowsExpected,
            @Schema(description = "0-100; 100 only when SUCCEEDED") int percent, long bytes, int attempts,
            String error, Instant createdAt, Instant startedAt, Instant finishedAt,
            @Schema(description = "When the file is deleted") Instant expiresAt,
            @Schema(description = "Where to download the file once SUCCEEDED") String contentUrl) {

        static ExportResponse of(ExportJob j) {
            int percent;
            if (j.getStatus() == ExportStatus.SUCCEEDED || j.getStatus() == ExportStatus.EXPIRED) {
                percent = 100;
            } else if (j.getRowsExpected() == null || j.getRowsExpected() == 0) {
                percent = 0;
            } else {
                percent = (int) Math.min(99, 100 * j.getRowsWritten() / j.getRowsExpected());
            }
            return new ExportResponse(j.getId(), j.getKind(), j.getFormat(), j.getFrom(), j.getTo(), j.getStatus(),
                    j.getRowsWritten(), j.getRowsExpected(), percent, j.getBytesWritten(), j.getAttempts(),
                    j.getError(), j.getCreatedAt(), j.getStartedAt(), j.getFinishedAt(), j.getExpiresAt(),
                    j.getStatus() == ExportStatus.SUCCEEDED ? "/api/v1/exports/" + j.getId() + "/content" : null);
        }
    }
}
