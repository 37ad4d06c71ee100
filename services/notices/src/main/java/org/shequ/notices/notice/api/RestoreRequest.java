package org.shequ.notices.notice.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.platform.json.LongText;

@Schema(description = "Service came back before the notice said: when, and optionally what residents should know.")
public record RestoreRequest(
        @Schema(description = "When service actually came back: after the start, not after now, before the planned "
                + "end", examples = "2024-11-27T06:30:00+08:00") @NotNull OffsetDateTime actualEnd,
        @Schema(nullable = true, examples = "管线改造提前完成，已恢复正常供水。") @LongText @Size(max = 500) String note) {
}
