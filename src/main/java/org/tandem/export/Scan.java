package org.tandem.export;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.tandem.common.persistence.Jdbc;

/**
 * Read-only queries for exports. {@link #stream} uses MySQL Connector/J's row streaming (fetch size
 * Integer.MIN_VALUE): rows arrive one at a time, so a million-row export holds one row in memory, not a result set.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class Scan {

    @FunctionalInterface
    public interface Rows {
        void row(ResultSet r) throws SQLException;
    }

    private final AgroalDataSource db;

    public void stream(String sql, List<Object> params, Rows rows) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE);
            Jdbc.bind(s, params.toArray());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.row(r);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Export query failed", e);
        }
    }

    public long count(String sql, List<Object> params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, params.toArray());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Export count failed", e);
        }
    }

    /**
     * Rows of a table of couple records ({@code x}) in the scope's couples and period, for a job's expected count.
     * The clinic condition is the couple's alone: with the table's own clinic_id as well, MariaDB reads every
     * row from the table, where the couple-and-date index answers on its own (the count had doubled the database
     * work of a million-row export, docs/performance.md). {@code rowCondition} (on {@code x}, or null) must be
     * answerable from that index too.
     */
    long countInScope(ExportScope s, String table, String dateColumn, Object from, Object to, boolean toExclusive,
            String rowCondition) {
        return count("select count(*) from " + table + " x join couple c on c.id = x.couple_id where " + s.couples()
                + " and x." + dateColumn + " >= ? and x." + dateColumn + (toExclusive ? " < ?" : " <= ?")
                + (rowCondition == null ? "" : " and " + rowCondition), s.params(from, to));
    }

    /** An instant as the database stores it (UTC datetime). */
    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet r, String column) throws SQLException {
        LocalDateTime t = r.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

}
