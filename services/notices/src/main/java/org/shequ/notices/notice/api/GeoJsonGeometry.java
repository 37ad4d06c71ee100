package org.shequ.notices.notice.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A GeoJSON geometry (RFC 7946) in WGS84: a LineString (a stretch of road) or a Polygon (an "
        + "area); positions are [longitude, latitude]")
public record GeoJsonGeometry(
        @Schema(enumeration = {"LineString", "Polygon"}) @NotNull String type,
        @Schema(type = SchemaType.ARRAY, description = "LineString: [[lon, lat], …]; Polygon: [[[lon, lat], …], …] "
                + "with each ring closed", examples = "[[[112.5820,37.8560],[112.5850,37.8560],[112.5850,37.8585],"
                + "[112.5820,37.8585],[112.5820,37.8560]]]") @NotNull JsonNode coordinates) {
}
