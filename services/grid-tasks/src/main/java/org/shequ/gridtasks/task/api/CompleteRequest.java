package org.shequ.gridtasks.task.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.platform.json.LongText;

@Schema(description = "What the work achieved.")
public record CompleteRequest(@NotNull @Valid Outcome outcome, @LongText @Size(max = 2000) String note) {

    public record Outcome(
            @Schema(examples = "80") @Min(0) @Max(100000) Integer spotsCleared,
            @Schema(examples = "清理楼道杂物及卫生死角80余处") @LongText @Size(max = 2000) String summary) {
    }
}
