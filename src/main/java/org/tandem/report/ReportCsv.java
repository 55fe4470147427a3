package org.tandem.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tandem.exercise.AssignmentApi.AssignmentAdherence;
import org.tandem.exercise.AssignmentApi.PartnerAdherence;
import org.tandem.progress.ProgressApi.PartnerProgress;
import org.tandem.progress.ProgressApi.Point;
import org.tandem.progress.ProgressApi.ProgressResponse;
import org.tandem.progress.ProgressApi.Trend;

/**
 * A couple's report as one CSV (RFC 4180, Apache Commons CSV) in long format: one row per observation of every
 * trend, then one per adherence, attendance and sobriety figure. Columns in docs/reports.md.
 */
final class ReportCsv {

    static final List<String> COLUMNS = List.of("section", "partner_seat", "key", "source", "date", "value", "band",
            "detail");

    private ReportCsv() {
    }

    static String render(ProgressResponse p) {
        Map<UUID, Integer> seats = p.partners().stream()
                .collect(Collectors.toMap(PartnerProgress::partnerId, PartnerProgress::seat));
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (PartnerProgress partner : p.partners()) {
                trends(csv, "rating", partner.seat(), partner.ratings());
                trends(csv, "questionnaire", partner.seat(), partner.questionnaires());
                if (partner.sobriety() != null) {
                    csv.printRecord("sobriety", partner.seat(), "current-streak-days", null, p.to(),
                            partner.sobriety().currentStreakDays(), null, null);
                    csv.printRecord("sobriety", partner.seat(), "longest-streak-days", null, p.to(),
                            partner.sobriety().longestStreakDays(), null, null);
                    csv.printRecord("sobriety", partner.seat(), "resets-in-period", null, p.to(),
                            partner.sobriety().resetsInPeriod(), null, null);
                }
            }
            trends(csv, "rating", null, p.couple());
            for (AssignmentAdherence a : p.adherence()) {
                for (PartnerAdherence pa : a.partners()) {
                    csv.printRecord("adherence", seats.get(pa.partnerId()), a.exercise(), null, p.to(), pa.rate(),
                            null, pa.done() + "/" + pa.due());
                }
            }
            Map<String, Function<org.tandem.scheduling.SessionRepository.Attendance, Long>> attendance = Map.of(
                    "attended", a -> a.attended(), "missed", a -> a.missed(), "cancelled", a -> a.cancelled(),
                    "cancelled-late", a -> a.cancelledLate(), "scheduled", a -> a.scheduled());
            for (String key : List.of("attended", "missed", "cancelled", "cancelled-late", "scheduled")) {
                csv.printRecord("attendance", null, key, null, p.to(), attendance.get(key).apply(p.attendance()),
                        null, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void trends(CSVPrinter csv, String section, Integer seat, List<Trend> trends) throws IOException {
        for (Trend t : trends) {
            for (Point point : t.series()) {
                csv.printRecord(section, seat, t.key(), t.source(), point.date(), point.value(), point.band(),
                        point == t.latest() && t.outcome() != null ? "outcome=" + t.outcome() : null);
            }
        }
    }
}
