package org.tandem.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.common.persistence.Jdbc;

/**
 * Idempotency records over plain JDBC, each step committed at once: the first request's "in progress" mark must be
 * visible to a concurrent retry before the first one finishes, whatever transaction the endpoint runs.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class IdempotencyStore {

    /**
     * A record's response: status and headers, and the body sealed under the clinic's data key with the record's
     * {@code id} as its context ({@code bodyKeyId} and {@code body} both null when the response had no body).
     */
    public record Stored(UUID id, int status, String contentType, String location, String etag, UUID bodyKeyId,
            byte[] body) {
    }

    /** What {@link #begin} found. Exactly one of the fields says what to do. */
    public record Begin(UUID started, Stored replay, boolean mismatch, boolean inProgress) {
    }

    private final Jdbc jdbc;

    /**
     * Marks the key as in progress for this request, or says why not: a stored response to replay, a different
     * request under the same key, or the first request still running. A key whose record expired, or whose first
     * request has been "in progress" longer than {@code abandonedAfter} (its replica died), is taken over.
     */
    public Begin begin(String owner, String key, String hash, Duration ttl, Duration abandonedAfter) {
        try (Connection c = jdbc.dataSource().getConnection()) {
            c.setAutoCommit(true);
            UUID id = UUID.randomUUID();
            for (int attempt = 0; attempt < 2; attempt++) {
                try (PreparedStatement s = c.prepareStatement("insert into idempotency_record (id, owner, idem_key,"
                        + " request_hash, state, created_at, expires_at) values (?, ?, ?, ?, 'IN_PROGRESS', ?, ?)")) {
                    Instant now = Instant.now();
                    s.setBytes(1, BinaryUuids.bytes(id));
                    s.setString(2, owner);
                    s.setString(3, key);
                    s.setString(4, hash);
                    s.setTimestamp(5, Timestamp.from(now));
                    s.setTimestamp(6, Timestamp.from(now.plus(ttl)));
                    s.executeUpdate();
                    return new Begin(id, null, false, false);
                } catch (SQLIntegrityConstraintViolationException taken) {
                    Begin existing = existing(c, owner, key, hash, abandonedAfter);
                    if (existing != null) {
                        return existing;
                    }
                    // Expired or abandoned: removed by existing(); insert again.
                }
            }
            throw new IllegalStateException("Idempotency key kept changing under this request");
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency bookkeeping failed", e);
        }
    }

    public void complete(Stored response) {
        jdbc.update("update idempotency_record set state = 'DONE', http_status = ?, content_type = ?, location = ?,"
                + " etag = ?, body_key_id = ?, body = ? where id = ?", response.status(), response.contentType(),
                response.location(), response.etag(), response.bodyKeyId(), response.body(),
                response.id());
    }

    /** Forgets the key: the request failed, so a retry under the same key runs afresh. */
    public void release(UUID id) {
        jdbc.update("delete from idempotency_record where id = ?", id);
    }

    /** Purges expired keys on every replica; a delete by expiry is safe to run anywhere, any number of times. */
    @io.quarkus.scheduler.Scheduled(every = "10m", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purge(Instant.now());
    }

    /** Deletes expired records; returns how many. */
    public int purge(Instant now) {
        return jdbc.update("delete from idempotency_record where expires_at < ? limit 10000", now);
    }

    private Begin existing(Connection c, String owner, String key, String hash, Duration abandonedAfter)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id, request_hash, state, http_status, content_type,"
                + " location, etag, body_key_id, body, created_at, expires_at from idempotency_record where owner = ? and idem_key = ?")) {
            s.setString(1, owner);
            s.setString(2, key);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                Instant now = Instant.now();
                boolean expired = r.getTimestamp("expires_at").toInstant().isBefore(now);
                boolean abandoned = "IN_PROGRESS".equals(r.getString("state"))
                        && r.getTimestamp("created_at").toInstant().isBefore(now.minus(abandonedAfter));
                if (expired || abandoned) {
                    try (PreparedStatement d = c.prepareStatement("delete from idempotency_record where id = ?")) {
                        d.setBytes(1, r.getBytes("id"));
                        d.executeUpdate();
                    }
                    return null;
                }
                // Still running comes first: whatever the retry carries, the first request has not answered yet.
                if ("IN_PROGRESS".equals(r.getString("state"))) {
                    return new Begin(null, null, false, true);
                }
                if (!hash.equals(r.getString("request_hash"))) {
                    return new Begin(null, null, true, false);
                }
                byte[] keyId = r.getBytes("body_key_id");
                return new Begin(null, new Stored(BinaryUuids.of(r.getBytes("id")), r.getInt("http_status"),
                        r.getString("content_type"), r.getString("location"), r.getString("etag"),
                        keyId == null ? null : BinaryUuids.of(keyId), r.getBytes("body")), false, false);
            }
        }
    }
}
