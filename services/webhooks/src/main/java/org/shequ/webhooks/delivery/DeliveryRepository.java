package org.shequ.webhooks.delivery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, String> {

    /**
     * Due deliveries that head their subscription's queue (no older unfinished one of the same subscription) and no
     * replica holds, locked without waiting: replicas claiming at once get disjoint sets, and a subscription's
     * deliveries leave one at a time, in order.
     */
    @SuppressWarnings("unchecked")
    public List<Delivery> claimDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("SELECT d.* FROM delivery d WHERE d.status = 'PENDING'"
                        + " AND d.next_attempt_at <= ?1 AND (d.lease_until IS NULL OR d.lease_until < ?1)"
                        + " AND NOT EXISTS (SELECT 1 FROM delivery e WHERE e.subscription_id = d.subscription_id"
                        + " AND e.status = 'PENDING' AND e.seq < d.seq)"
                        + " ORDER BY d.next_attempt_at LIMIT " + limit + " FOR UPDATE SKIP LOCKED", Delivery.class)
                .setParameter(1, now).getResultList();
    }

    public boolean delivered(String subscriptionId, String aggregateId) {
        return count("subscriptionId = ?1 and aggregateId = ?2", subscriptionId, aggregateId) > 0;
    }

    public List<Delivery> since(String subscriptionId, Instant since, int limit) {
        return find("subscriptionId = ?1 and createdAt >= ?2 order by seq", subscriptionId, since).range(0, limit - 1)
                .list();
    }

    /** Newest first, within the log's 30 days. */
    public List<DeliveryAttempt> attempts(List<String> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("from DeliveryAttempt a where a.deliveryId in :ids order by a.id",
                DeliveryAttempt.class).setParameter("ids", deliveryIds).getResultList();
    }

    public void record(Object entity) {
        getEntityManager().persist(entity);
    }

    /** Gives up the subscription's unfinished deliveries, e.g. when it is disabled. */
    public int failPending(String subscriptionId, String reason, Instant now) {
        return update("status = ?1, lastError = ?2, finishedAt = ?3 where subscriptionId = ?4 and status = ?5",
                Delivery.FAILED, reason, now, subscriptionId, Delivery.PENDING);
    }
}
