package org.tandem.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Webhook delivery settings (prefix {@code tandem.webhooks}). */
@ConfigMapping(prefix = "tandem.webhooks")
public interface WebhookConfig {
    /** How often each replica sends due deliveries ("off": never; the tests run the sender themselves). */
    @WithDefault("2s")
    String pollInterval();

    /** Failed attempts before a delivery is dead-lettered (DEAD; an admin can redeliver it). */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failure; doubled after each further one (10s, 20s, 40s, ... capped at 6 h). */
    @WithDefault("10s")
    java.time.Duration backoff();

    /** How long a claimed delivery is reserved for its sender; after that another replica may send it. */
    @WithDefault("60s")
    java.time.Duration lease();

    /** Accept http:// endpoint URLs (local development and tests only; production needs https). */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * Networks (CIDR, e.g. 10.20.0.0/16 or 2001:db8:5::/48) that may receive webhooks although they are not
     * public: a clinic's receiver on premises. Unset: only public addresses. Env:
     * TANDEM_WEBHOOKS_ALLOWED_NETWORKS (comma-separated).
     */
    Optional<java.util.List<String>> allowedNetworks();

    /** How long a receiver may take to accept the connection. */
    @WithDefault("5s")
    java.time.Duration connectTimeout();

    /** How long a receiver may stay silent once connected before the attempt counts as a timeout. */
    @WithDefault("10s")
    java.time.Duration answerTimeout();
}
