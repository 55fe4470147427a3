package org.tandem.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Rate limit settings (prefix {@code tandem.rate-limit}). */
@ConfigMapping(prefix = "tandem.rate-limit")
public interface RateLimitConfig {
    /** Off: no limits and no RateLimit headers. */
    @WithDefault("true")
    boolean enabled();

    /** Requests each client (a user, or an integration's service account) may make per window. */
    @WithDefault("600")
    int capacity();

    /** The window the capacity refills over (greedily, so a client never waits a whole window). */
    @WithDefault("60s")
    java.time.Duration window();

    /**
     * The share of a client's capacity a replica may take from its own copy of the bucket before it writes to the
     * shared one (0: every request is written, and the limit is exact across replicas).
     */
    @WithDefault("0.01")
    double localShare();

    /** The longest a replica keeps what it took to itself before writing it to the shared bucket. */
    @WithDefault("1s")
    java.time.Duration localSync();

    /** How often a replica deletes the buckets that are full again (they expired); {@code off} stops it. */
    @WithDefault("5m")
    String cleanupInterval();

    /** Other capacities for named OAuth2 clients (azp), e.g. {@code tandem.rate-limit.clients.billing=120}. */
    java.util.Map<String, Integer> clients();
}
