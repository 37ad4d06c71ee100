package org.shequ.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.model.events.DomainEvent;

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

    /**
     * Applies the event once for this handler: claims its id, then runs the handler; false, and nothing run, when it
     * was handled before (a redelivery, a copy the relay sent twice, a replay of one applied since). Call inside the
     * transaction the handler's effect goes into. Both the consumer loop and a dead letter's replay go through here.
     */
    boolean applyOnce(EventHandler handler, DomainEvent event, CloudEvent envelope, Delivery delivery, Instant now)
            throws Exception {
        if (!claim(handler.name(), envelope.id(), envelope.type(), delivery, now)) {
            return false;
        }
        handler.handle(event, envelope);
        return true;
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

    /** A parked record as the dead-letter endpoints read it. */
    record Parked(long id, String consumer, String topic, int partition, long offset, String key, String eventId,
                  String eventType, String headers, String payload, String error, int attempts, Instant parkedAt) {

        Delivery delivery() {
            return new Delivery(topic, partition, offset, key, headers, payload);
        }
    }

    private static final String PARKED_COLUMNS = "id, consumer, topic, partition_no, offset_no, record_key, event_id, "
            + "event_type, headers, payload, error, attempts, parked_at";

    /** Oldest first after (parkedAt, id), optionally of one consumer (ix_inbox_parked_consumer). */
    List<Parked> parkedPage(String consumer, Instant afterAt, Long afterId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + PARKED_COLUMNS + " FROM inbox_parked WHERE 1 = 1");
        if (consumer != null) {
            sql.append(" AND consumer = :consumer");
        }
        if (afterAt != null) {
            sql.append(" AND (parked_at > :at OR (parked_at = :at AND id > :id))");
        }
        var query = em.createNativeQuery(sql.append(" ORDER BY parked_at, id LIMIT " + limit).toString());
        if (consumer != null) {
            query.setParameter("consumer", consumer);
        }
        if (afterAt != null) {
            query.setParameter("at", afterAt).setParameter("id", afterId);
        }
        return ((List<?>) query.getResultList()).stream().map(row -> parked((Object[]) row)).toList();
    }

    java.util.Optional<Parked> parked(long id) {
        List<?> rows = em.createNativeQuery("SELECT " + PARKED_COLUMNS + " FROM inbox_parked WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
        return rows.stream().map(row -> parked((Object[]) row)).findFirst();
    }

    void unpark(long id) {
        em.createNativeQuery("DELETE FROM inbox_parked WHERE id = ?1").setParameter(1, id).executeUpdate();
    }

    void failedAgain(long id, String error) {
        em.createNativeQuery("UPDATE inbox_parked SET attempts = attempts + 1, error = ?1 WHERE id = ?2")
                .setParameter(1, truncate(error, 4000)).setParameter(2, id).executeUpdate();
    }

    private static Parked parked(Object[] r) {
        return new Parked(((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                ((Number) r[4]).longValue(), (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                (String) r[10], ((Number) r[11]).intValue(), org.shequ.platform.db.SqlValues.instant(r[12]));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /**
     * Where a record came from, and the record itself as text for the dead-letter row: its headers as "name: value"
     * lines, its value as UTF-8. {@link #of} writes that form and {@link #record} reads it back for a replay.
     */
    record Delivery(String topic, int partition, long offset, String key, String headers, String value) {

        static Delivery of(ConsumerRecord<String, byte[]> record) {
            String headers = StreamSupport.stream(record.headers().spliterator(), false)
                    .map(h -> h.key() + ": " + (h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8)))
                    .collect(Collectors.joining("\n"));
            return new Delivery(record.topic(), record.partition(), record.offset(), record.key(), headers,
                    record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
        }

        ConsumerRecord<String, byte[]> record() {
            ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, partition, offset, key,
                    value == null ? null : value.getBytes(StandardCharsets.UTF_8));
            for (String line : headers.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    record.headers().add(line.substring(0, colon),
                            line.substring(colon + 2).getBytes(StandardCharsets.UTF_8));
                }
            }
            return record;
        }
    }
}
