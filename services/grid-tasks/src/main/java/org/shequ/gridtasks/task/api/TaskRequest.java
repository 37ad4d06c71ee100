package org.shequ.gridtasks.task.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.gridtasks.task.TaskCategory;
import org.shequ.gridtasks.task.TaskPriority;
import org.shequ.gridtasks.task.TaskSource;
import org.shequ.platform.json.LongText;

@Schema(description = "A task to report; it starts REPORTED. priority defaults to NORMAL. The answer lists "
        + "possibleDuplicates: open tasks of the same category at the same compound and building.")
public record TaskRequest(
        @NotNull TaskCategory category,
        @Schema(examples = "6号楼楼道杂物堆放") @NotBlank @Size(max = 200) String title,
        @Schema(examples = "走访发现6号楼楼道内堆放大量杂物，存在消防安全隐患。") @LongText @Size(max = 4000) String description,
        @Valid LocationDto location,
        @NotNull TaskSource source,
        TaskPriority priority,
        @Schema(nullable = true, description = "The grid; without it, the grid that covers location.compound (a "
                + "compound no grid covers is a 422 naming it)") @Size(max = 36) String gridId,
        @Schema(description = "The campaign this task counts toward, of the grid's community") @Size(max = 36) String campaignId,
        @Schema(examples = "2024-11-30T18:00:00+08:00") OffsetDateTime dueAt) {
}
