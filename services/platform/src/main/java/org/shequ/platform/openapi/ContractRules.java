package org.shequ.platform.openapi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.shequ.platform.paging.PageRequest;

/**
 * The rules every service's OpenAPI document follows, so that a client generated from it is typed and a linter can
 * tell public from forgotten, stated once here rather than on each of the 80-odd operations:
 * <ul>
 *   <li>the bearer token is the default; an operation Quarkus found no role on (a {@code @PermitAll} one) says
 *   {@code security: []}, public on purpose, as ../shared/API.md has it (a token sent there is still checked, and may
 *   show more: drafts to editors, unmasked phones to inspectors);</li>
 *   <li>a read that takes {@code If-None-Match} also answers 304; a change that takes {@code If-Match} also answers
 *   412 (stale) and, where the header is required, 428 (missing) — {@code web.Versioned} is the rule's code;</li>
 *   <li>a create (a POST that answers 201) takes {@code Idempotency-Key} and may answer 409 (the first request with
 *   that key still in flight) and 422 (the key came with another body): {@code idempotency.IdempotentCreates};</li>
 *   <li>{@code limit} and {@code cursor} are the paging of ../shared/API.md everywhere: an integer 1–200, default
 *   50, and an opaque string ({@code paging.PageRequest}).</li>
 * </ul>
 * Registered with {@code mp.openapi.filter}, so it shapes the document served at {@code /q/openapi} and the one
 * stored at build time alike.
 */
public class ContractRules implements OASFilter {

    static final String SCHEME = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                complete(entry.getValue());
                if (entry.getKey() == PathItem.HttpMethod.POST && entry.getValue().getResponses() != null
                        && entry.getValue().getResponses().hasAPIResponse("201")) {
                    idempotent(entry.getValue());
                }
            }
        }
    }

    private static void complete(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.setSecurity(List.of()); // written as security: [], which overrides the default
        }
        APIResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        for (Parameter parameter : parameters) {
            String name = parameter.getName();
            if (parameter.getIn() == Parameter.In.HEADER && "If-None-Match".equalsIgnoreCase(name)) {
                declare(responses, "304", "Not modified: the copy the client holds (If-None-Match) is current");
            } else if (parameter.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(name)) {
                declare(responses, "412", "Stale: If-Match names an older version; read it again");
                if (Boolean.TRUE.equals(parameter.getRequired())) {
                    declare(responses, "428", "If-Match is required for this change");
                }
            } else if (parameter.getIn() == Parameter.In.QUERY && "limit".equals(name)) {
                parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT))
                        .defaultValue(PageRequest.DEFAULT_LIMIT));
                if (parameter.getDescription() == null) {
                    parameter.setDescription("Page size");
                }
            } else if (parameter.getIn() == Parameter.In.QUERY && "cursor".equals(name)
                    && parameter.getDescription() == null) {
                parameter.setDescription("The nextCursor of the page before; absent for the first page");
            }
        }
    }

    private static void idempotent(Operation create) {
        create.addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER)
                .description("Send the same key again with the same body, and the first answer comes back without a "
                        + "second create (24 hours, per caller); an RFC 8941 string, e.g. \"8e03978e-40d5-43e8\"")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(257)));
        declare(create.getResponses(), "409", "A request with this Idempotency-Key is still in flight; retry after "
                + "Retry-After");
        declare(create.getResponses(), "422", "Invalid, or the Idempotency-Key came with another request");
    }

    private static void declare(APIResponses responses, String status, String description) {
        if (responses != null && !responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }
}
