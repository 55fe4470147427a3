package org.tandem.testsupport;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tandem.common.persistence.BinaryUuids;

/**
 * Measurement rows for exports, seeded straight into the database (the benchmark, and the app-kill test), and
 * dumped raw as the benchmark's reference.
 */
public final class ExportRows {

    public static final LocalDate FIRST = LocalDate.of(2023, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2025, 11, 30);

    private ExportRows() {
    }

    /** Rows written and bytes of plain comma-joined text. */
    public record Dump(long rows, long bytes) {
    }

    /** Inserts measurement rows for one partner with multi-row INSERTs of 1000, spread over three years. */
    public static void seed(Connection c, UUID couple, UUID partner, int rows) throws Exception {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            String clinic;
            try (ResultSet r = s.executeQuery("select hex(clinic_id) from couple where id = unhex('" + hex(couple)
                    + "')")) {
                r.next();
                clinic = r.getString(1);
            }
            String prefix = "insert into measurement (id, clinic_id, couple_id, partner_id, metric_key, measured_on,"
                    + " value, source, is_private, recorded_by, created_at) values ";
            int days = (int) (LAST.toEpochDay() - FIRST.toEpochDay()) + 1;
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                sql.append(sql.isEmpty() ? prefix : ",");
                sql.append("(unhex('").append(hex(UUID.randomUUID())).append("'),unhex('").append(clinic)
                        .append("'),unhex('").append(hex(couple)).append("'),unhex('").append(hex(partner))
                        .append("'),'").append(i % 2 == 0 ? "trust" : "hope").append("','")
                        .append(FIRST.plusDays(i % days)).append("',").append(i % 11).append(",'SELF_REPORT',")
                        .append(i % 3 == 0).append(",'bench',now(6))");
                if ((i + 1) % 1000 == 0 || i == rows - 1) {
                    s.executeUpdate(sql.toString());
                    sql.setLength(0);
                    if ((i + 1) % 50_000 == 0) {
                        c.commit();
                    }
                }
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        // Fresh optimizer statistics, as a settled table has. Without this, InnoDB recalculates them in the
        // background at some point after the bulk insert, and which plan a later query gets depends on the timing.
        try (Statement s = c.createStatement()) {
            s.execute("analyze table measurement, couple, partner");
        }
    }

    /**
     * The export's ratings query (ObservationExport, clinic scope), word for word, with the couple's clinic bound
     * to both clinic conditions, so both sides get the same plan.
     */
    public static final String RATINGS = "select straight_join m.id, m.couple_id, c.code, m.partner_id, p.seat,"
            + " m.measured_on, m.metric_key, m.value, m.source, m.is_private"
            + " from measurement m force index (ix_measurement_clinic_day) join couple c on c.id = m.couple_id"
            + " left join partner p on p.id = m.partner_id where c.clinic_id = ? and m.clinic_id = ?"
            + " and m.measured_on >= ? and m.measured_on <= ? and m.entered_in_error_at is null"
            + " order by m.measured_on, m.id";

    /**
     * The export's ratings query streamed over JDBC row by row and written as plain comma-joined text to nowhere:
     * the fastest these rows can leave the database.
     */
    public static Dump rawDump(Connection c, UUID couple, LocalDate from, LocalDate to) throws Exception {
        long rows = 0;
        long bytes = 0;
        OutputStream sink = OutputStream.nullOutputStream();
        try (PreparedStatement s = ratings(c, "", couple, from, to)) {
            s.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet r = s.executeQuery()) {
                StringBuilder line = new StringBuilder(200);
                while (r.next()) {
                    line.setLength(0);
                    for (int i = 1; i <= 10; i++) {
                        Object v = r.getObject(i);
                        line.append(v instanceof byte[] b ? BinaryUuids.of(b) : v).append(i < 10 ? ',' : '\n');
                    }
                    byte[] out = line.toString().getBytes(StandardCharsets.UTF_8);
                    sink.write(out);
                    bytes += out.length;
                    rows++;
                }
            }
        }
        return new Dump(rows, bytes);
    }

    /** MariaDB's plan for the ratings query (EXPLAIN), one line per table, for the benchmark's report. */
    public static List<String> plan(Connection c, UUID couple, LocalDate from, LocalDate to) throws Exception {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement s = ratings(c, "explain ", couple, from, to); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                lines.add(r.getString("table") + ": " + r.getString("type") + " on " + r.getString("key")
                        + ", " + r.getString("rows") + " rows, " + r.getString("Extra"));
            }
        }
        return lines;
    }

    private static PreparedStatement ratings(Connection c, String prefix, UUID couple, LocalDate from, LocalDate to)
            throws Exception {
        byte[] clinic;
        try (PreparedStatement s = c.prepareStatement("select clinic_id from couple where id = ?")) {
            s.setBytes(1, BinaryUuids.bytes(couple));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                clinic = r.getBytes(1);
            }
        }
        PreparedStatement s = c.prepareStatement(prefix + RATINGS, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        try {
            s.setBytes(1, clinic);
            s.setBytes(2, clinic);
            s.setObject(3, from);
            s.setObject(4, to);
            return s;
        } catch (SQLException e) {
            s.close(); // the caller only closes what it gets
            throw e;
        }
    }

    private static String hex(UUID id) {
        return id.toString().replace("-", "");
    }
}
