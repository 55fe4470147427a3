package org.tandem.security;

import io.quarkus.oidc.runtime.TenantConfigBean;
import io.quarkus.oidc.runtime.TenantConfigContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Ready only once the app holds the identity provider's signing keys. A pod that starts while Keycloak is down
 * cannot verify any token; ready, it would take traffic and answer 401 to everyone, and a rolling update during
 * the outage would replace every pod that still has the keys with one that has none. Unready, the rollout waits
 * (maxUnavailable 0) and the old pods keep serving.
 *
 * <p>Unlike Quarkus's OIDC health check, which asks Keycloak on every probe (and so would take every pod out of
 * service together during an outage: docs/reliability.md), this asks only until the keys have been fetched once.
 * Then it reports UP without a call, and already issued tokens keep verifying with the cached keys. Quarkus
 * retries a tenant it could not reach at start on the next request; an unready pod gets no requests, so the
 * probe drives that retry itself. {@code TenantConfigBean} is Quarkus's runtime API, not a public one:
 * {@code KeycloakDownAtStartIT} pins the behaviour across upgrades.
 */
@Readiness
@ApplicationScoped
@RequiredArgsConstructor
class SigningKeysReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(SigningKeysReadiness.class);
    /** One probe's wait for Keycloak: the kubelet's default probe timeout, after which it fails the probe anyway. */
    private static final Duration ATTEMPT = Duration.ofSeconds(1);

    private final TenantConfigBean tenants;

    @Override
    public HealthCheckResponse call() {
        TenantConfigContext tenant = tenants.getDefaultTenant();
        boolean ready = tenant.ready() || initialized(tenant);
        return HealthCheckResponse.named("identity provider signing keys").status(ready).build();
    }

    private static boolean initialized(TenantConfigContext tenant) {
        try {
            return tenant.initialize().await().atMost(ATTEMPT).ready();
        } catch (RuntimeException unreachable) {
            LOG.debugf("The identity provider is still unreachable: %s", unreachable.getClass().getName());
            return false;
        }
    }
}
