package org.tandem.scheduling;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.web.ShownOnce;
import org.tandem.common.web.Tagged;
import org.tandem.therapist.TherapistRef;

/** Request and response bodies of the scheduling endpoints. */
public final class SchedulingApi {

    private SchedulingApi() {
    }

    static final String TIME_DOC = "ISO-8601 date-time with an offset, or without one in the clinic's time zone";
    static final String HTTPS = "https://[^\\s]{1,490}";

    public record CreateSessionRequest(
            @NotNull UUID coupleId,
            @Schema(description = "Admins: required. Therapists: omit it or give their own id.") UUID therapistId,
            @NotNull SessionKind kind,
            @Schema(description = "Required for INDIVIDUAL sessions, absent otherwise") UUID partnerId,
            @NotNull @Schema(description = TIME_DOC) String start,
            @NotNull @Schema(description = TIME_DOC) String end,
            @NotNull Modality modality,
            @Size(max = 200) String location,
            @Size(max = 500) @Pattern(regexp = HTTPS, message = "must be an https URL") String videoLink) {
    }

    public record RescheduleRequest(
            @NotNull @Schema(description = TIME_DOC) String start,
            @NotNull @Schema(description = TIME_DOC) String end) {
    }

    public record CancelRequest(
            @NotNull CancelledBy cancelledBy,
            @Size(max = 500) String reason) {

        @Override
        public String toString() {
            return "CancelRequest[cancelledBy=" + cancelledBy + "]";
        }
    }

    public record CreateSeriesRequest(
            @NotNull UUID coupleId,
            UUID therapistId,
            @NotNull SessionKind kind,
            UUID partnerId,
            @NotNull @Schema(description = "The first occurrence; " + TIME_DOC) String firstStart,
            @NotNull @Min(1) @Max(480) Integer durationMinutes,
            @Schema(description = "1 = weekly, 2 = every other week (default 1)") @Min(1) @Max(8) Integer intervalWeeks,
            @Schema(description = "Last date (clinic's zone) an occurrence may fall on") LocalDate until,
            @Schema(description = "Number of occurrences") @Min(1) @Max(104) Integer count,
            @NotNull Modality modality,
            @Size(max = 200) String location,
            @Size(max = 500) @Pattern(regexp = HTTPS, message = "must be an https URL") String videoLink,
            @Schema(description = "FAIL (default): any clash fails the whole series with 409 listing every clash."
                    + " SKIP: create the others and list the clashing ones as skipped.") ConflictPolicy onConflict) {
    }

    public enum ConflictPolicy {
        FAIL,
        SKIP
    }

    public record SeriesChangeRequest(
            @NotNull @Schema(description = "The occurrence from which on the change applies") UUID fromSessionId,
            @Schema(description = "New wall-clock start time of each occurrence, HH:mm (clinic's zone)")
            @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String newStartTime,
            @Min(1) @Max(480) Integer durationMinutes) {
    }

    public record SeriesCancelRequest(
            @NotNull UUID fromSessionId,
            @NotNull CancelledBy cancelledBy,
            @Size(max = 500) String reason) {
    }

    public record WorkingHoursBlock(
            @NotNull @Schema(description = "MONDAY ... SUNDAY") java.time.DayOfWeek day,
            @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String start,
            @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d|24:00", message = "must be HH:mm") String end) {
    }

    public record WorkingHoursRequest(@NotNull @Size(max = 50) List<@NotNull @Valid WorkingHoursBlock> blocks) {
    }

    public record Cancellation(CancelledBy cancelledBy, String reason, Instant cancelledAt, boolean late) {

        @Override
        public String toString() {
            return "Cancellation[" + cancelledBy + "]";
        }
    }

    public record RescheduleEntry(Instant previousStart, Instant previousEnd, Instant newStart, Instant newEnd,
            Instant changedAt, String changedBy) {
    }

    public record SessionResponse(UUID id, UUID coupleId, String coupleCode, TherapistRef therapist, UUID partnerId,
            UUID seriesId, Integer seriesIndex, Instant start, Instant end, OffsetDateTime localStart,
            OffsetDateTime localEnd, String timeZone, SessionKind kind, Modality modality, String location,
            String videoLink, SessionStatus status, Cancellation cancellation, List<RescheduleEntry> reschedules,
            @Schema(description = "The couple has safety flags no therapist has acknowledged yet")
            boolean coupleSafetyFlag, long version, Instant createdAt, Instant updatedAt) implements Tagged {
    }

    /** A session as a partner sees it: when, where, with whom; no couple code, notes or flags. */
    public record MySessionResponse(UUID id, SessionKind kind,
            @Schema(description = "True for an individual session (mine)") boolean individual, Instant start,
            Instant end, OffsetDateTime localStart, OffsetDateTime localEnd, String timeZone, Modality modality,
            String location, String videoLink, SessionStatus status, TherapistRef therapist) {

        @Override
        public String toString() {
            return "MySessionResponse[id=" + id + "]";
        }
    }

    public record Clash(int index, Instant start, Instant end, UUID conflictingSessionId) {
    }

    public record SeriesResponse(UUID id, UUID coupleId, UUID therapistId, UUID partnerId, SessionKind kind,
            Modality modality, String firstLocalStart, int durationMinutes, int intervalWeeks, LocalDate until,
            Integer count, boolean openEnded, boolean ended, String timeZone, List<SessionResponse> occurrences,
            List<Clash> skipped, long version) implements Tagged {
    }

    public record FreeSlot(Instant start, Instant end, OffsetDateTime localStart, OffsetDateTime localEnd) {
    }

    /** A therapist's calendar feed as an admin sees it: whose, and since when; never its URL. */
    public record ClinicFeedResponse(TherapistRef therapist, Instant createdAt) {
    }

    public record CalendarFeedResponse(
            @ShownOnce @Schema(description = "The secret feed URL: shown once; null on a replay of the request")
            String url,
            Instant createdAt) {

        @Override
        public String toString() {
            return "CalendarFeedResponse[createdAt=" + createdAt + "]";
        }
    }
}
