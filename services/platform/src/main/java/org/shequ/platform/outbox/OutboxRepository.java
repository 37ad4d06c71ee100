package org.shequ.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
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
     * True when this transaction now holds the relay lease; false at once (no waiting) while another instance's
     * batch holds it.
     */
    boolean tryLease() {
        return !getEntityManager()
                .createNativeQuery("SELECT id FROM outbox_relay_lease WHERE id = 1 FOR UPDATE SKIP LOCKED")
                .getResultList().isEmpty();
    }

    /** The oldest unpublished events, in the order their aggregates' changes committed. Call holding the lease. */
    @SuppressWarnings("unchecked")
    List<OutboxEvent> lockPending(int limit) {
        return getEntityManager()
                .createNativeQuery("SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT ?1 "
                        + "FOR UPDATE", OutboxEvent.class)
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
