package org.tandem.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import lombok.RequiredArgsConstructor;

/**
 * One token bucket (Bucket4j) per client: a person by their subject, an integration by its service account. The
 * buckets live in this replica's memory, so with N replicas behind a load balancer a client gets up to N times
 * the capacity; docs/integrations.md says so, and the Bucket4j JDBC backend is the step up if that ever matters.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class RateLimiter {

    /** The outcome for one request. {@code resetSeconds}: when the bucket is full again (or, if refused, has a token). */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long windowSeconds) {
    }

    private final RateLimitConfig config;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public boolean enabled() {
        return config.enabled();
    }

    public Decision consume(String client, String subject) {
        long capacity = capacity(client);
        Bucket bucket = buckets.computeIfAbsent(client + "|" + subject, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, config.window()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long window = config.window().toSeconds();
        if (probe.isConsumed()) {
            // Greedy refill: each token returns after window/capacity; full after that times what is missing.
            long missing = capacity - probe.getRemainingTokens();
            long reset = (long) Math.ceil((double) missing * config.window().toMillis() / capacity / 1000);
            return new Decision(true, capacity, probe.getRemainingTokens(), reset, window);
        }
        long wait = Math.max(1, (long) Math.ceil(probe.getNanosToWaitForRefill() / 1e9));
        return new Decision(false, capacity, 0, wait, window);
    }

    /** Forgets every bucket (tests; a restart does the same). */
    public void reset() {
        buckets.clear();
    }

    private long capacity(String client) {
        Integer own = client == null ? null : config.clients().get(client);
        return own != null ? own : config.capacity();
    }
}
