package org.shequ.webhooks.fanout;

import jakarta.ws.rs.Path;
import org.shequ.platform.inbox.DeadLetterEndpoints;
import org.shequ.platform.inbox.DeadLetters;

/** This service's dead letters, under its own prefix so the gateway routes here (docs/OPERATIONS.md). */
@Path("/api/v1/webhooks/admin/dead-letters")
public class WebhooksDeadLetters extends DeadLetterEndpoints {

    public WebhooksDeadLetters(DeadLetters deadLetters) {
        super(deadLetters);
    }
}
