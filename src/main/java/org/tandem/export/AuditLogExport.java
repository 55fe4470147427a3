package org.tandem.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;

/** The clinic's audit events in the period, oldest first. Events carry ids and actions, never clinical text. */
@ApplicationScoped
@RequiredArgsConstructor
class AuditLogExport implements ExportSource {

    static final List<String> COLUMNS = List.of("occurred_at", "subject", "roles", "client_id", "action",
            "record_type", "record_id", "outcome", "http_status", "client_address", "request_id", "detail");

    /** A psychotherapy note's events are never exported (AuditLog.AUTHOR_ONLY). */
    private static final String WHERE = " from audit_event where clinic_id = ? and occurred_at >= ? and occurred_at < ?"
            + " and (record_type is null or record_type <> '" + AuditLog.AUTHOR_ONLY + "')";

    private final Scan scan;

    @Override
    public long count(ExportJob job, ExportScope s) {
        return scan.count("select count(*)" + WHERE, List.of(s.clinicId(), Scan.utc(s.start()), Scan.utc(s.end())));
    }

    @Override
    public void write(ExportJob job, ExportScope s, OutputStream out, AtomicLong rows) throws IOException {
        try (RowSink sink = RowSink.of(job.getFormat(), COLUMNS, out, rows)) {
            scan.stream("select occurred_at, subject, roles, client_id, action, record_type, record_id, outcome,"
                    + " http_status, client_address, request_id, detail" + WHERE + " order by occurred_at, id",
                    List.of(s.clinicId(), Scan.utc(s.start()), Scan.utc(s.end())), r -> {
                        Integer status = r.getObject(9, Integer.class);
                        sink.row(Scan.instant(r, "occurred_at"), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(6), r.getString(7), r.getString(8),
                                status, r.getString(10), r.getString(11), r.getString(12));
                    });
        }
    }
}
