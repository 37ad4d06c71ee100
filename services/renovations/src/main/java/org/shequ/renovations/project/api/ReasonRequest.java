package org.shequ.renovations.project.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.shequ.platform.json.LongText;

public record ReasonRequest(@NotBlank @LongText @Size(max = 2000) String reason) {
}
