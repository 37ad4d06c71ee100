package org.shequ.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.shequ.platform.db.SqlValues;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEvent> {

    /**
     * Locks the aggregate's event counter for the rest of the transaction and returns its next value. Writers of
     * the same aggregate queue here, so each one's outbox seq is taken after the previous one committed.
     */
    long nextAggregateVersion(String aggregateId) {
        getEntityManager()
                .createNativeQuery("INSERT INTO outbox_aggregate (aggregate_id, last_version) VALUES (?1, 1) "
                        + "ON DUPLICATE KEY UPDATE last_version = last_version + 1")
                .setParameter(1, aggregateId)
                .executeUpdate();
        return ((Number) getEntityManager()
                .createNativeQuery("SELECT last_version FROM outbox_aggregate WHERE aggregate_id = ?1 FOR UPDATE")
                .setParameter(1, aggregateId)
                .getSingleResult()).longValue();
    }

    /**
     * True when {@code holder} now holds the relay lease until {@code length} from now (database time): it held it
     * already, nobody did, or the last holder let it run out. Answers at once: the row is locked only for this short
     * transaction, never while a batch is being sent.
     */
    boolean tryLease(String holder, Duration length) {
        return getEntityManager()
                .createNativeQuery("UPDATE outbox_relay_lease SET holder = ?1, "
                        + "expires_at = DATE_ADD(NOW(6), INTERVAL ?2 MICROSECOND) "
                        + "WHERE id = 1 AND (holder = ?1 OR holder IS NULL OR expires_at < NOW(6))")
                .setParameter(1, holder)
                .setParameter(2, length.toNanos() / 1_000)
                .executeUpdate() == 1;
    }

    /** Lets the lease go, so another instance takes over at its next poll instead of when the lease runs out. */
    void releaseLease(String holder) {
        getEntityManager()
                .createNativeQuery("UPDATE outbox_relay_lease SET holder = NULL WHERE id = 1 AND holder = ?1")
                .setParameter(1, holder)
                .executeUpdate();
    }

    /**
     * The oldest unpublished events, in the order their aggregates' changes committed: a plain consistent read that
     * locks no row and no gap, so writers go on inserting while the batch is sent. Call holding the lease.
     */
    @SuppressWarnings("unchecked")
    List<OutboxEvent> pending(int limit) {
        return getEntityManager()
                .createNativeQuery("SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT ?1",
                        OutboxEvent.class)
                .setParameter(1, limit)
                .getResultList();
    }

    void markPublished(List<Long> seqs, Instant at) {
        update("publishedAt = ?1 where seq in ?2", at, seqs);
    }

    /** How many events wait, and when the oldest of them happened (null when none wait). */
    Backlog backlog() {
        Object[] row = (Object[]) getEntityManager()
                .createNativeQuery("SELECT COUNT(*), MIN(occurred_at) FROM outbox_event WHERE published_at IS NULL")
                .getSingleResult();
        return new Backlog(((Number) row[0]).longValue(), SqlValues.instant(row[1]));
    }

    /** Deletes at most {@code limit} events published before {@code cutoff}; the caller repeats while it gets a full batch. */
    int deletePublishedBefore(Instant cutoff, int limit) {
        return getEntityManager()
                .createNativeQuery("DELETE FROM outbox_event WHERE published_at IS NOT NULL AND published_at < ?1 "
                        + "ORDER BY published_at LIMIT ?2")
                .setParameter(1, cutoff)
                .setParameter(2, limit)
                .executeUpdate();
    }

    record Backlog(long pending, Instant oldest) {
    }
}
