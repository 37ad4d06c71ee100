package org.shequ.gridtasks.open311.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Open311's service discovery document: where this jurisdiction's GeoReport v2 endpoint is, and what it speaks. */
@Schema(name = "Open311Discovery", description = "Open311 service discovery (discovery.json)")
public record Open311Discovery(
        @Schema(description = "When this document last changed") String changeset,
        String contact,
        @JsonProperty("key_service") @Schema(description = "How an integration gets an api_key") String keyService,
        List<Endpoint> endpoints) {

    @Schema(name = "Open311DiscoveryEndpoint")
    public record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {
    }
}
