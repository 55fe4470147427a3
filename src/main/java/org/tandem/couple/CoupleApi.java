package org.tandem.couple;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.web.Tagged;
import org.tandem.therapist.TherapistRef;

/** Request and response bodies of {@code /api/v1/couples}. None of them prints its contents. */
public final class CoupleApi {

    private CoupleApi() {
    }

    @Schema(description = "A partner as sent by the client. Seat order: the first item is seat 1, the second seat 2.")
    public record PartnerInput(
            @NotBlank @Size(max = 200) String fullName,
            @Size(max = 100) String preferredName,
            @Size(max = 40) String pronouns,
            @Past LocalDate dateOfBirth,
            @Email @Size(max = 320) String email,
            @Pattern(regexp = "[+0-9 ().\\-/]{3,40}", message = "must be a phone number of digits, spaces and + ( ) . - /")
            String phone,
            @Schema(description = "IN_RECOVERY or PARTNER; optional") RecoveryRole recoveryRole,
            @Schema(description = "Only for a partner IN_RECOVERY") @PastOrPresent LocalDate sobrietyDate) {

        @Override
        public String toString() {
            return "PartnerInput[redacted]";
        }
    }

    public record CreateCoupleRequest(
            @NotNull @Size(min = 2, max = 2, message = "must list exactly two partners") List<@NotNull @Valid PartnerInput> partners,
            @PastOrPresent LocalDate careStartedOn,
            @Size(max = 4000) String treatmentGoals,
            @Schema(description = "Admins: the primary therapist (optional). Therapists: omit it or give their own id;"
                    + " a couple a therapist creates is assigned to them.") UUID primaryTherapistId) {

        @Override
        public String toString() {
            return "CreateCoupleRequest[redacted]";
        }
    }

    public record UpdateCoupleRequest(
            @NotNull @Size(min = 2, max = 2, message = "must list exactly two partners") List<@NotNull @Valid PartnerInput> partners,
            @PastOrPresent LocalDate careStartedOn,
            @Size(max = 4000) String treatmentGoals) {

        @Override
        public String toString() {
            return "UpdateCoupleRequest[redacted]";
        }
    }

    public record StatusChangeRequest(
            @NotNull @Schema(description = "INTAKE -> ACTIVE | DISCHARGED; ACTIVE -> PAUSED | DISCHARGED;"
                    + " PAUSED -> ACTIVE | DISCHARGED; DISCHARGED -> INTAKE") CoupleStatus status) {
    }

    public record TherapistAssignmentRequest(
            @Schema(description = "The primary therapist, or null to leave the couple unassigned") UUID primaryTherapistId,
            @Size(max = 10) List<@NotNull UUID> coTherapistIds) {
    }

    public record PartnerResponse(UUID id, int seat, String fullName, String preferredName, String pronouns,
            LocalDate dateOfBirth, String email, String phone, RecoveryRole recoveryRole, LocalDate sobrietyDate) {

        @Override
        public String toString() {
            return "PartnerResponse[id=" + id + "]";
        }
    }

    public record CoupleResponse(UUID id, String code, CoupleStatus status, LocalDate careStartedOn,
            String treatmentGoals, TherapistRef primaryTherapist, List<TherapistRef> coTherapists,
            List<PartnerResponse> partners,
            @Schema(description = "Safety flags no therapist has acknowledged yet") int openSafetyFlags,
            long version, Instant createdAt, Instant updatedAt) implements Tagged {

        @Override
        public String toString() {
            return "CoupleResponse[id=" + id + "]";
        }
    }
}
