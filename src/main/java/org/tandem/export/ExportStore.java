package org.tandem.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import lombok.RequiredArgsConstructor;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.common.persistence.Jdbc;
import org.tandem.crypto.BulkKey;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedColumn;

/**
 * The export job's row and chunks, through plain JDBC in short transactions of their own: a job runs for minutes
 * and must not hold a transaction open, and every progress step must be visible to the API at once.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class ExportStore {

    /** What an export's output key is sealed as, and its chunks' associated data: see crypto/BulkKey. */
    public static final String OUTPUT = SealedColumn.EXPORT_CHUNK_KEY.purpose();

    /** A job this replica now runs; {@code attempt} counts from 1. */
    public record Claim(UUID jobId, int attempt) {
    }

    /** Thrown into a running export when its row says it must stop: cancelled, or taken over. */
    public static final class Stopped extends RuntimeException {
        Stopped() {
            super("export stopped", null, false, false);
        }
    }

    private final Jdbc jdbc;

    /**
     * Claims the oldest queued job, or a running one whose heartbeat is older than {@code stale} (its replica died).
     * SKIP LOCKED lets replicas claim side by side without waiting on each other's rows. A job out of attempts is
     * marked FAILED instead.
     */
    public Optional<Claim> claim(String worker, Duration stale, int maxAttempts) {
        return jdbc.inTransaction(c -> {
            while (true) {
                byte[] id;
                int attempts;
                try (PreparedStatement s = c.prepareStatement("select id, attempts from export_job"
                        + " where status = 'QUEUED' or (status = 'RUNNING' and heartbeat_at < ?)"
                        + " order by created_at limit 1 for update skip locked")) {
                    s.setTimestamp(1, Timestamp.from(Instant.now().minus(stale)));
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            return Optional.empty();
                        }
                        id = r.getBytes(1);
                        attempts = r.getInt(2);
                    }
                }
                deleteChunks(c, id);
                if (attempts >= maxAttempts) {
                    Jdbc.update(c, "update export_job set status = 'FAILED', error = ?, finished_at = ?,"
                            + " version = version + 1 where id = ?", "Gave up after " + attempts + " attempts.",
                            Timestamp.from(Instant.now()), id);
                    continue;
                }
                Timestamp now = Timestamp.from(Instant.now());
                Jdbc.update(c, "update export_job set status = 'RUNNING', attempts = attempts + 1, claimed_by = ?,"
                        + " heartbeat_at = ?, started_at = coalesce(started_at, ?), rows_written = 0,"
                        + " bytes_written = 0, error = null, version = version + 1 where id = ?", worker, now, now, id);
                return Optional.of(new Claim(BinaryUuids.of(id), attempts + 1));
            }
        });
    }

    /** Keeps the key this run seals its chunks with (a new one each attempt); {@link Stopped} if no longer ours. */
    public void keepKey(UUID job, String worker, ClinicCipher.Sealed key) {
        jdbc.inTransaction(c -> {
            if (Jdbc.update(c, "update export_job set chunk_key_id = ?, chunk_key_ciphertext = ?, version = version + 1"
                    + " where id = ? and status = 'RUNNING' and claimed_by = ?", key.keyId(), key.ciphertext(),
                    BinaryUuids.bytes(job), worker) == 0) {
                throw new Stopped();
            }
            return null;
        });
    }

    public void expect(UUID job, long rows) {
        jdbc.inTransaction(c -> Jdbc.update(c,
                "update export_job set rows_expected = ?, version = version + 1 where id = ?",
                rows, BinaryUuids.bytes(job)));
    }

    /** Stores one chunk and the progress so far; {@link Stopped} if the job was cancelled or taken over. */
    public void write(UUID job, String worker, int seq, byte[] data, int length, long rows, long bytes) {
        jdbc.inTransaction(c -> {
            int updated = Jdbc.update(c, "update export_job set rows_written = ?, bytes_written = ?, heartbeat_at = ?,"
                    + " version = version + 1 where id = ? and status = 'RUNNING' and claimed_by = ?", rows, bytes,
                    Timestamp.from(Instant.now()), BinaryUuids.bytes(job), worker);
            if (updated == 0) {
                throw new Stopped();
            }
            if (length > 0) {
                try (PreparedStatement s = c.prepareStatement(
                        "insert into export_chunk (job_id, seq, data) values (?, ?, ?)")) {
                    s.setBytes(1, BinaryUuids.bytes(job));
                    s.setInt(2, seq);
                    s.setBinaryStream(3, new java.io.ByteArrayInputStream(data, 0, length), length);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Marks the job done if this worker still owns it. */
    public boolean succeed(UUID job, String worker, long rows, long bytes, Instant expiresAt) {
        return jdbc.inTransaction(c -> Jdbc.update(c, "update export_job set status = 'SUCCEEDED', rows_written = ?,"
                + " bytes_written = ?, finished_at = ?, expires_at = ?, version = version + 1"
                + " where id = ? and status = 'RUNNING' and claimed_by = ?", rows, bytes,
                Timestamp.from(Instant.now()), Timestamp.from(expiresAt), BinaryUuids.bytes(job), worker)) == 1;
    }

    /** After an error: back in the queue for another attempt (the claim decides when attempts are used up). */
    public void retryLater(UUID job, String worker, String error) {
        jdbc.inTransaction(c -> {
            deleteChunks(c, BinaryUuids.bytes(job));
            return Jdbc.update(c, "update export_job set status = 'QUEUED', error = ?, claimed_by = null,"
                    + " version = version + 1 where id = ? and status = 'RUNNING' and claimed_by = ?", error,
                    BinaryUuids.bytes(job), worker);
        });
    }

    /** Cancels a queued or running job; false if it had already finished. */
    public boolean cancel(UUID job) {
        return jdbc.inTransaction(c -> Jdbc.update(c, "update export_job set status = 'CANCELLED', finished_at = ?,"
                + " version = version + 1 where id = ? and status in ('QUEUED', 'RUNNING')",
                Timestamp.from(Instant.now()), BinaryUuids.bytes(job))) == 1;
    }

    /**
     * Deletes the output of cancelled and failed jobs and of finished ones past their retention, with its key. A
     * finished job without a key is from before outputs were sealed: its unsealed output goes at once.
     */
    public int expire(Instant now) {
        return jdbc.inTransaction(c -> {
            List<byte[]> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select id from export_job where (status = 'SUCCEEDED'"
                    + " and (expires_at < ? or chunk_key_id is null)) or (status in ('CANCELLED', 'FAILED') and"
                    + " (chunk_key_id is not null or exists (select 1 from export_chunk k"
                    + " where k.job_id = export_job.id))) limit 100 for update skip locked")) {
                s.setTimestamp(1, Timestamp.from(now));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getBytes(1));
                    }
                }
            }
            for (byte[] id : ids) {
                deleteChunks(c, id);
                Jdbc.update(c, "update export_job set status = case status when 'SUCCEEDED' then 'EXPIRED' else"
                        + " status end, chunk_key_id = null, chunk_key_ciphertext = null, version = version + 1"
                        + " where id = ?", id);
            }
            return ids.size();
        });
    }

    /** Streams a finished job's chunks in order, each opened with the job's key and un-gzipped, one at a time. */
    public void copyTo(UUID job, BulkKey key, OutputStream out) throws IOException {
        try (Connection c = jdbc.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("select data from export_chunk where job_id = ? and seq = ?")) {
            for (int seq = 0;; seq++) {
                s.setBytes(1, BinaryUuids.bytes(job));
                s.setInt(2, seq);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return;
                    }
                    try (GZIPInputStream chunk = new GZIPInputStream(
                            new ByteArrayInputStream(key.decrypt(r.getBytes(1), seq)), 64 * 1024)) {
                        chunk.transferTo(out);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not read export " + job, e);
        }
    }

    private static void deleteChunks(Connection c, byte[] job) throws SQLException {
        Jdbc.update(c, "delete from export_chunk where job_id = ?", (Object) job);
    }

}
