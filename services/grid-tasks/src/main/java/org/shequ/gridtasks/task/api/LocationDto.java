package org.shequ.gridtasks.task.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Where the task is; give as much as is known.")
public record LocationDto(
        @Schema(nullable = true, examples = "富力城社区") @Size(max = 100) String community,
        @Schema(nullable = true, examples = "胜利东街7号院") @Size(max = 100) String compound,
        @Schema(nullable = true, examples = "6") @Size(max = 50) String building,
        @Schema(nullable = true, examples = "3") @Size(max = 20) String floor,
        @Schema(nullable = true) @Size(max = 300) String address,
        @Schema(nullable = true, description = "WGS84 latitude", examples = "37.86") @DecimalMin("-90")
        @DecimalMax("90") Double lat,
        @Schema(nullable = true, description = "WGS84 longitude", examples = "112.57") @DecimalMin("-180")
        @DecimalMax("180") Double lon) {
}
