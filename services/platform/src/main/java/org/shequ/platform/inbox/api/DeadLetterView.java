package org.shequ.platform.inbox.api;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A record a consumer gave up on (parked), kept whole so it can be replayed once its cause is "
        + "fixed. The record's content is not shown: it may carry personal data.")
public record DeadLetterView(
        @Schema(examples = "42") String id,
        @Schema(examples = "food-safety-follow-ups") String consumer,
        @Schema(examples = "shequ.food-inspections.v1") String topic,
        int partition,
        long offset,
        @Schema(nullable = true, description = "The CloudEvent id, when the record had one") String eventId,
        @Schema(nullable = true) String eventType,
        @Schema(description = "Why the consumer gave up") String error,
        int attempts,
        OffsetDateTime parkedAt) {
}
