package org.shequ.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEvent> {

    /**
     * The oldest unpublished events, locked for this transaction. SKIP LOCKED lets several replicas relay at once
     * without waiting on, or double-sending, each other's rows.
     */
    @SuppressWarnings("unchecked")
    List<OutboxEvent> lockPending(int limit) {
        return getEntityManager()
                .createNativeQuery("SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT ?1 "
                        + "FOR UPDATE SKIP LOCKED", OutboxEvent.class)
                .setParameter(1, limit)
                .getResultList();
    }

    void markPublished(List<Long> seqs, Instant at) {
        update("publishedAt = ?1 where seq in ?2", at, seqs);
    }

    long countPending() {
        return count("publishedAt is null");
    }

    long deletePublishedBefore(Instant cutoff) {
        return delete("publishedAt is not null and publishedAt < ?1", cutoff);
    }
}
