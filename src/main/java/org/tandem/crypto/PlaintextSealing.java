package org.tandem.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.common.persistence.Jdbc;

/**
 * Seals clinical text that an earlier version stored in the clear (and that a replica of that version writes during
 * a rolling update), then empties the plaintext column: exercise reflections and boundary wordings. Every replica
 * runs it each minute; rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so two replicas never seal the same row
 * and neither waits for the other. Plain JDBC in short transactions, as the key rotation. Logs counts only.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class PlaintextSealing {

    /** A sealed column that still has a plaintext column from before, and how to find a row's clinic. */
    record Legacy(SealedColumn column, String plaintextColumn, String clinicOfRow) {
    }

    private static final Logger LOG = Logger.getLogger(PlaintextSealing.class);
    private static final int BATCH = 100;
    /** A column of a table with its own {@code clinic_id}. */
    private static Legacy ofClinicTable(SealedColumn column, String plaintextColumn) {
        return new Legacy(column, plaintextColumn, "select clinic_id from " + column.table() + " where id = ?");
    }

    private static final String COMPLETION_CLINIC = "select a.clinic_id from completion t join assignment a"
            + " on a.id = t.assignment_id where t.id = ?";
    private static final String ERROR_REASON = "entered_in_error_reason";

    /** Each needs an index on its plaintext column, so the look each minute reads only what is left (V48, V49). */
    static final List<Legacy> LEGACY = List.of(
            new Legacy(SealedColumn.COMPLETION_REFLECTION, "reflection", COMPLETION_CLINIC),
            new Legacy(SealedColumn.BOUNDARY_TEXT, "`text`", "select b.clinic_id from boundary_version t"
                    + " join boundary b on b.id = t.boundary_id where t.id = ?"),
            ofClinicTable(SealedColumn.COUPLE_GOALS, "treatment_goals"),
            ofClinicTable(SealedColumn.ASSIGNMENT_NOTE, "therapist_note"),
            ofClinicTable(SealedColumn.SESSION_CANCEL_REASON, "cancel_reason"),
            ofClinicTable(SealedColumn.MEASUREMENT_ERROR_REASON, ERROR_REASON),
            ofClinicTable(SealedColumn.QUESTIONNAIRE_ERROR_REASON, ERROR_REASON),
            ofClinicTable(SealedColumn.SOBRIETY_RESET_ERROR_REASON, ERROR_REASON),
            ofClinicTable(SealedColumn.POLYGRAPH_ERROR_REASON, ERROR_REASON),
            new Legacy(SealedColumn.COMPLETION_ERROR_REASON, ERROR_REASON, COMPLETION_CLINIC));

    private final Jdbc jdbc;
    private final ClinicCipher cipher;

    @Scheduled(every = "1m", delay = 30, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        int sealed = runPending();
        if (sealed > 0) {
            LOG.infof("Sealed %d clinical texts written in the clear by an earlier version", sealed);
        }
    }

    /** Seals every legacy plaintext value, a batch per transaction; returns how many it sealed. */
    public int runPending() {
        int sealed = 0;
        for (Legacy legacy : LEGACY) {
            int batch;
            do {
                batch = jdbc.inTransaction(c -> sealBatch(c, legacy));
                sealed += batch;
            } while (batch == BATCH);
        }
        return sealed;
    }

    private int sealBatch(Connection c, Legacy legacy) throws SQLException {
        SealedColumn column = legacy.column();
        record Row(UUID id, String text) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(pending(legacy)); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new Row(BinaryUuids.of(r.getBytes(1)), r.getString(2)));
            }
        }
        Map<UUID, ClinicCipher.Sealer> sealers = new HashMap<>();
        for (Row row : rows) {
            UUID clinic = clinicOf(c, legacy, row.id());
            // The clinic's data key is read in a JTA transaction of its own; this one is plain JDBC.
            ClinicCipher.Sealer sealer = sealers.computeIfAbsent(clinic,
                    id -> QuarkusTransaction.requiringNew().call(() -> cipher.sealerFor(id)));
            ClinicCipher.Sealed sealed = sealer.seal(column.purpose(), row.id(), row.text());
            Jdbc.update(c, column.sealRowSql(legacy.plaintextColumn()), sealed.keyId(), sealed.ciphertext(),
                    row.id());
        }
        return rows.size();
    }

    /** The next batch of a column's values still in the clear, locked for sealing. */
    static String pending(Legacy legacy) {
        return "select id, " + legacy.plaintextColumn() + " from " + legacy.column().table() + " where "
                + legacy.plaintextColumn() + " is not null limit " + BATCH + " for update skip locked";
    }

    private static UUID clinicOf(Connection c, Legacy legacy, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(legacy.clinicOfRow())) {
            s.setBytes(1, BinaryUuids.bytes(id));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return BinaryUuids.of(r.getBytes(1));
            }
        }
    }
}
