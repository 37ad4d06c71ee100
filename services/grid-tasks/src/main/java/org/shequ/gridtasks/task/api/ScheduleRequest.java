package org.shequ.gridtasks.task.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.platform.json.LongText;

@Schema(description = "When the work will be done, e.g. the coming Saturday morning.")
public record ScheduleRequest(
        @Schema(examples = "2024-11-30T09:00:00+08:00") @NotNull OffsetDateTime at,
        @LongText @Size(max = 2000) String note) {
}
