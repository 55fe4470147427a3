package org.tandem.security;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.PersistenceException;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tandem.common.web.Problems;
import org.tandem.staff.StaffMember;
import org.tandem.staff.StaffRevocations;

/**
 * Who is calling, for the length of one request: subject, roles, clinic and, for therapists, their therapist record
 * (created on their first call). Identity only: what the caller may do is {@link AccessPolicy}'s to decide.
 */
@RequestScoped
@RequiredArgsConstructor
public class Caller {

    /** Token claim holding the clinic's key, mapped from a Keycloak user or service-account attribute. */
    public static final String CLINIC_CLAIM = "clinic";
    /** Token claim of a partner's account id, mapped from the Keycloak user's attribute of the same name. */
    public static final String PARTNER_CLAIM = "partner_account";

    private final SecurityIdentity identity;
    private final Instance<JsonWebToken> token;
    private final Instance<HttpServerRequest> request;
    private final CallerDirectory directory;
    private final CallerCache cache;
    private final StaffRevocations revocations;
    private final PartnerBindings partners;
    private CallerDirectory.Resolved resolved;

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    public String subject() {
        String sub = jwt().getSubject();
        return sub != null ? sub : identity.getPrincipal().getName();
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    public boolean isTherapist() {
        return identity.hasRole(Roles.THERAPIST);
    }

    /** The caller's Tandem roles, sorted, for the audit log. */
    public Set<String> roles() {
        Set<String> roles = new TreeSet<>();
        for (String role : new String[] {Roles.ADMIN, Roles.THERAPIST, Roles.INTEGRATION, Roles.PARTNER}) {
            if (identity.hasRole(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** The OAuth2 client the token was issued to ({@code azp}), e.g. a clinic's integration. */
    public String clientId() {
        return claim("azp");
    }

    /** The clinic's key from the token, or null. */
    public String clinicKey() {
        String key = isAuthenticated() ? claim(CLINIC_CLAIM) : null;
        return key == null || key.isBlank() ? null : key.trim();
    }

    public UUID clinicId() {
        return resolve().clinicId();
    }

    /** The caller's own therapist record, when they have the therapist role. */
    public Optional<UUID> therapistId() {
        return Optional.ofNullable(resolve().therapistId());
    }

    /** Whether the token was granted an OAuth2 scope (its space-separated {@code scope} claim). */
    public boolean hasScope(String scope) {
        String granted = claim("scope");
        return granted != null && java.util.Arrays.asList(granted.split(" ")).contains(scope);
    }

    /** A clinic's software (client credentials), not a person of the clinic. */
    public boolean isIntegration() {
        return identity.hasRole(Roles.INTEGRATION) && !isAdmin() && !isTherapist();
    }

    /**
     * A partner of a couple, signed in themselves. A token that also carries a staff or integration role is none of
     * these kinds' partner: staff and partners never share an account.
     */
    public boolean isPartner() {
        return identity.hasRole(Roles.PARTNER) && !isAdmin() && !isTherapist()
                && !identity.hasRole(Roles.INTEGRATION);
    }

    /** The partner record a partner's token is bound to, when the caller is a partner. */
    public Optional<PartnerBindings.Bound> partner() {
        return Optional.ofNullable(resolve().partner());
    }

    public String clientAddress() {
        if (!request.isResolvable()) {
            return null;
        }
        var address = request.get().remoteAddress();
        return address == null ? null : address.hostAddress();
    }

    private CallerDirectory.Resolved resolve() {
        if (resolved != null) {
            return resolved;
        }
        String clinic = clinicKey();
        if (clinic == null || clinic.length() > 64) {
            throw Problems.forbidden("no-clinic", "Your account is not linked to a clinic. Ask your administrator.");
        }
        if (isPartner()) {
            resolved = resolvePartner(clinic);
            return resolved;
        }
        StaffMember.Profile profile = profile();
        if ((profile.admin() || profile.therapist()) && revocations.isRevoked(subject())) {
            // Checked before the cache: a deactivation reaches every replica within seconds, not when entries expire.
            throw deactivated();
        }
        CallerCache.Key key = new CallerCache.Key(clinic, subject(), profile);
        CallerDirectory.Resolved cached = cache.get(key);
        if (cached != null) {
            resolved = cached;
            return resolved;
        }
        try {
            resolved = directory.resolve(clinic, subject(), profile);
        } catch (CallerDirectory.ClinicMismatchException e) {
            throw Problems.forbidden("no-clinic", "Your account is linked to a different clinic than before. Ask your administrator.");
        } catch (CallerDirectory.DeactivatedException e) {
            throw deactivated();
        } catch (PersistenceException e) {
            // A concurrent first request of the same caller created the rows: they exist now.
            resolved = directory.resolve(clinic, subject(), profile);
        }
        cache.put(key, resolved);
        return resolved;
    }

    /**
     * A partner's binding, read on every request rather than cached: revoking an account or discharging the couple
     * refuses the next request on every replica.
     */
    private CallerDirectory.Resolved resolvePartner(String clinic) {
        UUID account;
        try {
            account = UUID.fromString(String.valueOf(claim(PARTNER_CLAIM)));
        } catch (IllegalArgumentException e) {
            throw Problems.forbidden("no-partner", "Your account is not linked to a partner record. Ask your therapist.");
        }
        PartnerBindings.Bound bound = partners.bind(account, subject(), clinic, jwt().getIssuedAtTime()).orElseThrow(
                () -> Problems.revoked("account-revoked", "Your account is no longer active. Ask your therapist."));
        return new CallerDirectory.Resolved(bound.clinicId(), null, bound);
    }

    private static HttpProblem deactivated() {
        return Problems.revoked("account-deactivated",
                "Your account at this clinic is deactivated. Ask your administrator.");
    }

    /**
     * Resolves the caller ahead of the operation, outside its transaction: the lookup runs in a transaction of its
     * own, which inside the operation's would hold a second pooled connection. A failure is left for the operation
     * to meet (and answer) when it asks who is calling.
     */
    void resolveAhead() {
        if (resolved != null || !isAuthenticated() || clinicKey() == null) {
            return;
        }
        try {
            resolve();
        } catch (HttpProblem problem) {
            if (problem.getStatusCode() == 401) {
                throw problem; // a deactivated person: no operation runs, whether or not it asks who is calling
            }
            resolved = null;
        } catch (RuntimeException leftForTheOperation) {
            resolved = null;
        }
    }

    private StaffMember.Profile profile() {
        String username = claim("preferred_username");
        String name = claim("name");
        String display = name != null ? name : (username != null ? username : subject());
        return new StaffMember.Profile(truncate(username, 255), truncate(display, 200),
                truncate(claim("email"), 320), isAdmin(), isTherapist());
    }

    /**
     * A claim of the caller's access token, as text. Read from the verified claims themselves when Quarkus OIDC
     * gives them: {@link JsonWebToken#getClaim} first looks the name up among the standard claims, and for any
     * other name (clinic, scope, name) throws and catches an exception inside, several times a request.
     */
    private String claim(String name) {
        Object value = identity.getPrincipal() instanceof OidcJwtCallerPrincipal verified
                ? verified.getClaims().getClaimValue(name)
                : jwt().getClaim(name);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value == null ? null : value.toString();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private JsonWebToken jwt() {
        return token.get();
    }
}
