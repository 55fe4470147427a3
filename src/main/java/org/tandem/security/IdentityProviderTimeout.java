package org.tandem.security;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.common.OidcRequestFilter;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Puts a deadline on every call the OIDC extension makes to Keycloak (discovery, signing keys).
 * {@code quarkus.oidc.connection-timeout} covers only the TCP connect: against a Keycloak that accepts
 * connections and never answers (overloaded, or behind a balancer that lost it), the signing-key refresh that a
 * token with an unknown key id sets off waited for good, and so did the request that carried the token. With
 * the deadline the call fails, the request gets 401, and the next refresh connects afresh ({@code KeycloakHangsIT}).
 */
@ApplicationScoped
@Unremovable // the OIDC extension looks its filters up at run time: nothing injects this, so ArC would drop it
class IdentityProviderTimeout implements OidcRequestFilter {

    private final long millis;

    IdentityProviderTimeout(IdentityProviderConfig config) {
        this.millis = config.requestTimeout().toMillis();
    }

    @Override
    public void filter(OidcRequestContext context) {
        context.request().idleTimeout(millis);
    }
}
