package org.shequ.foodinspections.complaint.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.foodinspections.inspection.Outcome;

@Schema(description = "A complaint as its author follows it by receipt")
public record ComplaintView(
        @Schema(examples = "TS20261204K7Q2M9XA") String receipt,
        String providerId,
        String providerName,
        @Schema(enumeration = {"INSPECTION_SCHEDULED", "INSPECTED", "CLOSED_WITHOUT_INSPECTION"}) String status,
        @Schema(nullable = true, description = "The contact given, masked") String contact,
        OffsetDateTime filedAt,
        @Schema(nullable = true, description = "When the inspection it queued was done") LocalDate inspectedOn,
        @Schema(nullable = true) Outcome outcome) {
}
