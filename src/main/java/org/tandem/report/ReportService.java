package org.tandem.report;

import org.tandem.questionnaire.Instrument;
import org.tandem.questionnaire.InstrumentCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.progress.ProgressApi.ProgressResponse;
import org.tandem.progress.ProgressService;
import org.tandem.security.AccessPolicy;

/** A couple's progress report in JSON, CSV or PDF: the progress summary, rendered. Never note text. */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class ReportService {

    /** A rendered report. */
    public record Rendered(String coupleCode, byte[] body, ProgressResponse summary) {
    }

    private final ProgressService progress;
    private final CoupleRepository couples;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final InstrumentCatalog instruments;

    public Rendered render(UUID coupleId, LocalDate from, LocalDate to, ReportFormat format) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        ProgressResponse summary = progress.summary(coupleId, from, to);
        byte[] body = switch (format) {
            case JSON -> null;
            case CSV -> ReportCsv.render(summary).getBytes(StandardCharsets.UTF_8);
            case PDF -> PdfReport.render(summary, couple.getCode(), couple.getClinic().getName(),
                    couple.getClinic().getTimeZone(), instruments.all().stream()
                            .collect(java.util.stream.Collectors.toMap(Instrument::key, i -> i)));
        };
        audit.success("report.export", "couple", coupleId, "format=" + format + " from=" + summary.from() + " to="
                + summary.to());
        return new Rendered(couple.getCode(), body, summary);
    }
}
