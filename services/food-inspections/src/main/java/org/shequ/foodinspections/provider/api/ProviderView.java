package org.shequ.foodinspections.provider.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.foodinspections.provider.ProviderStatus;

@Schema(description = "A provider. operatorName and phone are masked (王*, 138****1234) unless the caller is an "
        + "inspector or an admin.")
public record ProviderView(String id, String name, String address, String operatorName, String phone,
                           @Schema(nullable = true) String businessPhone,
                           @Schema(nullable = true) String licenseNo, Integer capacity, String community,
                           ProviderStatus status, @Schema(nullable = true) OffsetDateTime statusSince,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt,
                           @JsonIgnore @Schema(hidden = true) long version) {
}
