package org.tandem.consent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.common.web.Tagged;

/** Request and response bodies of consent templates and signatures. */
public final class ConsentApi {

    static final int MAX_TEXT = 50_000;

    private ConsentApi() {
    }

    public record TemplateRequest(@NotNull ConsentKind kind,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = MAX_TEXT) @Schema(description = "The exact text partners read and sign") String text,
            @Schema(description = "Both partners must have signed the current version before the couple's first"
                    + " session is completed or noted") boolean requiredBeforeFirstSession) {

        @Override
        public String toString() {
            return "TemplateRequest[kind=" + kind + "]";
        }
    }

    public record TemplateChange(@NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = MAX_TEXT) @Schema(description = "A different text makes a new version") String text,
            boolean requiredBeforeFirstSession) {

        @Override
        public String toString() {
            return "TemplateChange[]";
        }
    }

    public record VersionResponse(int number, String text,
            @Schema(description = "Lower-case hex SHA-256 of the text's UTF-8 bytes") String textSha256,
            Instant createdAt) {

        @Override
        public String toString() {
            return "VersionResponse[number=" + number + "]";
        }
    }

    public record TemplateResponse(UUID id, ConsentKind kind, String title, boolean requiredBeforeFirstSession,
            ConsentTemplate.Status status, VersionResponse current,
            @Schema(description = "Every version, oldest first") List<VersionResponse> versions, long version)
            implements Tagged {

        @Override
        public String toString() {
            return "TemplateResponse[id=" + id + "]";
        }
    }

    public record ReleaseTo(
            @NotBlank @Size(max = 200) @Schema(description = "Who may receive information, e.g. a named"
                    + " individual therapist") String party,
            @NotBlank @Size(max = 1000) @Schema(description = "What may be shared and for what") String scope,
            @NotNull @Schema(description = "The last day the release holds; at most two years ahead")
            LocalDate expiresOn) {

        @Override
        public String toString() {
            return "ReleaseTo[expiresOn=" + expiresOn + "]";
        }
    }

    public record SignRequest(
            @NotNull @Positive @Schema(description = "The version read") Integer version,
            @NotBlank @Pattern(regexp = "[0-9a-f]{64}") @Schema(description = "SHA-256 of the text shown, as the"
                    + " template gives it: the signature is refused when the text changed meanwhile")
            String textSha256,
            @NotBlank @Size(max = 200) @Schema(description = "The signer's name, typed as their signature")
            String typedName,
            @Valid @Schema(description = "Required for a release of information, refused otherwise")
            ReleaseTo releaseTo) {

        @Override
        public String toString() {
            return "SignRequest[version=" + version + "]";
        }
    }

    /** A signature; who signed and the release's party are for the couple's clinicians and the signer. */
    public record SignatureResponse(UUID id, UUID templateId, ConsentKind kind, String title, UUID partnerId,
            int versionNumber, String textSha256,
            @Schema(description = "Signed the template's current version") boolean current,
            SignatureStatus status, Instant signedAt, Instant revokedAt, LocalDate expiresOn,
            @Schema(description = "The signer and their clinicians only") String typedName,
            @Schema(description = "The address the signature came from; the signer and their clinicians only")
            String signedFrom,
            @Schema(description = "For a release of information; the signer and their clinicians only")
            ReleaseView releaseTo) {

        @Override
        public String toString() {
            return "SignatureResponse[id=" + id + ", status=" + status + "]";
        }
    }

    public record ReleaseView(String party, String scope) {

        @Override
        public String toString() {
            return "ReleaseView[]";
        }
    }

    public enum SignatureStatus {
        SIGNED, REVOKED, EXPIRED
    }

    /** A required consent a partner has not signed (in its current version, in force). */
    public record Missing(UUID partnerId, UUID templateId, String title, ConsentKind kind) {
    }

    public record CoupleConsents(UUID coupleId,
            @Schema(description = "What must still be signed before the first session is completed or noted")
            List<Missing> missingBeforeFirstSession, List<SignatureResponse> signatures) {
    }

    /** An active template as a partner sees it: its current text to read and sign, and their own signatures. */
    public record MyConsent(UUID templateId, ConsentKind kind, String title, boolean requiredBeforeFirstSession,
            VersionResponse current, @Schema(description = "Signed the current version, in force") boolean signed,
            List<SignatureResponse> mySignatures) {

        @Override
        public String toString() {
            return "MyConsent[template=" + templateId + "]";
        }
    }
}
