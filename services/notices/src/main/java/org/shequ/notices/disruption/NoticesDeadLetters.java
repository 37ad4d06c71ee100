package org.shequ.notices.disruption;

import jakarta.ws.rs.Path;
import org.shequ.platform.inbox.DeadLetterEndpoints;
import org.shequ.platform.inbox.DeadLetters;

/** This service's dead letters, under its own prefix so the gateway routes here (docs/OPERATIONS.md). */
@Path("/api/v1/notices/admin/dead-letters")
public class NoticesDeadLetters extends DeadLetterEndpoints {

    public NoticesDeadLetters(DeadLetters deadLetters) {
        super(deadLetters);
    }
}
