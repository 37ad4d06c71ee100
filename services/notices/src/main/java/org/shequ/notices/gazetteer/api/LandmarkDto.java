package org.shequ.notices.gazetteer.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A landmark a notice may name as an end of a stretch, at the house number it stands at")
public record LandmarkDto(
        @Schema(examples = "北沙河南岸") @NotBlank @Size(max = 100) String name,
        @Schema(examples = "1", minimum = "1", maximum = "99999") @NotNull @Min(1) @Max(99999) Integer number) {
}
