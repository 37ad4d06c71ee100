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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.gridtasks.open311.api.Open311Error;
import org.shequ.gridtasks.open311.api.Open311Receipt;
import org.shequ.gridtasks.open311.api.Open311RequestForm;
import org.shequ.gridtasks.open311.api.Open311Service;
import org.shequ.gridtasks.open311.api.Open311ServiceDefinition;
import org.shequ.gridtasks.open311.api.Open311ServiceRequest;
import org.shequ.platform.security.Roles;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over the grid's tasks, for third-party 311 clients:
 * each path answers in JSON or XML by its extension, errors included. {@code jurisdiction_id} is accepted and ignored:
 * this endpoint serves one jurisdiction. POST takes a bearer token (a resident's or an integration's) or, as the spec
 * has it, the {@code api_key} of a registered client ({@link Open311ApiKeys}); personal fields of the spec (name,
 * phone, email) are not stored.
 * <p>
 * The answers are written by {@link Open311Format}, so the document's shapes are declared here: each success and
 * each Open311 error as JSON and as XML (the XML's elements are the JSON's fields, under the root the spec names).
 */
@Path("/open311/v2")
@Tag(name = "Open311", description = "GeoReport v2 over the grid's tasks; see docs/OPEN311.md")
public class Open311Resource {

    private static final String JSON = "application/json";
    private static final String XML = "text/xml";
    private static final String FORMAT = "json or xml: the format of the answer, errors included";

    private final Open311Requests requests;
    private final SecurityIdentity identity;
    private final Open311ApiKeys apiKeys;

    public Open311Resource(Open311Requests requests, SecurityIdentity identity, Open311ApiKeys apiKeys) {
        this.requests = requests;
        this.identity = identity;
        this.apiKeys = apiKeys;
    }

    @GET
    @Path("services.{format:json|xml}")
    @PermitAll
    @Operation(summary = "Service list: the task categories the public may report")
    @APIResponse(responseCode = "200", description = "The services (XML: <services>)", content = {
        @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Service.class)),
        @Content(mediaType = XML, schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Service.class))})
    public RestResponse<String> services(@Parameter(description = FORMAT) @PathParam("format") String extension,
                                         @QueryParam("jurisdiction_id") String jurisdiction) {
        Open311Format format = Open311Format.of(extension);
        return ok(format, "services", Open311Catalog.services());
    }

    @GET
    @Path("services/{code}.{format:json|xml}")
    @PermitAll
    @Operation(summary = "Service definition, with its attributes (the grid to send the request to, and where)")
    @APIResponse(responseCode = "200", description = "The service definition", content = {
        @Content(mediaType = JSON, schema = @Schema(implementation = Open311ServiceDefinition.class)),
        @Content(mediaType = XML, schema = @Schema(implementation = Open311ServiceDefinition.class))})
    @APIResponse(responseCode = "404", description = "No such service_code", content = {
        @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Error.class)),
        @Content(mediaType = XML, schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Error.class))})
    public RestResponse<String> definition(@PathParam("code") String code,
                                           @Parameter(description = FORMAT) @PathParam("format") String extension,
                                           @QueryParam("jurisdiction_id") String jurisdiction) {
        Open311Format format = Open311Format.of(extension);
        return ok(format, "service_definition", requests.definition(code, format));
    }

    @GET
    @Path("requests.{format:json|xml}")
    @PermitAll
    @Operation(summary = "Service requests", description = "Residents' reports, newest first, the last 90 days "
            + "unless start_date/end_date say otherwise, at most 1,000.")
    @APIResponse(responseCode = "200", description = "The requests (XML: <service_requests>)", content = {
        @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY,
                implementation = Open311ServiceRequest.class)),
        @Content(mediaType = XML, schema = @Schema(type = SchemaType.ARRAY,
                implementation = Open311ServiceRequest.class))})
    @APIResponse(responseCode = "400", description = "A filter that is not Open311's", content = {
        @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Error.class)),
        @Content(mediaType = XML, schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Error.class))})
    public RestResponse<String> list(@Parameter(description = FORMAT) @PathParam("format") String extension,
                                     @QueryParam("service_request_id") String ids,
                                     @QueryParam("service_code") String serviceCode,
                                     @Parameter(schema = @Schema(format = "date-time"))
                                     @QueryParam("start_date") String startDate,
                                     @Parameter(schema = @Schema(format = "date-time"))
                                     @QueryParam("end_date") String endDate,
                                     @Parameter(schema = @Schema(enumeration = {"open", "closed"}))
                                     @QueryParam("status") String status,
                                     @QueryParam("jurisdiction_id") String jurisdiction) {
        Open311Format format = Open311Format.of(extension);
        return ok(format, "service_requests", requests.list(ids, serviceCode, startDate, endDate, status, format));
    }

    @POST
    @Path("requests.{format:json|xml}")
    @Consumes(MediaType.WILDCARD) // the form is read below, after the token, so that every refusal is Open311's
    @PermitAll // checked below, so that a refusal comes in Open311's error format
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a service request", description = "Form fields service_code, description, "
            + "attribute[grid] (or a compound a grid covers, in attribute[compound] or address_string), "
            + "attribute[compound|building|floor], address_string, lat and long. Needs a "
            + "bearer token of a resident, an integration, a grid worker or an admin, or the api_key of a "
            + "registered client (form field api_key, as GeoReport v2 has it).")
    @APIResponse(responseCode = "201", description = "Filed (XML: <service_requests>)", content = {
        @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Receipt.class)),
        @Content(mediaType = XML, schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Receipt.class))})
    @APIResponse(responseCode = "400", description = "A field missing or wrong, named in the description", content = {
        @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Error.class)),
        @Content(mediaType = XML, schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Error.class))})
    @APIResponse(responseCode = "401", description = "No bearer token", content = {
        @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Error.class)),
        @Content(mediaType = XML, schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Error.class))})
    @APIResponse(responseCode = "403", description = "A role that may not submit requests", content = {
        @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Error.class)),
        @Content(mediaType = XML, schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Error.class))})
    @APIResponse(responseCode = "415", description = "Not sent as a form", content = {
        @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Error.class)),
        @Content(mediaType = XML, schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Error.class))})
    public RestResponse<String> create(@Parameter(description = FORMAT) @PathParam("format") String extension,
                                       @HeaderParam("Content-Type") String contentType,
                                       @RequestBody(content = @Content(
                                               mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                                               schema = @Schema(implementation = Open311RequestForm.class)))
                                       String body) {
        Open311Format format = Open311Format.of(extension);
        if (!identity.isAnonymous() && !Roles.hasAny(identity, Roles.RESIDENT, Roles.INTEGRATION, Roles.GRID_WORKER,
                Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN)) {
            throw new Open311Exception(403, "Your role may not submit requests", format);
        }
        boolean form = contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED);
        if (identity.isAnonymous() && !form) {
            throw noCredentials(format); // an api_key only comes in a form: without one there is nobody to admit
        }
        if (!form) {
            throw new Open311Exception(415, "Send the request as application/x-www-form-urlencoded, as GeoReport v2 "
                    + "says", format);
        }
        Map<String, String> fields = Open311Form.parse(body, format);
        String actor = identity.isAnonymous() ? byApiKey(fields.get("api_key"), format) : Roles.actor(identity);
        String filed = format.write("service_requests", requests.create(fields, actor, format));
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, filed).type(format.mediaType())
                .build();
    }

    @GET
    @Path("requests/{id}.{format:json|xml}")
    @PermitAll
    @Operation(summary = "One service request")
    @APIResponse(responseCode = "200", description = "The request, as a list of one", content = {
        @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY,
                implementation = Open311ServiceRequest.class)),
        @Content(mediaType = XML, schema = @Schema(type = SchemaType.ARRAY,
                implementation = Open311ServiceRequest.class))})
    @APIResponse(responseCode = "404", description = "No such request", content = {
        @Content(mediaType = JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Error.class)),
        @Content(mediaType = XML, schema = @Schema(type = SchemaType.ARRAY, implementation = Open311Error.class))})
    public RestResponse<String> one(@PathParam("id") String id,
                                    @Parameter(description = FORMAT) @PathParam("format") String extension,
                                    @QueryParam("jurisdiction_id") String jurisdiction) {
        Open311Format format = Open311Format.of(extension);
        return ok(format, "service_requests", requests.one(id, format));
    }

    /** The registered client an {@code api_key} belongs to; without a token, a request needs one. */
    private String byApiKey(String apiKey, Open311Format format) {
        if (apiKey == null || apiKey.isBlank()) {
            throw noCredentials(format);
        }
        return apiKeys.client(apiKey).orElseThrow(() -> new Open311Exception(401,
                "This api_key is not one the district issued", format));
    }

    private static Open311Exception noCredentials(Open311Format format) {
        return new Open311Exception(401, "A bearer token or an api_key is required to submit a request", format);
    }

    private static RestResponse<String> ok(Open311Format format, String root, Object body) {
        return RestResponse.ResponseBuilder.ok(format.write(root, body), format.mediaType()).build();
    }
}
