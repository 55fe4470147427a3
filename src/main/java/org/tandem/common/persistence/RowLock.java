package org.tandem.common.persistence;

import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Locks one row of a table for the rest of the transaction. A plain {@code SELECT ... FOR UPDATE}: Hibernate's
 * MySQL dialect writes {@code FOR UPDATE OF alias}, which MariaDB does not accept. Table and column names come from
 * code, never from a request.
 */
public final class RowLock {

    private RowLock() {
    }

    /** @return whether the row exists (and is now locked) */
    public static boolean lock(EntityManager em, String table, UUID id) {
        return !em.createNativeQuery("select id from " + table + " where id = ?1 for update")
                .setParameter(1, BinaryUuids.bytes(id)).getResultList().isEmpty();
    }

    /** @return whether the row exists with that owner (and is now locked) */
    public static boolean lock(EntityManager em, String table, UUID id, String ownerColumn, UUID owner) {
        return !em.createNativeQuery("select id from " + table + " where id = ?1 and " + ownerColumn + " = ?2"
                + " for update").setParameter(1, BinaryUuids.bytes(id)).setParameter(2, BinaryUuids.bytes(owner))
                .getResultList().isEmpty();
    }
}
