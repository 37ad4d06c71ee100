package org.shequ.model.events.webhooks;

import java.time.Instant;
import java.util.List;
import org.shequ.model.events.DomainEvent;
import org.shequ.model.events.EventType;

/** What happens to webhook subscriptions, on {@code shequ.webhooks.v1}: operators and subscribers watch for it. */
public sealed interface SubscriptionEvent extends DomainEvent permits SubscriptionEvent.Disabled {

    List<EventType> TYPES = List.of(
            EventType.of("webhooks", "subscription", "disabled", Disabled.class));

    String subscriptionId();

    @Override
    default String aggregateId() {
        return subscriptionId();
    }

    /** Deliveries stopped: the endpoint answered 410 Gone, or kept failing for three days. */
    record Disabled(String subscriptionId, String owner, String reason, Instant at) implements SubscriptionEvent {
    }
}
