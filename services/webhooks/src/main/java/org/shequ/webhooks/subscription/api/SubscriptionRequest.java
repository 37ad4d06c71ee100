package org.shequ.webhooks.subscription.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription, or its whole new content for PUT (the view's read-only fields may come along, ignored). */
@JsonIgnoreProperties({"id", "status", "disabledReason", "createdAt", "updatedAt", "secret",
        "previousSecretValidUntil"})
@Schema(description = "An https endpoint, the event types it wants (exact, or a prefix ending in *), and optional "
        + "filters: community, and an address matched like GET /api/v1/notices/affecting.")
public record SubscriptionRequest(
        @Schema(examples = "https://hooks.example.com/shequ") @NotBlank @Size(max = 2000) String url,
        @Schema(examples = "[\"shequ.notices.notice.*\"]") @NotEmpty @Size(max = 20)
        List<@NotBlank @Size(max = 200) @Pattern(regexp = "shequ\\.[a-z0-9.-]*(\\*|\\.v[0-9]+)",
                message = "must be an event type (shequ.notices.notice.published.v1) or a prefix ending in *")
                String> types,
        @Schema(examples = "康乐苑社区") @Size(max = 100) String community,
        @Schema(examples = "新建路12号") @Size(max = 300) String address) {
}
