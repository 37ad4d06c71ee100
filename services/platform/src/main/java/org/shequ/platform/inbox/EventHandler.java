package org.shequ.platform.inbox;

import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.model.events.DomainEvent;

/**
 * A service's reaction to another service's events. Declare one as an {@code @ApplicationScoped} bean and the
 * platform's {@link InboxConsumers} runs a consumer loop for it: its own consumer group, one transaction per event
 * holding both the inbox row and the handler's effect, offsets committed after that transaction, and parking of
 * events that keep failing.
 */
public interface EventHandler {

    /**
     * Names the consumer: the Kafka group is {@code shequ.<service>.<name>} and inbox rows are kept under it, so two
     * handlers of one service see every event each. Never rename a deployed handler: its group would start afresh.
     */
    String name();

    /** The topic it reads, e.g. {@code Topics.FOOD_INSPECTIONS}. */
    String topic();

    /** Whether the handler cares for this {@code ce_type}; others are passed over without an inbox row. */
    boolean wants(String eventType);

    /**
     * Applies the event, inside the transaction that records it in the inbox; throwing rolls both back. A failure the
     * event itself causes (it names something unknown, it breaks a rule) is retried a few times, then parked; a
     * database or broker outage is retried until it ends.
     */
    void handle(DomainEvent event, CloudEvent envelope) throws Exception;
}
