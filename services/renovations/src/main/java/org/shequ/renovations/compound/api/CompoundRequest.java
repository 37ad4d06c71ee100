package org.shequ.renovations.compound.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An old compound to register; its name is unique within its district.")
public record CompoundRequest(
        @Schema(examples = "西铭路47号院") @NotBlank @Size(max = 200) String name,
        @Schema(examples = "迎泽区西铭路47号") @Size(max = 300) String address,
        @Schema(examples = "迎泽区") @NotBlank @Size(max = 100) String district,
        @Schema(examples = "桥东街道") @Size(max = 100) String subDistrict,
        @Size(max = 100) String community,
        @Schema(examples = "1998") @Min(1900) @Max(2100) Integer builtYear,
        @Min(0) @Max(100_000) Integer households,
        @Schema(examples = "12000.50") @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal floorAreaM2,
        @Min(0) @Max(10_000) Integer buildings) {
}
