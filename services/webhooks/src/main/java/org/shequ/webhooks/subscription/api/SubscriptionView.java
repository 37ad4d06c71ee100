package org.shequ.webhooks.subscription.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription; {@code secret} only in the answer that created or rotated it, never again. */
public record SubscriptionView(String id, String url, List<String> types, @Schema(nullable = true) String community,
                               @Schema(nullable = true) String address,
                               String status, @Schema(nullable = true) String disabledReason,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
                               @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime previousSecretValidUntil,
                               OffsetDateTime createdAt, OffsetDateTime updatedAt,
                               @JsonIgnore @Schema(hidden = true) long version) {
}
