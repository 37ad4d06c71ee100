package org.shequ.foodinspections.publicview;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One completed inspection of a provider as parents see it: what was found and whether it was "
        + "put right")
public record PublicInspection(
        String id,
        @Schema(description = "The day of the inspection (Asia/Shanghai)") LocalDate date,
        @Schema(enumeration = {"ROUTINE", "SPOT_CHECK", "FOLLOW_UP", "COMPLAINT"}) String type,
        @Schema(enumeration = {"PASS", "PASS_WITH_ISSUES", "FAIL"}) String outcome,
        @Schema(description = "The items that failed") List<String> failedItems,
        @Schema(description = "Rectification orders this inspection opened") int ordersOpened,
        @Schema(description = "Of those, closed since by a follow-up that found the item passing") int ordersClosed,
        @Schema(description = "True when every order it opened was closed: a FAIL put right") boolean putRight,
        @Schema(nullable = true, description = "The day of the re-inspection that closed the last of its orders")
        LocalDate putRightOn,
        @Schema(nullable = true, description = "For a follow-up: the inspection it re-checked") String followUpOf) {
}
