package org.shequ.gridtasks.open311;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shequ.platform.security.Roles;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over the grid's tasks, for third-party 311 clients:
 * each path answers in JSON or XML by its extension, errors included. {@code jurisdiction_id} is accepted and ignored:
 * this endpoint serves one jurisdiction. POST takes a bearer token (a resident's or an integration's) where the spec
 * has {@code api_key}; personal fields of the spec (name, phone, email) are not stored.
 */
@Path("/open311/v2")
@Tag(name = "Open311", description = "GeoReport v2 over the grid's tasks; see docs/OPEN311.md")
public class Open311Resource {

    private final Open311Requests requests;
    private final SecurityIdentity identity;

    public Open311Resource(Open311Requests requests, SecurityIdentity identity) {
        this.requests = requests;
        this.identity = identity;
    }

    @GET
    @Path("services.{format:json|xml}")
    @PermitAll
    @Operation(summary = "Service list: the task categories the public may report")
    public Response services(@PathParam("format") String extension,
                             @QueryParam("jurisdiction_id") String jurisdiction) {
        Open311Format format = Open311Format.of(extension);
        return ok(format, "services", Open311Catalog.services());
    }

    @GET
    @Path("services/{code}.{format:json|xml}")
    @PermitAll
    @Operation(summary = "Service definition, with its attributes (the grid to send the request to, and where)")
    public Response definition(@PathParam("code") String code, @PathParam("format") String extension,
                               @QueryParam("jurisdiction_id") String jurisdiction) {
        Open311Format format = Open311Format.of(extension);
        return ok(format, "service_definition", requests.definition(code, format));
    }

    @GET
    @Path("requests.{format:json|xml}")
    @PermitAll
    @Operation(summary = "Service requests", description = "Residents' reports, newest first, the last 90 days "
            + "unless start_date/end_date say otherwise, at most 1,000.")
    public Response list(@PathParam("format") String extension,
                         @QueryParam("service_request_id") String ids,
                         @QueryParam("service_code") String serviceCode,
                         @QueryParam("start_date") String startDate,
                         @QueryParam("end_date") String endDate,
                         @QueryParam("status") String status,
                         @QueryParam("jurisdiction_id") String jurisdiction) {
        Open311Format format = Open311Format.of(extension);
        return ok(format, "service_requests", requests.list(ids, serviceCode, startDate, endDate, status, format));
    }

    @POST
    @Path("requests.{format:json|xml}")
    @Consumes(MediaType.WILDCARD) // the form is read below, after the token, so that every refusal is Open311's
    @PermitAll // checked below, so that a refusal comes in Open311's error format
    @Operation(summary = "Create a service request", description = "Form fields service_code, description, "
            + "attribute[grid] (required), attribute[compound|building|floor], address_string. Needs a bearer "
            + "token of a resident, an integration, a grid worker or an admin.")
    public Response create(@PathParam("format") String extension,
                           @HeaderParam("Content-Type") String contentType, String body) {
        Open311Format format = Open311Format.of(extension);
        if (identity.isAnonymous()) {
            throw new Open311Exception(401, "A bearer token is required to submit a request", format);
        }
        if (!Roles.hasAny(identity, Roles.RESIDENT, Roles.INTEGRATION, Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN,
                Roles.DISTRICT_ADMIN)) {
            throw new Open311Exception(403, "Your role may not submit requests", format);
        }
        if (contentType == null || !contentType.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            throw new Open311Exception(415, "Send the request as application/x-www-form-urlencoded, as GeoReport v2 "
                    + "says", format);
        }
        Map<String, String> fields = Open311Form.parse(body, format);
        return Response.status(201).type(format.mediaType())
                .entity(format.write("service_requests", requests.create(fields, Roles.actor(identity), format)))
                .build();
    }

    @GET
    @Path("requests/{id}.{format:json|xml}")
    @PermitAll
    @Operation(summary = "One service request")
    public Response one(@PathParam("id") String id, @PathParam("format") String extension,
                        @QueryParam("jurisdiction_id") String jurisdiction) {
        Open311Format format = Open311Format.of(extension);
        return ok(format, "service_requests", requests.one(id, format));
    }

    private static Response ok(Open311Format format, String root, Object body) {
        return Response.ok(format.write(root, body), format.mediaType()).build();
    }
}
