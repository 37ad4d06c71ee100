package org.shequ.webhooks.delivery.api;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A delivery and each of its attempts: status, latency and error, as the subscriber's log shows them. */
public record DeliveryView(String id, long seq, String eventId, String eventType, String status, int attempts,
                           @Schema(nullable = true) OffsetDateTime nextAttemptAt, OffsetDateTime createdAt,
                           @Schema(nullable = true) OffsetDateTime finishedAt, List<Attempt> history) {

    public record Attempt(int attempt, OffsetDateTime at, @Schema(nullable = true) Integer status, int latencyMs,
                          @Schema(nullable = true) String error) {
    }
}
