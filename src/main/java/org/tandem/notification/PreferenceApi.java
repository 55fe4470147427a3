package org.tandem.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.web.Tagged;

/** Request and response bodies of a partner's notification preferences. */
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
            @NotNull @Schema(description = "Session reminders (notices of booked, moved and cancelled sessions still"
                    + " come while email is on)") Boolean reminders,
            @NotNull @Schema(description = "Whether the clinic's own text-message service may send reminders; it"
                    + " reads this from the reminder.due event") Boolean sms,
            @Valid QuietHours quietHours) {
    }

    public record PreferencesResponse(boolean email, boolean reminders, boolean sms, QuietHours quietHours,
            long version) implements Tagged {
    }
}
