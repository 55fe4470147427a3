package org.tandem.staff;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The staff lifecycle's settings (prefix {@code tandem.staff}). */
@ConfigMapping(prefix = "tandem.staff")
public interface StaffConfig {

    /**
     * How often each replica re-reads who is deactivated. A deactivation made on another replica is refused here
     * at most this long after it committed.
     */
    @WithDefault("2s")
    String revocationRefresh();

    /** How long an invitation's link (Keycloak's "update password" e-mail) stays valid. */
    @WithDefault("72h")
    Duration invitationLifespan();

    /**
     * Keycloak's Admin REST API for the realm, e.g. {@code https://id.example.org/admin/realms/tandem}. Left out, it
     * is derived from {@code quarkus.oidc.auth-server-url} ({@code /realms/} becomes {@code /admin/realms/}).
     */
    Optional<String> keycloakAdminUrl();

    /** How long one call to Keycloak's Admin REST API may take. */
    @WithDefault("5s")
    Duration keycloakTimeout();
}
