package org.shequ.notices.notice.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.platform.json.LongText;

@Schema(description = "A stretch of road or a compound the notice affects; give at least a road, a compound or a "
        + "geometry.")
public record AreaDto(
        @Schema(nullable = true, examples = "新建路") @Size(max = 100) String road,
        @Schema(nullable = true, description = "Side of the road", examples = "路东") @Size(max = 20) String side,
        @Schema(nullable = true, examples = "北沙河南岸") @Size(max = 100) String from,
        @Schema(nullable = true, examples = "鑫磊大厦") @Size(max = 100) String to,
        @Schema(nullable = true, examples = "胜利东街7号院") @Size(max = 100) String compound,
        @Schema(nullable = true) @LongText @Size(max = 500) String description,
        @Schema(nullable = true) @Valid GeoJsonGeometry geometry,
        // Read-only: the gazetteer's placing when the notice was written (null: it could not); ignored when sent.
        @Schema(nullable = true) HouseNumbers houseNumbers) {

    /** An area as a client writes it: the gazetteer places it. */
    public AreaDto(String road, String side, String from, String to, String compound, String description) {
        this(road, side, from, to, compound, description, null, null);
    }

    @AssertTrue(message = "give a road, a compound or a geometry")
    @JsonIgnore
    @Schema(hidden = true)
    public boolean isLocated() {
        return (road != null && !road.isBlank()) || (compound != null && !compound.isBlank()) || geometry != null;
    }
}
