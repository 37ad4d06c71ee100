package org.shequ.gridtasks.campaign.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CampaignView(String id, String title, String community, @Schema(nullable = true) String compound,
                           int targetCount, String unit,
                           Progress progress, OffsetDateTime createdAt,
                           @JsonIgnore @Schema(hidden = true) long version) {

    /** DONE and VERIFIED tasks of the campaign against its target; percent to one decimal, may pass 100. */
    public record Progress(long done, int target, BigDecimal percent) {
    }
}
