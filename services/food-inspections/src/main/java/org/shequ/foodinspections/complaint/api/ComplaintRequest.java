package org.shequ.foodinspections.complaint.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.platform.json.LongText;

@Schema(description = "A complaint about a provider, from anyone: what happened, and optionally how to reach its "
        + "author (kept for the inspectors, never shown unmasked)")
public record ComplaintRequest(
        @Schema(description = "The provider, as the parents' list gives it") @NotBlank @Size(max = 36) String providerId,
        @Schema(examples = "孩子午饭后腹泻，饭菜有异味。") @NotBlank @LongText @Size(max = 2000) String description,
        @Schema(nullable = true, examples = "13812341234") @Size(max = 100) String contact) {
}
