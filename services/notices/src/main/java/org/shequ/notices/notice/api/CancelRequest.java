package org.shequ.notices.notice.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.platform.json.LongText;

@Schema(description = "Why the notice no longer holds; residents see it.")
public record CancelRequest(
        @Schema(examples = "管线改造提前完成，恢复正常供水。") @NotBlank @LongText @Size(max = 500) String reason) {
}
