package org.shequ.renovations.compound.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CompoundView(String id, String name, @Schema(nullable = true) String address, String district,
                           @Schema(nullable = true) String subDistrict, @Schema(nullable = true) String community,
                           @Schema(nullable = true) Integer builtYear, @Schema(nullable = true) Integer households,
                           @Schema(nullable = true) BigDecimal floorAreaM2, @Schema(nullable = true) Integer buildings,
                           OffsetDateTime createdAt, @JsonIgnore @Schema(hidden = true) long version) {
}
