package org.shequ.gridtasks.open311.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of GeoReport v2's service list: a task category the public may report. */
@Schema(name = "Open311Service", description = "A service of GeoReport v2's service list (XML: <service>)")
public record Open311Service(
        @JsonProperty("service_code") String serviceCode,
        @JsonProperty("service_name") String serviceName,
        String description,
        @Schema(description = "True: the service definition lists attributes to send") boolean metadata,
        @Schema(enumeration = {"realtime", "batch", "blackbox"}) String type,
        @Schema(description = "Comma-separated") String keywords,
        String group) {
}
