package org.tandem.common;

import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Locks one row of a table for the rest of the transaction, if it belongs to the given owner. A plain
 * {@code SELECT ... FOR UPDATE}: Hibernate's MySQL dialect writes {@code FOR UPDATE OF alias}, which MariaDB does
 * not accept.
 */
public final class RowLock {

    private RowLock() {
    }

    /**
     * @param table and {@code ownerColumn}: names from code, never from a request
     * @return whether the row exists with that owner (and is now locked)
     */
    public static boolean lock(EntityManager em, String table, UUID id, String ownerColumn, UUID owner) {
        return !em.createNativeQuery("select id from " + table + " where id = ?1 and " + ownerColumn + " = ?2"
                + " for update").setParameter(1, BinaryUuids.bytes(id)).setParameter(2, BinaryUuids.bytes(owner))
                .getResultList().isEmpty();
    }
}
