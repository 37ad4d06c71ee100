package org.shequ.foodinspections.provider.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.foodinspections.provider.ProviderStatus;

/** The whole new ledger entry, sent with If-Match; the view's read-only fields may come along and are ignored. */
@JsonIgnoreProperties({"id", "createdAt", "updatedAt", "statusSince"})
@Schema(description = "A ledger entry replaced whole, with If-Match.")
public record ProviderUpdate(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 300) String address,
        @NotBlank @Size(max = 100) String operatorName,
        @NotBlank @Pattern(regexp = "[0-9+\\- ]{5,30}", message = "must be a phone number") String phone,
        @Schema(nullable = true, description = "The business line parents may call; public")
        @Pattern(regexp = "[0-9+\\- ]{5,30}", message = "must be a phone number") String businessPhone,
        @Size(max = 100) String licenseNo,
        @Min(1) @Max(1000) Integer capacity,
        @NotBlank @Size(max = 100) String community,
        @NotNull ProviderStatus status) {
}
