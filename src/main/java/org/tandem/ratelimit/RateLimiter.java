package org.tandem.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
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

    RateLimiter(RateLimitConfig config, DataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
        this.buckets = Bucket4jMySQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
    }

    public boolean enabled() {
        return config.enabled();
    }

    public Decision consume(String client, String subject) {
        long capacity = capacity(client);
        BucketConfiguration limits = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, config.window()).build())
                .build();
        // Batching: the requests of one client arriving on this replica while its bucket's row is locked go to the
        // database together, one round trip, instead of queueing on the lock one by one. The limit stays exact.
        ConsumptionProbe probe = buckets.builder().withOptimization(Optimizations.batching())
                .build(client + "|" + subject, () -> limits).tryConsumeAndReturnRemaining(1);
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
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("delete from rate_limit_bucket");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not empty the rate-limit buckets", e);
        }
    }

    private long capacity(String client) {
        Integer own = client == null ? null : config.clients().get(client);
        return own != null ? own : config.capacity();
    }
}
