package org.shequ.notices.notice.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.platform.json.LongText;

@Schema(description = "The works overrun: the new, later end and why; residents read the reason.")
public record ExtendRequest(
        @Schema(description = "Later than the current endsAt", examples = "2024-11-27T12:00:00+08:00")
        @NotNull OffsetDateTime endsAt,
        @Schema(examples = "管线焊接未完成，恢复供水时间推迟至中午12时。") @NotBlank @LongText @Size(max = 500)
        String reason) {
}
