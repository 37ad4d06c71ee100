package org.shequ.webhooks.fanout;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.shequ.model.cloudevents.CloudEvent;
import org.shequ.model.events.DomainEvent;
import org.shequ.webhooks.delivery.Delivery;
import org.shequ.webhooks.delivery.DeliveryRepository;
import org.shequ.webhooks.subscription.Subscription;
import org.shequ.webhooks.subscription.SubscriptionRepository;

/**
 * Queues an event for every active subscription it matches, inside the consumer's inbox transaction, so an event is
 * queued once per subscriber however often it is delivered to this service. Each delivery takes the next number of
 * its subscription under that row's lock: the dispatcher sends a subscription's deliveries in that order.
 */
@ApplicationScoped
public class DeliveryPlanner {

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final Clock clock;

    public DeliveryPlanner(SubscriptionRepository subscriptions, DeliveryRepository deliveries, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public void plan(DomainEvent event, CloudEvent envelope) {
        String body = null;
        Instant now = clock.instant();
        for (Subscription candidate : subscriptions.active()) {
            if (!matches(candidate, event, envelope)) {
                continue;
            }
            Subscription subscription = subscriptions.locked(candidate.id).orElseThrow();
            if (!Subscription.ACTIVE.equals(subscription.status)) {
                continue;
            }
            body = body != null ? body : PublicEvent.body(envelope);
            Delivery delivery = new Delivery();
            delivery.id = UUID.randomUUID().toString();
            delivery.subscriptionId = subscription.id;
            delivery.seq = ++subscription.nextSeq;
            delivery.eventId = envelope.id();
            delivery.eventType = envelope.type();
            delivery.aggregateId = event.aggregateId();
            delivery.body = body;
            delivery.status = Delivery.PENDING;
            delivery.nextAttemptAt = now;
            delivery.createdAt = now;
            deliveries.record(delivery);
        }
    }

    /** Its types, then its community and address filters; a later event of an aggregate it was sent follows it. */
    boolean matches(Subscription subscription, DomainEvent event, CloudEvent envelope) {
        boolean wanted = subscription.typeList().stream().anyMatch(t -> t.endsWith("*")
                ? envelope.type().startsWith(t.substring(0, t.length() - 1)) : envelope.type().equals(t));
        if (!wanted) {
            return false;
        }
        if (subscription.community != null) {
            Optional<String> community = EventFacts.community(event);
            if (community.isPresent() ? !community.get().equals(subscription.community)
                    : !deliveries.delivered(subscription.id, event.aggregateId())) {
                return false;
            }
        }
        if (subscription.address != null) {
            Optional<Boolean> concerns = EventFacts.concerns(event, subscription.address);
            return concerns.orElseGet(() -> deliveries.delivered(subscription.id, event.aggregateId()));
        }
        return true;
    }
}
