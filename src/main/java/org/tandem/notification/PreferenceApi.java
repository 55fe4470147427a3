package org.tandem.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.web.Tagged;

/** Request and response bodies of a partner's or a therapist's notification preferences. */
public final class PreferenceApi {

    private PreferenceApi() {
    }

    @Schema(description = "In the clinic's zone; may span midnight. Messages due then wait for its end; a reminder"
            + " that would then come after the session is not sent")
    public record QuietHours(@NotNull @Schema(examples = "22:00") LocalTime from,
            @NotNull @Schema(examples = "07:00") LocalTime until) {
    }

    public record PreferencesRequest(
            @NotNull @Schema(description = "Any e-mail at all") Boolean email,
            @NotNull @Schema(description = "A partner: session reminders and homework nudges (notices of booked,"
                    + " moved and cancelled sessions still come while email is on). A therapist: the daily agenda and"
                    + " review notes (safety alerts still come while email is on)") Boolean reminders,
            @NotNull @Schema(description = "Whether the clinic's own text-message service may send reminders; it"
                    + " reads this from the reminder.due event") Boolean sms,
            @Valid QuietHours quietHours,
            @Size(max = 10) @Schema(description = "A partner's own times before a session to be reminded: ISO-8601"
                    + " durations, at most four, each from PT15M to P14D; [] for none; left out: the clinic's."
                    + " Pending reminders of booked sessions follow", examples = "[\"P2D\", \"PT3H\"]")
            List<String> reminderOffsets) {
    }

    public record PreferencesResponse(boolean email, boolean reminders, boolean sms, QuietHours quietHours,
            @Schema(description = "The partner's own choice; null: the clinic's") List<String> reminderOffsets,
            @Schema(description = "The times before a session this partner is reminded at (their own, else the"
                    + " clinic's); null for a therapist") List<String> effectiveReminderOffsets,
            long version) implements Tagged {
    }
}
