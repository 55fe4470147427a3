package org.tandem.common.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

/**
 * Warms Hibernate's HQL parser before the first request. The parser (ANTLR) fills a prediction cache, shared by
 * all queries, on its first parses: cold, one of our scoped queries took 300 ms and allocated 80 MB on the
 * benchmark machine, and 50 concurrent first requests of the week agenda took 9 s of CPU and lifted the live heap
 * to 140 MB, close to the pod's memory limit (docs/performance.md). Warm, a query Hibernate has not seen yet
 * parses in a few milliseconds. Only the grammar matters here, not the exact strings: these are the shapes the
 * API's queries take (scoped subqueries, fetch joins, aggregates). Nothing is executed.
 */
@ApplicationScoped
@RequiredArgsConstructor
class HqlWarmUp {

    private static final Logger LOG = Logger.getLogger(HqlWarmUp.class);

    static final List<String> SHAPES = List.of(
            "select s, (select count(*) from SafetyFlag osf where osf.coupleId = s.couple.id"
                    + " and osf.acknowledgedAt is null) from TherapySession s where s.couple.id in (select c.id from Couple c where c.clinic.id = :clinic"
                    + " and (c.primaryTherapist.id = :therapist or exists (select 1 from Couple a"
                    + " join a.coTherapists t where a = c and t.id = :therapist))) and s.endsAt > :from"
                    + " and s.startsAt < :to and s.status = :status and s.therapist.id = :therapistId"
                    + " order by s.startsAt, s.id",
            "select c, (select count(*) from SafetyFlag osf where osf.coupleId = c.id and osf.acknowledgedAt is null)"
                    + " from Couple c left join fetch c.primaryTherapist left join fetch c.coTherapists"
                    + " left join fetch c.partners where c.id = :id and c.clinic.id = :clinic",
            "select s.status, s.lateCancellation, count(s) from TherapySession s where s.couple.id = :couple"
                    + " and s.startsAt >= :from and s.startsAt < :to group by s.status, s.lateCancellation");

    private final EntityManager entityManager;

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        // createQuery parses and checks the query against the entities; no connection is taken.
        QuarkusTransaction.requiringNew().run(() -> SHAPES.forEach(entityManager::createQuery));
        LOG.debugf("HQL parser warmed in %d ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
