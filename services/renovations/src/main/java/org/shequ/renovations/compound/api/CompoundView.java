package org.shequ.renovations.compound.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CompoundView(String id, String name, String address, String district, String subDistrict,
                           String community, Integer builtYear, Integer households, BigDecimal floorAreaM2,
                           Integer buildings, OffsetDateTime createdAt,
                           @JsonIgnore @Schema(hidden = true) long version) {
}
