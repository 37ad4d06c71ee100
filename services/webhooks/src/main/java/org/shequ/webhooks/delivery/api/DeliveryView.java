package org.shequ.webhooks.delivery.api;

import java.time.OffsetDateTime;
import java.util.List;

/** A delivery and each of its attempts: status, latency and error, as the subscriber's log shows them. */
public record DeliveryView(String id, long seq, String eventId, String eventType, String status, int attempts,
                           OffsetDateTime nextAttemptAt, OffsetDateTime createdAt, OffsetDateTime finishedAt,
                           List<Attempt> history) {

    public record Attempt(int attempt, OffsetDateTime at, Integer status, int latencyMs, String error) {
    }
}
