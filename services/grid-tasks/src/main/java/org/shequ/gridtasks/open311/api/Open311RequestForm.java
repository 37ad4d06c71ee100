package org.shequ.gridtasks.open311.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The form fields of a POST of a service request, as the document describes them; {@code Open311Form} reads them
 * strictly from the raw body, so that every refusal is in Open311's error shape.
 */
@Schema(name = "Open311RequestForm", description = "application/x-www-form-urlencoded fields of a service request",
        requiredProperties = {"service_code", "description"})
public record Open311RequestForm(
        @JsonProperty("service_code") String serviceCode,
        @Schema(maxLength = 4000) String description,
        @JsonProperty("attribute[grid]") @Schema(description = "A key of the grid attribute's values; without it, the "
                + "grid that covers the compound attribute[compound] or address_string names") String grid,
        @JsonProperty("attribute[compound]") @Schema(maxLength = 100) String compound,
        @JsonProperty("attribute[building]") @Schema(maxLength = 50) String building,
        @JsonProperty("attribute[floor]") @Schema(maxLength = 20) String floor,
        @JsonProperty("address_string") @Schema(maxLength = 300) String addressString,
        @Schema(description = "WGS84 latitude, with long", minimum = "-90", maximum = "90") Double lat,
        @JsonProperty("long") @Schema(description = "WGS84 longitude, with lat", minimum = "-180", maximum = "180")
        Double lon,
        @JsonProperty("media_url") @Schema(maxLength = 2048, format = "uri",
                description = "An absolute http(s) address of a photo of the problem") String mediaUrl,
        @JsonProperty("api_key") @Schema(description = "A registered client's key, where no bearer token is sent")
        String apiKey) {
}
