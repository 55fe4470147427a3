package org.tandem.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hibernate.id.uuid.UuidVersion7Strategy;
import org.jboss.logging.Logger;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.common.web.Problems;

/**
 * Group commit for the audit events of reads. A read hands its event over and waits; one thread inserts whatever
 * has arrived (one multi-row insert, its own transaction) on a connection of the small {@code audit} pool, then releases
 * every request of that batch. While one batch commits the next one gathers, so under load many reads share one
 * commit, and a read needs no transaction of its own. A request whose batch fails, or that waits longer than
 * {@code tandem.audit.commit-timeout}, fails with 503: no read is answered without its durable audit event. A
 * failed batch is not retried (its commit may have happened), so no event is ever written twice.
 */
@ApplicationScoped
public class AuditWriter {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class);
    private static final String INSERT = "insert into audit_event (id, occurred_at, clinic_id, subject, roles,"
            + " client_id, action, record_type, record_id, outcome, http_status, client_address, request_id, detail)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private record Pending(AuditEvent event, CompletableFuture<Void> committed) {
    }

    private final AgroalDataSource db;
    private final AuditConfig config;
    private final BlockingQueue<Pending> queue;
    private volatile boolean running = true;
    private Thread thread;

    AuditWriter(@DataSource("audit") AgroalDataSource db, AuditConfig config) {
        this.db = db;
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(config.groupCommit().queueCapacity());
    }

    @PostConstruct
    void start() {
        thread = new Thread(this::run, "audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops taking events once the app shuts down; what is queued is still written. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(config.groupCommit().commitTimeout().toMillis());
        }
    }

    /** Writes the event durably, together with others that arrived meanwhile; returns once it is committed. */
    public void write(AuditEvent event) {
        Pending pending = new Pending(event, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw unavailable();
        }
        try {
            pending.committed().get(config.groupCommit().commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private void run() {
        int max = config.groupCommit().maxBatch();
        List<Pending> batch = new ArrayList<>(max);
        while (running || !queue.isEmpty()) {
            Pending first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, max - 1);
            commit(batch);
            batch.clear();
        }
    }

    private void commit(List<Pending> batch) {
        // Autocommit: the batch goes to the server as one multi-row insert (rewriteBatchedStatements), which is a
        // transaction of its own and durable when it returns. No BEGIN, COMMIT or autocommit toggling around it.
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (Pending p : batch) {
                bind(insert, p.event());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("Could not write %d audit events (%s); their requests fail with 503", batch.size(),
                    e.getClass().getSimpleName());
            batch.forEach(p -> p.committed().completeExceptionally(e));
            return;
        }
        batch.forEach(p -> p.committed().complete(null));
    }

    private static void bind(PreparedStatement s, AuditEvent e) throws SQLException {
        s.setBytes(1, BinaryUuids.bytes(UuidVersion7Strategy.INSTANCE.generateUuid(null)));
        s.setObject(2, LocalDateTime.ofInstant(e.getOccurredAt(), ZoneOffset.UTC));
        s.setBytes(3, e.getClinicId() == null ? null : BinaryUuids.bytes(e.getClinicId()));
        s.setString(4, e.getSubject());
        s.setString(5, e.getRoles());
        s.setString(6, e.getClientId());
        s.setString(7, e.getAction());
        s.setString(8, e.getRecordType());
        s.setString(9, e.getRecordId());
        s.setString(10, e.getOutcome().name());
        if (e.getHttpStatus() == null) {
            s.setNull(11, Types.INTEGER);
        } else {
            s.setInt(11, e.getHttpStatus());
        }
        s.setString(12, e.getClientAddress());
        s.setString(13, e.getRequestId());
        s.setString(14, e.getDetail());
    }

    private static RuntimeException unavailable() {
        return Problems.unavailable("audit-unavailable", "The audit log could not record this read, so it was not"
                + " answered. Retry in a moment.", 1);
    }
}
