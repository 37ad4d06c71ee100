package org.shequ.foodinspections.inspection.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.foodinspections.inspection.ChecklistItem;
import org.shequ.foodinspections.inspection.ItemResult;
import org.shequ.platform.json.LongText;

public record ChecklistDto(
        @NotNull ChecklistItem item,
        @NotNull ItemResult result,
        @Schema(nullable = true, examples = "留样记录不全，11月22日无留样") @LongText @Size(max = 1000) String note) {
}
