package org.shequ.gridtasks.campaign.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A campaign's goal: targetCount of unit (54 栋). community defaults to the admin's own.")
public record CampaignRequest(
        @Schema(examples = "胜利东街7号院楼道清理") @NotBlank @Size(max = 200) String title,
        @Schema(examples = "胜利东街7号院") @Size(max = 100) String compound,
        @Schema(examples = "54") @NotNull @Min(1) @Max(100000) Integer targetCount,
        @Schema(examples = "栋") @NotBlank @Size(max = 20) String unit,
        @Schema(examples = "富力城社区") @Size(max = 100) String community,
        @Schema(nullable = true, description = "The buildings it covers, as many as targetCount (default for a 栋 "
                + "campaign: 1 to targetCount); its progress then counts distinct buildings done")
        @Size(max = 1000) java.util.List<@jakarta.validation.constraints.NotBlank @Size(max = 50) String> buildings) {
}
