package org.shequ.foodinspections.spotcheck.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A draw of count providers of the community, each with inspectorsPerCheck inspectors. The "
        + "service picks the seed at random and publishes its commitment; a seed sent by the caller is refused (400) "
        + "outside the dev profile, where it makes a draw reproducible by hand.")
public record SpotCheckRequest(
        @Schema(examples = "3") @NotNull @Min(1) @Max(100) Integer count,
        @Schema(examples = "2") @NotNull @Min(1) @Max(10) Integer inspectorsPerCheck,
        @Schema(examples = "双塔寺一社区") @NotBlank @Size(max = 100) String community,
        @Schema(examples = "20241125") Long seed) {
}
