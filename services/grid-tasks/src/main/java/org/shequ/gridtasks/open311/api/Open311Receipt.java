package org.shequ.gridtasks.open311.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a POST of a service request answers (XML: {@code <request>} inside {@code <service_requests>}). */
@Schema(name = "Open311Receipt", description = "The id of a new service request and who handles it")
public record Open311Receipt(
        @JsonProperty("service_request_id") String serviceRequestId,
        @JsonProperty("service_notice") String serviceNotice,
        @JsonProperty("account_id") @Schema(nullable = true) String accountId) {
}
