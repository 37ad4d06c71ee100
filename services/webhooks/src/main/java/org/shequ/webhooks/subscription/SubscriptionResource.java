package org.shequ.webhooks.subscription;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.model.api.FieldError;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.QueryParams;
import org.shequ.platform.web.Versioned;
import org.shequ.webhooks.delivery.DeliveryLog;
import org.shequ.webhooks.delivery.api.DeliveryView;
import org.shequ.webhooks.subscription.api.SubscriptionRequest;
import org.shequ.webhooks.subscription.api.SubscriptionView;

/** Webhook subscriptions: each subscriber (the token's subject) sees and changes only its own. */
@Path("/api/v1/webhooks/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.INTEGRATION, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
@Tag(name = "Webhooks", description = "Signed deliveries of the suite's events (Standard Webhooks); docs/WEBHOOKS.md")
public class SubscriptionResource {

    private final SubscriptionService service;
    private final DeliveryLog log;

    public SubscriptionResource(SubscriptionService service, DeliveryLog log) {
        this.service = service;
        this.log = log;
    }

    @POST
    @Operation(summary = "Subscribe", description = "The answer shows the signing secret, once. An endpoint on a "
            + "private, loopback or metadata address is a 400.")
    @APIResponseSchema(value = SubscriptionView.class, responseCode = "201",
            responseDescription = "Created: Location names it, ETag is its version")
    public RestResponse<SubscriptionView> create(SubscriptionRequest request, @Context UriInfo uri) {
        SubscriptionView created = service.create(request);
        return Versioned.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Operation(summary = "My subscriptions")
    public Page<SubscriptionView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return service.mine(PageRequest.of(cursor, limit));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of my subscriptions", description = "Another subscriber's is a 404.")
    public RestResponse<SubscriptionView> get(@PathParam("id") String id,
                                              @HeaderParam("If-None-Match") String ifNoneMatch) {
        SubscriptionView subscription = service.find(id);
        return Versioned.read(subscription.version(), subscription, ifNoneMatch);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a subscription", description = "The whole new content with If-Match (428 without, "
            + "412 stale). A disabled subscription is active again.")
    public RestResponse<SubscriptionView> update(@PathParam("id") String id,
                                                 @Parameter(required = true) @HeaderParam("If-Match") String ifMatch,
                           SubscriptionRequest request) {
        SubscriptionView changed = service.update(id, Versioned.expected(ifMatch), request);
        return Versioned.changed(changed.version(), changed);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Unsubscribe")
    @APIResponse(responseCode = "204", description = "Unsubscribed; nothing more is delivered")
    public void delete(@PathParam("id") String id) {
        service.delete(id);
    }

    @POST
    @Path("{id}/rotate-secret")
    @Consumes(MediaType.WILDCARD) // no body: a client need not say what it does not send
    @Operation(summary = "Rotate the signing secret", description = "The new secret is shown once; for 24 hours both "
            + "sign every delivery.")
    public SubscriptionView rotateSecret(@PathParam("id") String id) {
        return service.rotateSecret(id);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "Deliveries of the last 30 days", description = "Newest first, in pages, each with its "
            + "attempts.")
    public Page<DeliveryView> deliveries(@PathParam("id") String id, @QueryParam("cursor") String cursor,
                                         @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return log.recent(service.own(id), page);
    }

    @POST
    @Path("{id}/replay")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Replay deliveries", description = "Queues again, in order, every event delivered since "
            + "the instant (ISO-8601 with offset, within the last 30 days); each keeps its webhook-id.")
    public Map<String, Integer> replay(@PathParam("id") String id,
                                       @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                                       @QueryParam("since") String since) {
        Subscription owned = service.own(id); // another's is a 404 before anything about the request is said
        List<FieldError> errors = new ArrayList<>();
        Instant from = QueryParams.instant("since", since, errors);
        if (from == null && errors.isEmpty()) {
            errors.add(new FieldError("since", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return Map.of("replayed", log.replay(owned, from));
    }
}
