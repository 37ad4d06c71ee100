package org.shequ.renovations.disruption.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.platform.json.LongText;

@Schema(description = "A stretch of road or a compound the works disturb; give a road or a compound.")
public record AreaDto(
        @Schema(nullable = true, examples = "西铭路") @Size(max = 100) String road,
        @Schema(nullable = true, examples = "路北") @Size(max = 20) String side,
        @Schema(nullable = true) @Size(max = 100) String from,
        @Schema(nullable = true) @Size(max = 100) String to,
        @Schema(nullable = true, examples = "西铭路47号院") @Size(max = 100) String compound,
        @Schema(nullable = true) @LongText @Size(max = 500) String description) {

    @AssertTrue(message = "give a road or a compound")
    @JsonIgnore
    @Schema(hidden = true)
    public boolean isLocated() {
        return (road != null && !road.isBlank()) || (compound != null && !compound.isBlank());
    }
}
