package org.shequ.gridtasks.campaign.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CampaignView(String id, String title, String community, @Schema(nullable = true) String compound,
                           int targetCount, String unit,
                           Progress progress,
                           @com.fasterxml.jackson.annotation.JsonInclude(
                                   com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                           @Schema(description = "For a building campaign read alone: each building and its state")
                           java.util.List<BuildingState> buildings,
                           OffsetDateTime createdAt,
                           @JsonIgnore @Schema(hidden = true) long version) {

    public record BuildingState(@Schema(examples = "6") String building,
                                @Schema(enumeration = {"DONE", "IN_PROGRESS", "NOT_STARTED"}) String state) {
    }

    /**
     * DONE and VERIFIED tasks of the campaign against its target (for a building campaign: distinct buildings with
     * one); percent to one decimal, may pass 100.
     */
    public record Progress(long done, int target, BigDecimal percent) {
    }
}
