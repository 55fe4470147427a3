package org.tandem.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import lombok.RequiredArgsConstructor;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.exercise.AssignmentApi.AssignmentAdherence;
import org.tandem.exercise.AssignmentApi.PartnerAdherence;
import org.tandem.exercise.AdherenceReads;
import org.tandem.questionnaire.Instrument;
import org.tandem.questionnaire.InstrumentCatalog;

/**
 * One row per observation: ratings, questionnaire scores (computed here from the stored answers), sessions and
 * exercise adherence, with stable columns (docs/reports.md). No note text of any kind is read.
 */
@ApplicationScoped
@RequiredArgsConstructor
class ObservationExport implements ExportSource {

    static final List<String> COLUMNS = List.of("observation_type", "observation_id", "couple_id", "couple_code",
            "partner_id", "partner_seat", "date", "key", "value", "band", "clinical", "source", "private", "detail");

    /**
     * Ratings and questionnaire responses that count: not marked as entered in error (the tables' couple-and-day
     * indexes hold the mark).
     */
    static final String COUNTS = "x.entered_in_error_at is null";

    // Templates for ExportScope#inIndexOrder.
    static final String RATINGS = "select %2$s m.id, m.couple_id, c.code, m.partner_id, p.seat,"
            + " m.measured_on, m.metric_key, m.value, m.source, m.is_private from measurement m %3$s"
            + " join couple c on c.id = m.couple_id left join partner p on p.id = m.partner_id where %1$s"
            + " and m.clinic_id = ? and m.measured_on >= ? and m.measured_on <= ? and m.entered_in_error_at is null"
            + " order by m.measured_on, m.id";
    private static final String QUESTIONNAIRES = "select %2$s q.id, q.couple_id, c.code, q.partner_id, p.seat,"
            + " q.completed_on, q.instrument_key, q.answers, q.source, q.is_private from questionnaire_response q %3$s"
            + " join couple c on c.id = q.couple_id join partner p on p.id = q.partner_id where %1$s"
            + " and q.clinic_id = ? and q.completed_on >= ? and q.completed_on <= ? and q.entered_in_error_at is null"
            + " order by q.completed_on, q.id";
    private static final String SESSIONS = "select %2$s s.id, s.couple_id, c.code, s.partner_id, p.seat, s.starts_at,"
            + " s.kind, s.status, s.late_cancellation from therapy_session s %3$s join couple c on c.id = s.couple_id"
            + " left join partner p on p.id = s.partner_id where %1$s and s.clinic_id = ? and s.starts_at >= ?"
            + " and s.starts_at < ? order by s.starts_at, s.id";
    private static final String ASSIGNED_COUPLES = "select distinct a.couple_id, c.code from assignment a"
            + " join couple c on c.id = a.couple_id where %s and a.status <> 'CANCELLED' and a.starts_on <= ?"
            + " and (a.ends_on is null or a.ends_on >= ?)";

    private final Scan scan;
    private final InstrumentCatalog instruments;
    private final AdherenceReads assignments;

    @Override
    public long count(ExportJob job, ExportScope s) {
        return scan.countInScope(s, "measurement", "measured_on", s.from(), s.to(), false, COUNTS)
                + scan.countInScope(s, "questionnaire_response", "completed_on", s.from(), s.to(), false, COUNTS)
                + scan.countInScope(s, "therapy_session", "starts_at", Scan.utc(s.start()), Scan.utc(s.end()), true,
                        null);
    }

    @Override
    public void write(ExportJob job, ExportScope s, OutputStream out, AtomicLong rows) throws IOException {
        try (RowSink sink = RowSink.of(job.getFormat(), COLUMNS, out, rows)) {
            scan.stream(s.inIndexOrder(RATINGS, "ix_measurement_clinic_day"),
                    s.params(s.clinicId(), s.from(), s.to()), r -> sink.row("RATING", id(r, 1), id(r, 2),
                            r.getString(3), id(r, 4), seat(r), r.getObject(6, LocalDate.class), r.getString(7),
                            r.getBigDecimal(8), null, null, r.getString(9), r.getBoolean(10), null));
            scan.stream(s.inIndexOrder(QUESTIONNAIRES, "ix_questionnaire_clinic_day"),
                    s.params(s.clinicId(), s.from(), s.to()), r -> questionnaire(sink, r));
            scan.stream(s.inIndexOrder(SESSIONS, "ix_session_clinic_time"),
                    s.params(s.clinicId(), Scan.utc(s.start()), Scan.utc(s.end())), r -> sink.row(
                            "SESSION", id(r, 1), id(r, 2), r.getString(3), id(r, 4), seat(r),
                            Scan.instant(r, "starts_at").atZone(s.zone()).toLocalDate(), r.getString(7),
                            r.getString(8), null, null, null, null,
                            r.getBoolean(9) ? "late-cancellation" : null));
            adherence(s, sink);
        }
    }

    private void questionnaire(RowSink sink, ResultSet r) throws SQLException {
        String key = r.getString(7);
        List<Integer> answers = Arrays.stream(r.getString(8).split(",")).map(Integer::valueOf).toList();
        Instrument.Score score = instruments.find(key).map(i -> i.score(answers)).orElse(null);
        sink.row("QUESTIONNAIRE", id(r, 1), id(r, 2), r.getString(3), id(r, 4), seat(r),
                r.getObject(6, LocalDate.class), key, score == null ? null : score.total(),
                score == null ? null : score.band(), score == null ? null : score.clinical(), r.getString(9),
                r.getBoolean(10), score == null ? "instrument not loaded" : null);
    }

    /** Done-out-of-due per assignment and partner over the period, by the rule of exercise.Adherence. */
    private void adherence(ExportScope s, RowSink sink) {
        Map<UUID, String> codes = new HashMap<>();
        scan.stream(ASSIGNED_COUPLES.formatted(s.couples()), s.params(s.to(), s.from()),
                r -> codes.put(BinaryUuids.of(r.getBytes(1)), r.getString(2)));
        LocalDate today = LocalDate.now(s.zone());
        for (Map.Entry<UUID, String> couple : codes.entrySet()) {
            Map<UUID, Integer> seats = new HashMap<>();
            scan.stream("select id, seat from partner where couple_id = ?", List.of(couple.getKey()),
                    r -> seats.put(BinaryUuids.of(r.getBytes(1)), r.getInt(2)));
            for (AssignmentAdherence a : assignments.adherenceForCouple(couple.getKey(), s.from(), s.to(), today)) {
                for (PartnerAdherence p : a.partners()) {
                    sink.row("ADHERENCE", a.assignmentId(), couple.getKey(), couple.getValue(), p.partnerId(),
                            seats.get(p.partnerId()), s.to().isAfter(today) ? today : s.to(), a.exercise(), p.rate(),
                            null, null, null, null, p.done() + "/" + p.due());
                }
            }
        }
    }

    private static UUID id(ResultSet r, int column) throws SQLException {
        return BinaryUuids.of(r.getBytes(column));
    }

    private static Integer seat(ResultSet r) throws SQLException {
        int seat = r.getInt(5);
        return r.wasNull() ? null : seat;
    }
}
