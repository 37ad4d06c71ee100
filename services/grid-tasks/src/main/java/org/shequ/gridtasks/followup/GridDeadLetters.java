package org.shequ.gridtasks.followup;

import jakarta.ws.rs.Path;
import org.shequ.platform.inbox.DeadLetterEndpoints;
import org.shequ.platform.inbox.DeadLetters;

/** This service's dead letters, under its own prefix so the gateway routes here (docs/OPERATIONS.md). */
@Path("/api/v1/grid/admin/dead-letters")
public class GridDeadLetters extends DeadLetterEndpoints {

    public GridDeadLetters(DeadLetters deadLetters) {
        super(deadLetters);
    }
}
