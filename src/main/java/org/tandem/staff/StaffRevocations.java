package org.tandem.staff;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

/**
 * Who is deactivated, as this replica knows it: re-read from the database every {@code tandem.staff.revocation-refresh}
 * (2 s), so a deactivation made on any replica is refused on all of them within seconds, while callers' ids stay
 * cached for minutes (CallerCache). The database is the shared store; this set only saves a query per request.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class StaffRevocations {

    private static final Logger LOG = Logger.getLogger(StaffRevocations.class);

    private final StaffRepository staff;
    private volatile Set<String> subjects;

    public boolean isRevoked(String subject) {
        Set<String> known = subjects;
        if (known == null) {
            known = refresh();
        }
        return known.contains(subject);
    }

    // Not once shutdown has begun: the datasource may already be closed, and the refresh would only log a warning.
    @Scheduled(every = "${tandem.staff.revocation-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // The last known set stays in force; the next run tries again.
            LOG.warnf("Could not re-read deactivated staff: %s", e.getClass().getName());
        }
    }

    /** Re-reads the deactivated subjects now. */
    public Set<String> refresh() {
        Set<String> read = ConcurrentHashMap.newKeySet();
        read.addAll(QuarkusTransaction.requiringNew().call(staff::deactivatedSubjects));
        subjects = read;
        return read;
    }

    /** This replica's own change, effective at once (others see it at their next refresh). */
    void changed(String subject, boolean deactivated) {
        Set<String> known = subjects;
        if (known == null) {
            return;
        }
        if (deactivated) {
            known.add(subject);
        } else {
            known.remove(subject);
        }
    }
}
