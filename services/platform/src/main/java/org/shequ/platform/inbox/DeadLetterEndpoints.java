package org.shequ.platform.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shequ.model.api.Page;
import org.shequ.platform.inbox.api.DeadLetterView;
import org.shequ.platform.inbox.api.ReplayResult;
import org.shequ.platform.inbox.api.ReplaySummary;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.security.Roles;

/**
 * The dead-letter operations, the same in every consuming service: a service declares a subclass with its own
 * {@code @Path} under its prefix (…/admin/dead-letters), so the gateway routes to it. District admins only.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Dead letters of this service's event consumers")
public abstract class DeadLetterEndpoints {

    private final DeadLetters deadLetters;

    protected DeadLetterEndpoints(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Parked records", description = "What this service's consumers gave up on, oldest first, in "
            + "pages: consumer, topic, partition, offset, event, error, attempts.")
    public Page<DeadLetterView> list(@Parameter(description = "Only this consumer's") @QueryParam("consumer")
                                     String consumer,
                                     @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return deadLetters.list(consumer, PageRequest.of(cursor, limit));
    }

    @POST
    @Path("{id}/replay")
    @Consumes(MediaType.WILDCARD) // no body to send
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Replay one parked record", description = "Through the same inbox: applied once, or "
            + "already-handled when its event id was handled since; either way it leaves the dead letters. One that "
            + "fails again stays, with the new error.")
    public ReplayResult replay(@PathParam("id") String id) {
        return deadLetters.replay(id);
    }

    @POST
    @Path("replay")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Replay the parked records", description = "Oldest first, at most 500 a call (more: call "
            + "again), each as the single replay does.")
    public ReplaySummary replayAll(@Parameter(description = "Only this consumer's") @QueryParam("consumer")
                                   String consumer) {
        return deadLetters.replayAll(consumer);
    }
}
