package org.shequ.renovations.disruption.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.shequ.platform.json.LongText;

public record CancelRequest(@NotBlank @LongText @Size(max = 2000) String reason) {
}
