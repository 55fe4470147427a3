package org.tandem.exercise;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;
import org.tandem.common.persistence.BinaryUuids;
import org.tandem.crypto.ClinicCipher;
import org.tandem.crypto.SealedColumn;

/**
 * Seals the reflections written in the clear before reflections were sealed (and by a replica of that version
 * during a rolling update), then empties the plaintext column. Every replica runs it each minute; rows are claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so two replicas never seal the same row and neither waits for the other.
 * Logs counts only.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class ReflectionSealing {

    private static final Logger LOG = Logger.getLogger(ReflectionSealing.class);
    private static final int BATCH = 100;
    private static final String PURPOSE = SealedColumn.COMPLETION_REFLECTION.purpose();

    private final AssignmentRepository assignments;
    private final ClinicCipher cipher;

    @Scheduled(every = "1m", delay = 30, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        int sealed = runPending();
        if (sealed > 0) {
            LOG.infof("Sealed %d exercise reflections written in the clear", sealed);
        }
    }

    /** Seals every reflection still in the clear, a batch per transaction; returns how many it sealed. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int runPending() {
        int sealed = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::sealBatch);
            sealed += batch;
        } while (batch == BATCH);
        return sealed;
    }

    private int sealBatch() {
        EntityManager em = assignments.getEntityManager();
        List<?> ids = em.createNativeQuery("select id from completion where reflection is not null limit " + BATCH
                + " for update skip locked").getResultList();
        for (Object id : ids) {
            Completion completion = em.find(Completion.class, BinaryUuids.of((byte[]) id));
            completion.seal(cipher.sealerFor(completion.clinicId()).seal(PURPOSE, completion.getId(),
                    completion.legacyReflection()));
        }
        em.flush();
        return ids.size();
    }
}
