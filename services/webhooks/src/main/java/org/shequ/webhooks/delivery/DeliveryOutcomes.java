package org.shequ.webhooks.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import org.shequ.model.events.webhooks.SubscriptionEvent;
import org.shequ.platform.outbox.Outbox;
import org.shequ.webhooks.subscription.Subscription;
import org.shequ.webhooks.subscription.SubscriptionRepository;

/**
 * What an answer does to a delivery: a 2xx delivers it; 410 Gone disables the subscription; anything else (no answer
 * included) is tried again after an exponential, jittered wait, or after {@code Retry-After} on 429 and 503, until
 * {@code give-up-after} has passed since the event: then it fails and the subscription is disabled. Disabling is an
 * event ({@code shequ.webhooks.subscription.disabled.v1}) and gives up the subscription's other pending deliveries.
 */
@ApplicationScoped
@Transactional
public class DeliveryOutcomes {

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final Outbox outbox;
    private final WebhookConfig config;
    private final Clock clock;

    public DeliveryOutcomes(DeliveryRepository deliveries, SubscriptionRepository subscriptions, Outbox outbox,
                            WebhookConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public void record(String deliveryId, String subscriptionId, Instant at, Integer status, int latencyMs,
                       String error, String retryAfter) {
        Delivery delivery = deliveries.findById(deliveryId);
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.deliveryId = deliveryId;
        attempt.attempt = ++delivery.attempts;
        attempt.at = at;
        attempt.status = status;
        attempt.latencyMs = latencyMs;
        attempt.error = truncate(error);
        deliveries.record(attempt);
        Instant now = clock.instant();
        delivery.leaseUntil = null;
        delivery.lastStatus = status;
        delivery.lastError = truncate(error);
        if (status != null && status >= 200 && status < 300) {
            delivery.status = Delivery.SUCCEEDED;
            delivery.finishedAt = now;
        } else if (status != null && status == 410) {
            fail(delivery, now);
            disable(subscriptionId, "the endpoint answered 410 Gone", now);
        } else if (Duration.between(delivery.createdAt, now).compareTo(config.giveUpAfter()) >= 0) {
            fail(delivery, now);
            disable(subscriptionId, "deliveries kept failing for " + config.giveUpAfter().toHours() + " hours; last: "
                    + (status != null ? "HTTP " + status : error), now);
        } else {
            delivery.nextAttemptAt = now.plus(wait(delivery.attempts, status, retryAfter, now));
        }
    }

    /** Gives a claimed delivery back unsent, for another round. */
    public void release(String deliveryId) {
        deliveries.findByIdOptional(deliveryId).ifPresent(d -> d.leaseUntil = null);
    }

    Duration wait(int attempts, Integer status, String retryAfter, Instant now) {
        if (retryAfter != null && status != null && (status == 429 || status == 503)) {
            Duration asked = retryAfter(retryAfter, now);
            if (asked != null) {
                return asked.compareTo(config.retryCap()) > 0 ? config.retryCap() : asked;
            }
        }
        return backoff(config.retryBase(), config.retryCap(), attempts);
    }

    /** {@code base} doubled per attempt after the first, at most {@code cap}, within ±20 % so retries spread out. */
    static Duration backoff(Duration base, Duration cap, int attempts) {
        double exponential = base.toMillis() * Math.pow(2, Math.min(attempts - 1, 30));
        double capped = Math.min(exponential, cap.toMillis());
        return Duration.ofMillis((long) (capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when it is neither. */
    static Duration retryAfter(String value, Instant now) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant when = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return when.isAfter(now) ? Duration.between(now, when) : Duration.ZERO;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private void fail(Delivery delivery, Instant now) {
        delivery.status = Delivery.FAILED;
        delivery.finishedAt = now;
        deliveries.flush(); // before the bulk update of the subscription's other deliveries
    }

    private void disable(String subscriptionId, String reason, Instant now) {
        Subscription subscription = subscriptions.locked(subscriptionId).orElseThrow();
        if (Subscription.DISABLED.equals(subscription.status)) {
            return;
        }
        subscription.status = Subscription.DISABLED;
        subscription.disabledReason = reason;
        subscription.updatedAt = now;
        deliveries.failPending(subscriptionId, "subscription disabled: " + reason, now);
        outbox.append(new SubscriptionEvent.Disabled(subscriptionId, subscription.owner, reason, now));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
