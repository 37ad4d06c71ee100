package org.shequ.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** The inbox and dead-letter rows; every method runs inside the caller's transaction. */
@ApplicationScoped
public class InboxRepository {

    private final EntityManager em;

    public InboxRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Records the event as handled by this consumer; false if it was already. A concurrent claim of the same event
     * (two instances during a rebalance) waits on the first's row lock and then sees it, so only one applies it.
     */
    boolean claim(String consumer, String eventId, String eventType, Delivery delivery, Instant now) {
        return em.createNativeQuery("INSERT IGNORE INTO inbox_event "
                        + "(consumer, event_id, event_type, topic, partition_no, offset_no, handled_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, consumer).setParameter(2, eventId).setParameter(3, eventType)
                .setParameter(4, delivery.topic()).setParameter(5, delivery.partition())
                .setParameter(6, delivery.offset()).setParameter(7, now)
                .executeUpdate() == 1;
    }

    void park(String consumer, Delivery delivery, String eventId, String eventType, String error, int attempts,
              Instant now) {
        em.createNativeQuery("INSERT IGNORE INTO inbox_parked (consumer, topic, partition_no, offset_no, record_key, "
                        + "event_id, event_type, headers, payload, error, attempts, parked_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
                .setParameter(1, consumer).setParameter(2, delivery.topic()).setParameter(3, delivery.partition())
                .setParameter(4, delivery.offset()).setParameter(5, truncate(delivery.key(), 200))
                .setParameter(6, truncate(eventId, 64)).setParameter(7, truncate(eventType, 200))
                .setParameter(8, delivery.headers()).setParameter(9, delivery.value())
                .setParameter(10, truncate(error, 4000)).setParameter(11, attempts)
                .setParameter(12, now)
                .executeUpdate();
    }

    long parked(String consumer) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM inbox_parked WHERE consumer = ?1")
                .setParameter(1, consumer).getSingleResult()).longValue();
    }

    int deleteHandledBefore(Instant cutoff, int limit) {
        return em.createNativeQuery("DELETE FROM inbox_event WHERE handled_at < ?1 ORDER BY handled_at LIMIT " + limit)
                .setParameter(1, cutoff)
                .executeUpdate();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** Where a record came from, and the record itself as text for the dead-letter row. */
    record Delivery(String topic, int partition, long offset, String key, String headers, String value) {
    }
}
