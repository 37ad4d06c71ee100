package org.shequ.platform.db;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * An aggregate read with its row locked to the end of the transaction: two actions on one aggregate queue, and the
 * second sees the state the first left, so it gets the 409 it deserves rather than a lost update.
 */
public final class RowLocks {

    private RowLocks() {
    }

    /** The row of {@code table} whose {@code id} column is {@code id}, as {@code type}, locked for update. */
    public static <T> Optional<T> lockedById(EntityManager entityManager, Class<T> type, String table, String id) {
        // Native, because Hibernate's MySQL dialect writes "FOR UPDATE OF t1_0", which MariaDB does not take.
        List<?> found = entityManager.createNativeQuery("SELECT * FROM " + table + " WHERE id = ?1 FOR UPDATE", type)
                .setParameter(1, id).getResultList();
        return found.stream().map(type::cast).findFirst();
    }
}
