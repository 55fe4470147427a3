package org.tandem.partner;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.web.ShownOnce;
import org.tandem.couple.RecoveryRole;

/** Request and response bodies of partner accounts and a partner's own profile. */
public final class PartnerApi {

    private PartnerApi() {
    }

    public record InviteRequest(
            @Email @Size(max = 254) @Schema(description = "The address the partner signs in with; default: the"
                    + " partner record's e-mail") String email) {

        @Override
        public String toString() {
            return "InviteRequest[]";
        }
    }

    public record AccountResponse(UUID accountId, UUID partnerId, PartnerAccountStatus status, Instant invitedAt,
            Instant activationExpiresAt, Instant activatedAt, Instant revokedAt) {
    }

    public record InvitationResponse(AccountResponse account,
            @ShownOnce @Schema(description = "The one-time activation code: shown once, here, and kept only as a hash. Hand it"
                    + " to the partner (or send it from the clinic's app); they choose their password with it at"
                    + " POST /api/v1/partner-activation before activationExpiresAt") String activationCode,
            @Schema(description = "Whether Keycloak also e-mailed the partner a link to set their password")
            boolean emailSent) {

        @Override
        public String toString() {
            return "InvitationResponse[account=" + account.accountId() + "]";
        }
    }

    public record ActivationRequest(
            @NotBlank @Size(max = 64) String code,
            @NotBlank @Size(min = 10, max = 128) @Schema(description = "The partner's new password; the realm's"
                    + " password policy may ask more") String password) {

        @Override
        public String toString() {
            return "ActivationRequest[]";
        }
    }

    public record ActivationResponse(@Schema(description = "The username to sign in with") String username) {
    }

    public record ShareRequest(
            @NotNull @Schema(description = "true: the other partner sees it; false: only you and your therapists")
            Boolean shared) {
    }

    public record MeResponse(UUID partnerId, UUID coupleId, int seat,
            @Schema(description = "Preferred name, or the full name when none is set") String name, String pronouns,
            RecoveryRole recoveryRole) {

        @Override
        public String toString() {
            return "MeResponse[partnerId=" + partnerId + "]";
        }
    }
}
