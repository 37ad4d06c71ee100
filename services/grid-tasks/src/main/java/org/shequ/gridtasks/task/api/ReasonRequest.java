package org.shequ.gridtasks.task.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.platform.json.LongText;

@Schema(description = "Why the task is reopened or cancelled; kept in its history.")
public record ReasonRequest(@Schema(examples = "复查发现3单元仍有杂物") @NotBlank @LongText @Size(max = 2000) String reason) {
}
