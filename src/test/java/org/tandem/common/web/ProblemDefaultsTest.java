package org.tandem.common.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which server errors are outages to wait out (503) rather than bugs (500), however deep the cause. */
class ProblemDefaultsTest {

    @Test
    void anExhaustedPoolIsFoundUnderTheWrappers() {
        Throwable agroal = new SQLException("Sorry, acquisition timeout!");
        assertTrue(ProblemDefaults.poolExhausted(new PersistenceException(new RuntimeException(agroal))));
        assertFalse(ProblemDefaults.poolExhausted(new PersistenceException(new SQLException("Duplicate entry"))));
        assertFalse(ProblemDefaults.poolExhausted(new RuntimeException("acquisition timeout, but not from JDBC")));
    }

    @Test
    void aLostConnectionIsFoundUnderTheWrappers() {
        assertTrue(ProblemDefaults.lostDatabase(new PersistenceException(new SQLTransientConnectionException("gone"))));
        assertFalse(ProblemDefaults.lostDatabase(new PersistenceException(new SQLException("Duplicate entry"))));
        assertFalse(ProblemDefaults.lostDatabase(null));
    }

    /** A commit that loses the database: the driver's failure is only a suppressed exception of the rollback. */
    @Test
    void aConnectionLostAtCommitIsFoundAmongSuppressedExceptions() {
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction");
        xa.initCause(new java.sql.SQLNonTransientConnectionException("Communications link failure"));
        rollback.addSuppressed(xa);
        assertTrue(ProblemDefaults.lostDatabase(new RuntimeException("Error invoking subclass method", rollback)));
        Exception other = new Exception("ARJUNA016053: Could not commit transaction.");
        other.addSuppressed(new SQLException("Deadlock found"));
        assertFalse(ProblemDefaults.lostDatabase(new RuntimeException(other)));
    }
}
