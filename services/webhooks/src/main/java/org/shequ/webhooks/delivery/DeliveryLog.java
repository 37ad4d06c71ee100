package org.shequ.webhooks.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.KeysetPage;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.web.ApiValues;
import org.shequ.webhooks.delivery.api.DeliveryView;
import org.shequ.webhooks.subscription.Subscription;
import org.shequ.webhooks.subscription.SubscriptionRepository;

/** A subscription's deliveries of the last 30 days, and replaying them. */
@ApplicationScoped
@Transactional
public class DeliveryLog {

    public static final Duration KEPT = Duration.ofDays(30);
    static final int MAX_REPLAY = 1000;

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final Clock clock;

    public DeliveryLog(DeliveryRepository deliveries, SubscriptionRepository subscriptions, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliveryView> recent(Subscription subscription, PageRequest page) {
        Page<Delivery> found = KeysetPage.of(deliveries.getEntityManager(), Delivery.class).newestFirst()
                .where("e.subscriptionId = :subscription", "subscription", subscription.id)
                .where("e.createdAt >= :kept", "kept", clock.instant().minus(KEPT))
                .rows(page, d -> d.createdAt, d -> d.id);
        List<Delivery> rows = found.items();
        Map<String, List<DeliveryAttempt>> attempts = deliveries.attempts(rows.stream().map(d -> d.id).toList())
                .stream().collect(Collectors.groupingBy(a -> a.deliveryId));
        return new Page<>(rows.stream().map(d -> new DeliveryView(d.id, d.seq, d.eventId, d.eventType, d.status,
                d.attempts, d.status.equals(Delivery.PENDING) ? ApiValues.local(d.nextAttemptAt) : null,
                ApiValues.local(d.createdAt), ApiValues.local(d.finishedAt),
                attempts.getOrDefault(d.id, List.of()).stream().map(a -> new DeliveryView.Attempt(a.attempt,
                        ApiValues.local(a.at), a.status, a.latencyMs, a.error)).toList())).toList(),
                found.nextCursor());
    }

    /**
     * Queues again every event delivered (or not) since the instant, in their order, behind what is pending; each keeps
     * its {@code webhook-id}, so a receiver that has it already can tell. Answers how many were queued.
     */
    public int replay(Subscription owned, Instant since) {
        Subscription subscription = subscriptions.locked(owned.id).orElseThrow();
        Instant now = clock.instant();
        int queued = 0;
        for (Delivery earlier : deliveries.since(subscription.id, since, MAX_REPLAY)) {
            Delivery again = new Delivery();
            again.id = UUID.randomUUID().toString();
            again.subscriptionId = subscription.id;
            again.seq = ++subscription.nextSeq;
            again.eventId = earlier.eventId;
            again.eventType = earlier.eventType;
            again.aggregateId = earlier.aggregateId;
            again.body = earlier.body;
            again.status = Delivery.PENDING;
            again.nextAttemptAt = now;
            again.createdAt = now;
            deliveries.record(again);
            queued++;
        }
        return queued;
    }
}
