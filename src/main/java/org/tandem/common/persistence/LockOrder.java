package org.tandem.common.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * The one order in which scheduling takes row locks ({@code SELECT ... FOR UPDATE}), for the rest of the transaction:
 * <ol>
 * <li>session series (the series extension job locks one; a discharge locks the couple's running ones),</li>
 * <li>therapists, in id order (a booking its therapist; a therapist assignment everyone it names),</li>
 * <li>the couple.</li>
 * </ol>
 * Every transaction that holds more than one of these takes them through here in this order, so two of them never
 * wait on each other in a circle: bookings, series creation and extension, discharge and therapist assignment.
 * Foreign-key checks also take locks (inserting a co-therapist row locks the therapist's row), which is why an
 * assignment locks the therapists it names before the couple.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@RequiredArgsConstructor
public class LockOrder {

    private final EntityManager em;

    /** Step 1: one series (the extension job). @return whether it exists */
    public boolean series(UUID seriesId) {
        return RowLock.lock(em, "session_series", seriesId);
    }

    /** Step 1: every running series of a couple (a discharge); the foreign-key index finds them. */
    public void runningSeriesOf(UUID coupleId) {
        em.createNativeQuery("select id from session_series where couple_id = ?1 and ended = false"
                + " order by id for update").setParameter(1, BinaryUuids.bytes(coupleId)).getResultList();
    }

    /** Steps 2 and 3: the therapists, then the couple. */
    public void therapistsThenCouple(Collection<UUID> therapistIds, UUID coupleId) {
        therapistIds.stream().distinct().sorted().forEach(id -> RowLock.lock(em, "therapist", id));
        couple(coupleId);
    }

    /** Step 3 alone: the couple, after whatever of steps 1 and 2 the transaction needs. */
    public void couple(UUID coupleId) {
        RowLock.lock(em, "couple", coupleId);
    }
}
