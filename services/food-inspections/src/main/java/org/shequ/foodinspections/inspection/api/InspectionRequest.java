package org.shequ.foodinspections.inspection.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.foodinspections.inspection.InspectionType;

@Schema(description = "An inspection done: all eight checklist items, each once. followUpOf names the inspection a "
        + "FOLLOW_UP re-checks; scheduledInspectionId the spot-check inspection this records.")
public record InspectionRequest(
        @NotNull InspectionType type,
        @Schema(examples = "2024-11-25T10:00:00+08:00") @NotNull OffsetDateTime inspectedAt,
        @Schema(examples = "[\"insp-zhao\", \"insp-qian\"]") @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 100) String> inspectors,
        @NotNull @Size(min = 1, max = 8) List<@NotNull @Valid ChecklistDto> checklist,
        @Size(max = 36) String followUpOf,
        @Size(max = 36) String scheduledInspectionId,
        @Schema(description = "Why a scheduled spot check was done by other inspectors than those drawn; required "
                + "then, stored with the inspection and logged", examples = "赵检查员病假，由孙检查员替代")
        @Size(max = 500) String substituteReason) {
}
