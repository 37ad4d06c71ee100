package org.shequ.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.model.cloudevents.EventJson;
import org.shequ.model.events.DomainEvent;
import org.shequ.platform.web.RequestIds;
import org.shequ.model.events.EventCatalog;

/**
 * Where services record their domain events. The row joins the caller's transaction ({@code MANDATORY}): the change
 * and its event commit together or not at all, so no event is lost when Kafka is down and none is sent for a change
 * that rolled back.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    public Outbox(OutboxRepository repository, OutboxRelay relay, TransactionSynchronizationRegistry transactions,
                  Clock clock) {
        this.repository = repository;
        this.relay = relay;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Records the event. The aggregate's counter is locked first, and only then is the row inserted and given its
     * seq: a concurrent change to the same aggregate waits for this transaction, so per aggregate the outbox order
     * is the commit order, whatever the services do around it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent append(DomainEvent event) {
        long version = repository.nextAggregateVersion(event.aggregateId());
        CloudEvent envelope = EventJson.envelope(event, clock.instant()).withAggregateVersion(version);
        OutboxEvent row = new OutboxEvent();
        row.aggregateVersion = version;
        row.eventId = envelope.id();
        row.topic = EventCatalog.of(event).topic();
        row.aggregateId = envelope.subject();
        row.eventType = envelope.type();
        row.source = envelope.source();
        row.occurredAt = envelope.time();
        row.payload = envelope.data();
        row.traceParent = RequestIds.traceParent();
        row.requestId = RequestIds.current();
        repository.persist(row);
        // Wake the relay once the row is visible, instead of waiting for its next poll.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return envelope;
    }
}
