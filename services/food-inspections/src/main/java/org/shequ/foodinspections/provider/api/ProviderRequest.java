package org.shequ.foodinspections.provider.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.foodinspections.provider.ProviderStatus;

@Schema(description = "A provider entered in the ledger (台账); status defaults to ACTIVE.")
public record ProviderRequest(
        @Schema(examples = "双塔寺小饭桌") @NotBlank @Size(max = 200) String name,
        @Schema(examples = "迎泽区双塔寺街12号") @NotBlank @Size(max = 300) String address,
        @Schema(examples = "王芳") @NotBlank @Size(max = 100) String operatorName,
        @Schema(examples = "13812341234") @NotBlank @Pattern(regexp = "[0-9+\\- ]{5,30}", message = "must be a phone number")
        String phone,
        @Schema(nullable = true, examples = "0351-1234567", description = "The business line parents may call; "
                + "public, unlike the operator's phone") @Pattern(regexp = "[0-9+\\- ]{5,30}",
                message = "must be a phone number") String businessPhone,
        @Schema(examples = "JY11401060012345") @Size(max = 100) String licenseNo,
        @Min(1) @Max(1000) Integer capacity,
        @Schema(examples = "双塔寺一社区") @NotBlank @Size(max = 100) String community,
        ProviderStatus status) {
}
