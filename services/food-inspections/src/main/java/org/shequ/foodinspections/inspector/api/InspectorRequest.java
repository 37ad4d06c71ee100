package org.shequ.foodinspections.inspector.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An inspector on a community's roster; id is the subject of their token.")
public record InspectorRequest(
        @Schema(examples = "insp-zhao") @NotBlank @Size(max = 100) String id,
        @Schema(examples = "双塔寺一社区") @NotBlank @Size(max = 100) String community,
        @Schema(examples = "赵敏") @NotBlank @Size(max = 50) String name,
        Boolean active) {
}
