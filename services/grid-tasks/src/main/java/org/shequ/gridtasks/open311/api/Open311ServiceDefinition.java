package org.shequ.gridtasks.open311.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GeoReport v2's service definition: the attributes a request of this service sends as {@code attribute[code]}. */
@Schema(name = "Open311ServiceDefinition", description = "A service definition (XML: <service_definition>)")
public record Open311ServiceDefinition(@JsonProperty("service_code") String serviceCode, List<Attribute> attributes) {

    /** One attribute (XML: {@code <attribute>}). */
    @Schema(name = "Open311Attribute")
    public record Attribute(
            boolean variable,
            String code,
            @Schema(enumeration = {"string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"})
            String datatype,
            boolean required,
            @JsonProperty("datatype_description") String datatypeDescription,
            int order,
            String description,
            @Schema(description = "The choices of a list attribute; absent for the others")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Value> values) {
    }

    /** One choice of a list attribute (XML: {@code <value>}). */
    @Schema(name = "Open311AttributeValue")
    public record Value(String key, String name) {
    }
}
