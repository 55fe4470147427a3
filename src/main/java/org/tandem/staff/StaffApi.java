package org.tandem.staff;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of {@code /api/v1/staff}. None of them prints a person's name or address. */
public final class StaffApi {

    /** Keycloak's person-name rule: these characters are refused there, so they are refused here first. */
    private static final String PERSON_NAME = "[^<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]+";
    private static final String PERSON_NAME_MESSAGE = "must not contain < > & \" $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( )";

    private StaffApi() {
    }

    @Schema(description = "Someone to invite into the clinic. Their sign-in name is the e-mail address.")
    public record InviteRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) @Pattern(regexp = PERSON_NAME, message = PERSON_NAME_MESSAGE) String firstName,
            @NotBlank @Size(max = 100) @Pattern(regexp = PERSON_NAME, message = PERSON_NAME_MESSAGE) String lastName,
            @Schema(description = "admin, therapist, or both")
            @NotEmpty Set<@NotNull @Pattern(regexp = "admin|therapist", message = "must be admin or therapist") String> roles) {

        @Override
        public String toString() {
            return "InviteRequest[roles=" + roles + "]";
        }
    }

    @Schema(description = "A person of the clinic's staff. For a therapist, id is also their therapist id.")
    public record StaffResponse(
            UUID id,
            String username,
            String displayName,
            String email,
            @Schema(description = "The roles their last token carried, or those they were invited with") List<String> roles,
            StaffStatus status,
            Instant invitedAt,
            Instant joinedAt,
            Instant deactivatedAt,
            long version) {

        @Override
        public String toString() {
            return "StaffResponse[id=" + id + ", status=" + status + "]";
        }
    }

    @Schema(description = "The invited person, and whether Keycloak sent them the e-mail to set their password")
    public record InvitationResponse(
            StaffResponse member,
            @Schema(description = "False when Keycloak could not send it (no mail server set in the realm): send it"
                    + " again with POST /api/v1/staff/{id}/invitation") boolean invitationSent) {
    }

    @Schema(description = "The deactivated person, and the couples in care that still name them as a therapist")
    public record DeactivationResponse(
            StaffResponse member,
            @Schema(description = "Whether their Keycloak account is disabled and its sessions ended; when false,"
                    + " Tandem refuses them anyway, and repeating the deactivation tries Keycloak again")
            boolean signInDisabled,
            @Schema(description = "Not discharged, primary or co-therapist; reassign with PUT /api/v1/couples/{id}/therapists")
            List<CoupleToReassign> couplesToReassign,
            @Schema(description = "Their scheduled sessions that have not started; list them with"
                    + " GET /api/v1/sessions?therapistId={id}&status=SCHEDULED, then move or cancel them")
            long sessionsToMove) {
    }

    /** A couple by code only: what an admin needs to find it, and nothing clinical. */
    public record CoupleToReassign(UUID id, String code, String status,
            @Schema(description = "primary or co-therapist") String assignment) {
    }
}
