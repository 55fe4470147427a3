package org.tandem.clinic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.notification.Notifications;
import org.tandem.notification.ReminderOffsets;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.common.web.Problems;
import org.tandem.common.web.Tagged;
import org.tandem.common.web.Versions;
import org.tandem.security.Caller;

/** The caller's own clinic: its name, time zone, late-cancel window, reminders and screening rule. */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class ClinicService {

    public record ClinicResponse(String key, String name, String timeZone, int lateCancelHours,
            @Schema(description = "How long before a session each partner is reminded, unless they chose otherwise;"
                    + " null: the deployment's default") List<String> reminders,
            @Schema(description = "Whether each partner must have been screened for intimate-partner violence"
                    + " before a couple's first joint session is booked") boolean ipvScreeningRequired,
            long version) implements Tagged {
    }

    public record ClinicSettingsRequest(@NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 64) String timeZone,
            @NotNull @Min(0) @Max(168) Integer lateCancelHours,
            @Schema(description = "ISO-8601 durations before a session, at most four, each from PT15M to P14D;"
                    + " whole days keep the local time across daylight-saving changes; [] for none; left out: the"
                    + " deployment's default. Pending reminders of booked sessions follow a change",
                    examples = "[\"P1D\", \"PT2H\"]") List<String> reminders,
            @Schema(description = "true: a couple's first joint session (not the intake) is booked only once a"
                    + " therapist has recorded a screening of each partner; couples already in joint work go on;"
                    + " left out: unchanged") Boolean ipvScreeningRequired) {
    }

    private final ClinicRepository clinics;
    private final Caller caller;
    private final AuditLog audit;
    private final Notifications notifications;

    public ClinicResponse get() {
        return toResponse(clinics.findById(caller.clinicId()));
    }

    public ClinicResponse update(long expectedVersion, ClinicSettingsRequest request) {
        Clinic clinic = clinics.findById(caller.clinicId());
        Versions.requireCurrent(expectedVersion, clinic.getVersion());
        ZoneId zone;
        try {
            zone = ZoneId.of(request.timeZone().trim());
        } catch (DateTimeException e) {
            throw Problems.invalid("timeZone", "body", "must be an IANA time zone, e.g. Europe/Berlin");
        }
        String before = clinic.getReminderOffsets();
        String offsets = ReminderOffsets.format(ReminderOffsets.parse(request.reminders(), "reminders"));
        clinic.updateSettings(request.name().trim(), zone, request.lateCancelHours(), offsets,
                request.ipvScreeningRequired() == null ? clinic.isIpvScreeningRequired()
                        : request.ipvScreeningRequired());
        clinics.flush();
        if (!java.util.Objects.equals(before, offsets)) {
            notifications.replanReminders(clinic.getId(), null);
        }
        audit.success("clinic.update", "clinic", clinic.getId());
        return toResponse(clinic);
    }

    private static ClinicResponse toResponse(Clinic c) {
        return new ClinicResponse(c.getKey(), c.getName(), c.getTimeZone().getId(), c.getLateCancelHours(),
                ReminderOffsets.show(ReminderOffsets.read(c.getReminderOffsets())), c.isIpvScreeningRequired(),
                c.getVersion());
    }
}
