package org.tandem.common;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start a production instance without an identity provider: quarkus-oidc would otherwise only disable
 * the tenant and answer 401 to everyone. (A missing database already stops Quarkus with its own clear message.)
 */
@ApplicationScoped
public class StartupChecks {

    void check(@Observes StartupEvent event,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl) {
        if (LaunchMode.current() == LaunchMode.NORMAL && authServerUrl.filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException("No identity provider configured: set QUARKUS_OIDC_AUTH_SERVER_URL "
                    + "(e.g. https://keycloak.example.org/realms/tandem), QUARKUS_OIDC_CLIENT_ID and "
                    + "QUARKUS_OIDC_CREDENTIALS_SECRET.");
        }
    }
}
