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
                             OffsetDateTime inspectedAt, List<String> inspectors, List<ChecklistDto> checklist,
                             Outcome outcome, List<String> failedItems, String ruleVersion, String followUpOf,
                             String spotCheckId, List<RectificationRef> rectifications, OffsetDateTime createdAt,
                             @JsonIgnore @Schema(hidden = true) long version) {

    /** An order this inspection opened, or closed (a follow-up). */
    public record RectificationRef(String id, String item, String status, OffsetDateTime dueAt, String relation) {
    }
}
