package org.tandem.export;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.common.web.PageQuery;
import org.tandem.crypto.BulkKey;
import org.tandem.crypto.ClinicCipher;
import org.tandem.common.web.PageResponse;
import org.tandem.common.web.Problems;
import org.tandem.export.ExportApi.ExportRequest;
import org.tandem.export.ExportApi.ExportResponse;
import org.tandem.security.AccessPolicy;
import org.tandem.security.AccessScope;
import org.tandem.security.Caller;

/**
 * Export jobs as the API sees them. Admins export their clinic and see all its jobs; therapists export their own
 * couples' observations and see only the jobs they asked for. The work itself is ExportWorker's.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class ExportService {

    static final String RECORD = "export";

    private final ExportRepository jobs;
    private final ExportStore store;
    private final Caller caller;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final ExportConfig config;
    private final ClinicCipher cipher;

    @Transactional
    public ExportResponse create(ExportRequest request) {
        AccessScope reach = access.reach();
        if (request.kind().adminOnly() && !reach.isWholeClinic()) {
            throw Problems.forbidden("forbidden", "Only an admin exports " + request.kind() + ".");
        }
        if (!request.kind().supports(request.format())) {
            throw Problems.invalid("format", "body", "must be one of " + request.kind().formats() + " for "
                    + request.kind());
        }
        if (request.to().isBefore(request.from())) {
            throw Problems.invalid("to", "body", "must not be before from");
        }
        int max = config.maxRangeDays();
        if (ChronoUnit.DAYS.between(request.from(), request.to()) > max) {
            throw Problems.invalid("to", "body", "must be at most " + max + " days after from");
        }
        ExportJob job = new ExportJob(reach.clinicId(), reach.therapistId(), caller.subject(), request.kind(),
                request.format(), request.from(), request.to());
        jobs.persist(job);
        jobs.flush();
        audit.success("export.create", RECORD, job.getId(), "kind=" + job.getKind() + " format=" + job.getFormat()
                + " from=" + job.getFrom() + " to=" + job.getTo());
        return ExportResponse.of(job);
    }

    @Transactional
    public ExportResponse get(UUID id) {
        return ExportResponse.of(load(id));
    }

    @Transactional
    public PageResponse<ExportResponse> list(PageQuery page) {
        var query = jobs.list(caller.clinicId(), mineOnly(), page);
        return PageResponse.of(query.list(), ExportResponse::of, page, query.count());
    }

    /** Not @Transactional: ExportStore commits the cancellation at once, so the worker sees it at its next chunk. */
    public ExportResponse cancel(UUID id) {
        QuarkusTransaction.requiringNew().call(() -> load(id));
        if (!store.cancel(id)) {
            throw Problems.conflict("export-finished", "Export Finished",
                    "Only a queued or running export can be cancelled.");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            audit.success("export.cancel", RECORD, id);
            return ExportResponse.of(load(id));
        });
    }

    /** A finished job and the key to read its output with. */
    public record Download(ExportJob job, BulkKey key) {
    }

    /** The job, if the caller may download it now; audited. */
    @Transactional
    public Download forDownload(UUID id) {
        ExportJob job = load(id);
        if (job.getStatus() != ExportStatus.SUCCEEDED && job.getStatus() != ExportStatus.EXPIRED) {
            throw Problems.conflict("export-not-ready", "Export Not Ready",
                    "The export has no file: it is " + job.getStatus() + ".");
        }
        // Without a key the output is from before outputs were sealed, and the retention sweep deletes it now.
        BulkKey key = job.getStatus() == ExportStatus.EXPIRED ? null : job.outputKey(cipher).orElse(null);
        if (key == null) {
            throw Problems.gone("export-expired", "This export's file was deleted after its retention period.");
        }
        audit.success("export.download", RECORD, id, "rows=" + job.getRowsWritten());
        return new Download(job, key);
    }

    private ExportJob load(UUID id) {
        return jobs.findVisible(caller.clinicId(), mineOnly(), id).orElseThrow(() -> Problems.notFound(RECORD));
    }

    /** Admins see every job of the clinic; others only their own. */
    private String mineOnly() {
        return access.reach().isWholeClinic() ? null : caller.subject();
    }
}
