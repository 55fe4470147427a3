package org.tandem.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.mysql.MySQLSelectForUpdateBasedProxyManager;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * One token bucket (Bucket4j) per client: a person by their subject, an integration by its service account. The
 * buckets live in the database (Bucket4j's MySQL backend, table {@code rate_limit_bucket}, a row lock per bucket),
 * so every replica draws from the same bucket and a client gets its capacity once, however many replicas serve it.
 * A bucket left alone until it is full again expires and is deleted.
 */
@ApplicationScoped
public class RateLimiter {

    /** The outcome for one request. {@code resetSeconds}: when the bucket is full again (or, if refused, has a token). */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long windowSeconds) {
    }

    private final RateLimitConfig config;
    private final DataSource dataSource;
    private final MySQLSelectForUpdateBasedProxyManager<String> buckets;
    /**
     * This replica's handle on each client's shared bucket, kept while the client is active: the optimization's
     * state (what was taken locally, the batch in flight) lives in the handle. The counts live in the database.
     */
    private final Cache<String, BucketProxy> proxies;

    RateLimiter(RateLimitConfig config, DataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
        this.buckets = Bucket4jMySQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
        this.proxies = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterAccess(config.window().multipliedBy(2)).build();
    }

    public boolean enabled() {
        return config.enabled();
    }

    public Decision consume(String client, String subject) {
        long capacity = capacity(client);
        String key = client + "|" + subject;
        BucketConfiguration limits = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, config.window()).build())
                .build();
        ConsumptionProbe probe;
        try {
            probe = proxies.get(key, k -> buckets.builder().withOptimization(optimization(capacity))
                    .build(k, () -> limits)).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            if (!bucketMissing(e)) {
                throw e;
            }
            // Bucket4j (8.15) does not recreate a missing bucket (new, or deleted as expired) for requests that
            // share a batched round trip: each fails with BucketNotFound. A plain call recreates it; the cached
            // proxy finds it from then on.
            probe = buckets.builder().build(key, () -> limits).tryConsumeAndReturnRemaining(1);
        }
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

    /**
     * How often a replica writes a client's consumption to the shared bucket. Every request (share 0, or a capacity
     * too small for a share to make one token): the limit is exact, and concurrent requests of one client share a
     * round trip (batching). Otherwise a replica takes up to {@code local-share} of the capacity from its own copy
     * of the bucket and writes it back then, or after {@code local-sync} at the latest: a client may then exceed
     * its limit by that share per replica, and the bucket's row is written once in that many requests instead of
     * on every one (docs/performance.md).
     */
    private Optimization optimization(long capacity) {
        long local = (long) (capacity * config.localShare());
        if (local < 2) {
            return Optimizations.batching();
        }
        return Optimizations.delaying(new DelayParameters(local, config.localSync()));
    }

    /** Deletes the buckets that are full again (expired), a batch at a time; any replica may, SKIP LOCKED. */
    @Scheduled(every = "${tandem.rate-limit.cleanup-interval:5m}", delay = 1,
            delayUnit = java.util.concurrent.TimeUnit.MINUTES, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpired() {
        while (buckets.removeExpired(1000) >= 1000) {
            // another batch
        }
    }

    /** Forgets every bucket (tests). */
    public void reset() {
        proxies.invalidateAll();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("delete from rate_limit_bucket");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not empty the rate-limit buckets", e);
        }
    }

    private static boolean bucketMissing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

    private long capacity(String client) {
        Integer own = client == null ? null : config.clients().get(client);
        return own != null ? own : config.capacity();
    }
}
