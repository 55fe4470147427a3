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
}
