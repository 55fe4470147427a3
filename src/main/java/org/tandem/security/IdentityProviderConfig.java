package org.tandem.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Keycloak calls' settings (prefix {@code tandem.identity-provider}). */
@ConfigMapping(prefix = "tandem.identity-provider")
public interface IdentityProviderConfig {
    /**
     * How long a call to Keycloak (discovery, signing keys) may go without an answer before it fails. Quarkus
     * bounds only the connect; a Keycloak that accepts and never answers would otherwise hold a key refresh,
     * and the request that set it off, for good. Env: TANDEM_IDENTITY_PROVIDER_REQUEST_TIMEOUT.
     */
    @WithDefault("5s")
    java.time.Duration requestTimeout();
}
