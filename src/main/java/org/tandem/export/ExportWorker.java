package org.tandem.export;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;
import org.tandem.audit.AuditLog;
import org.tandem.clinic.ClinicRepository;
import org.tandem.crypto.BulkKey;
import org.tandem.crypto.ClinicCipher;

/**
 * Runs queued exports on every replica: each poll claims jobs through the database until none is left. A job is
 * written in chunks with a heartbeat; if this replica dies, another claims the job once the heartbeat is stale and
 * starts it again from the beginning, so an interrupted export is retried, never lost or half-served.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class ExportWorker {

    private static final Logger LOG = Logger.getLogger(ExportWorker.class);

    /** Names this replica in claimed_by, so only the claimant may write a job's chunks. */
    private final String worker = "w-" + UUID.randomUUID().toString().substring(0, 18);

    private final ExportStore store;
    private final ObservationExport observations;
    private final FhirExport fhir;
    private final AuditLogExport auditLog;
    private final ExportRepository jobs;
    private final ClinicRepository clinics;
    private final AuditLog audit;
    private final ExportConfig config;
    private final ClinicCipher cipher;

    @Scheduled(every = "${tandem.exports.poll-interval}", delay = 5, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        runPending();
        store.expire(Instant.now());
    }

    /** Claims and runs jobs until the queue is empty; returns how many it ran. */
    public int runPending() {
        int ran = 0;
        Optional<ExportStore.Claim> claim;
        while ((claim = store.claim(worker, config.heartbeatTimeout(), config.maxAttempts()))
                .isPresent()) {
            run(claim.get());
            ran++;
        }
        return ran;
    }

    private record Loaded(ExportJob job, ZoneId zone, BulkKey key) {
    }

    private void run(ExportStore.Claim claim) {
        UUID id = claim.jobId();
        // The job, its clinic's time zone and a new key for this run's output, in one short transaction.
        Loaded loaded = QuarkusTransaction.requiringNew().call(() -> {
            ExportJob j = jobs.findById(id);
            return new Loaded(j, clinics.findById(j.getClinicId()).getTimeZone(),
                    cipher.sealerFor(j.getClinicId()).newBulkKey(ExportStore.OUTPUT, id));
        });
        ExportJob job = loaded.job();
        ExportScope scope = ExportScope.of(job, loaded.zone());
        ExportSource source = switch (job.getKind()) {
            case OBSERVATIONS -> observations;
            case FHIR -> fhir;
            case AUDIT_LOG -> auditLog;
        };
        AtomicLong rows = new AtomicLong();
        try {
            store.keepKey(id, worker, loaded.key().sealed());
            store.expect(id, source.count(job, scope));
            ChunkedOutput out = new ChunkedOutput(store, loaded.key(), id, worker, config.chunkSize(), rows::get);
            source.write(job, scope, out, rows);
            out.store();
            if (store.succeed(id, worker, rows.get(), out.bytes(),
                    Instant.now().plus(config.retention()))) {
                String detail = "kind=" + job.getKind() + " format=" + job.getFormat() + " rows=" + rows.get();
                QuarkusTransaction.requiringNew().run(() -> audit.system(job.getClinicId(), job.getRequestedBy(),
                        "export.completed", "export", id, null, detail));
                LOG.infof("Export %s finished: %d rows, attempt %d", id, rows.get(), claim.attempt());
            }
        } catch (ExportStore.Stopped stopped) {
            LOG.infof("Export %s stopped: cancelled or taken over", id);
        } catch (RuntimeException | java.io.IOException e) {
            // The class only: a message could quote data from a row.
            LOG.errorf("Export %s failed on attempt %d (%s); it will be retried", id, claim.attempt(),
                    e.getClass().getName());
            store.retryLater(id, worker, "Attempt " + claim.attempt() + " failed; retrying.");
        }
    }
}
