package org.tandem.common.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * Plain JDBC for the bookkeeping that must commit at once, outside any request transaction: export jobs,
 * idempotency records, webhook deliveries. Each call takes its own connection. Parameters bind UUIDs as
 * binary(16) and Instants as timestamps, as Hibernate stores them.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class Jdbc {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final AgroalDataSource db;

    public AgroalDataSource dataSource() {
        return db;
    }

    /** Runs {@code work} in a transaction of its own: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Database bookkeeping failed", e);
        }
    }

    /** One statement, committed at once; returns the rows changed. */
    public int update(String sql, Object... params) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(true);
            return update(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException("Database bookkeeping failed", e);
        }
    }

    /** One statement on {@code c}, in whatever transaction it has. */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        }
    }

    public static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof UUID id) {
                s.setBytes(i + 1, BinaryUuids.bytes(id));
            } else if (p instanceof Instant t) {
                s.setTimestamp(i + 1, Timestamp.from(t));
            } else {
                s.setObject(i + 1, p);
            }
        }
    }
}
