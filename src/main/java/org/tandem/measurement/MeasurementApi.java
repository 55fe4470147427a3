package org.tandem.measurement;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.ErrorMarkApi.EnteredInError;

/** Request and response bodies of the rating metrics and measurements. */
public final class MeasurementApi {

    private MeasurementApi() {
    }

    public record MeasurementRequest(
            @NotBlank @Size(max = 64) @Schema(description = "A metric key: built-in (trust, communication,"
                    + " emotional-intimacy, boundary-safety, hope) or one of the clinic's own") String metric,
            @Schema(description = "The partner it is about; omit for the couple as a whole") UUID partnerId,
            @NotNull @Schema(description = "The day it describes, in the clinic's calendar; not in the future")
            LocalDate date,
            @NotNull @Digits(integer = 6, fraction = 2) @Schema(description = "Within the metric's range")
            BigDecimal value,
            @NotNull Source source,
            @JsonProperty("private") @Schema(description = "Hide from the other partner's app. Default true for a"
                    + " partner's value; a couple's value is never private") Boolean isPrivate) {

        @Override
        public String toString() {
            return "MeasurementRequest[metric=" + metric + "]";
        }
    }

    /** A rating a partner records themselves (a self-report), about themselves or the couple. */
    public record MyRatingRequest(
            @NotBlank @Size(max = 64) @Schema(description = "A metric key, as in GET /api/v1/metrics") String metric,
            @Schema(description = "true: about the couple as a whole (never private); default: about me")
            Boolean aboutCouple,
            @NotNull @Schema(description = "The day it describes; not in the future") LocalDate date,
            @NotNull @Digits(integer = 6, fraction = 2) BigDecimal value,
            @JsonProperty("private") @Schema(description = "Hide from the other partner (default true)")
            Boolean isPrivate) {

        @Override
        public String toString() {
            return "MyRatingRequest[metric=" + metric + "]";
        }
    }

    public record MeasurementResponse(UUID id, UUID coupleId, UUID partnerId, String metric, LocalDate date,
            BigDecimal value, Source source, @JsonProperty("private") boolean isPrivate, Instant recordedAt,
            @Schema(description = "Set once the value was marked as recorded by mistake; it then counts nowhere")
            EnteredInError enteredInError) {

        @Override
        public String toString() {
            return "MeasurementResponse[id=" + id + "]";
        }
    }

    public record MetricRequest(
            @NotBlank @Size(max = 64) @Schema(description = "Lower-case letters, digits and dashes; unique in the"
                    + " clinic, and not a built-in key") String key,
            @NotBlank @Size(max = 120) String name,
            @NotNull @Digits(integer = 6, fraction = 2) BigDecimal min,
            @NotNull @Digits(integer = 6, fraction = 2) BigDecimal max,
            @NotNull Direction direction,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
            @Schema(description = "Test-retest reliability for reliable change; default 0.70") Double reliability,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000")
            @Schema(description = "Norm SD for reliable change; default a fifth of the range") Double normSd) {
    }

    public record MetricResponse(String key, String name, BigDecimal min, BigDecimal max, Direction direction,
            double reliability, double normSd, @Schema(description = "The smallest reliable change (95%)")
            double reliableChange, boolean builtIn) {

        static MetricResponse of(Metric m) {
            return new MetricResponse(m.key(), m.name(), m.min(), m.max(), m.direction(), m.reliability(),
                    m.normSd(), ReliableChange.threshold(m.norms()),
                    m.builtIn());
        }
    }
}
