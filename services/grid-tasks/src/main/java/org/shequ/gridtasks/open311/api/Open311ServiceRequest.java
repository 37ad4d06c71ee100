package org.shequ.gridtasks.open311.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A service request as GeoReport v2 shows it (docs/OPEN311.md maps a task onto it). Every field of the spec is sent,
 * null where this system has nothing for it; instants are W3C date-times with the +08:00 offset.
 */
@Schema(name = "Open311ServiceRequest", description = "A service request (XML: <request>)")
public record Open311ServiceRequest(
        @JsonProperty("service_request_id") String serviceRequestId,
        @Schema(enumeration = {"open", "closed"}) String status,
        @JsonProperty("status_notes") @Schema(nullable = true) String statusNotes,
        @JsonProperty("service_name") String serviceName,
        @JsonProperty("service_code") String serviceCode,
        @Schema(nullable = true) String description,
        @JsonProperty("agency_responsible") @Schema(nullable = true) String agencyResponsible,
        @JsonProperty("service_notice") @Schema(nullable = true) String serviceNotice,
        @JsonProperty("requested_datetime") @Schema(format = "date-time") String requestedDatetime,
        @JsonProperty("updated_datetime") @Schema(nullable = true, format = "date-time") String updatedDatetime,
        @JsonProperty("expected_datetime") @Schema(nullable = true, format = "date-time") String expectedDatetime,
        @Schema(nullable = true) String address,
        @JsonProperty("address_id") @Schema(nullable = true) String addressId,
        @Schema(nullable = true) String zipcode,
        @Schema(nullable = true) Double lat,
        @JsonProperty("long") @Schema(nullable = true) Double lon,
        @JsonProperty("media_url") @Schema(nullable = true) String mediaUrl) {
}
