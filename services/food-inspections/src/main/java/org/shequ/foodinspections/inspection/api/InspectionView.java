package org.shequ.foodinspections.inspection.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.foodinspections.inspection.InspectionStatus;
import org.shequ.foodinspections.inspection.InspectionType;
import org.shequ.foodinspections.inspection.Outcome;

/** An inspection; outcome and ruleVersion are the service's, failedItems the checklist's failures. */
public record InspectionView(String id, String providerId, InspectionType type, InspectionStatus status,
                             @Schema(nullable = true) OffsetDateTime inspectedAt, List<String> inspectors,
                             List<ChecklistDto> checklist, @Schema(nullable = true) Outcome outcome,
                             List<String> failedItems, @Schema(nullable = true) String ruleVersion,
                             @Schema(nullable = true) String followUpOf, @Schema(nullable = true) String spotCheckId,
                             List<RectificationRef> rectifications, OffsetDateTime createdAt,
                             @JsonIgnore @Schema(hidden = true) long version) {

    /** An order this inspection opened, or closed (a follow-up). */
    public record RectificationRef(String id, String item, String status, OffsetDateTime dueAt, String relation) {
    }
}
