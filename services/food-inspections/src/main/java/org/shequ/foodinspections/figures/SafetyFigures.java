package org.shequ.foodinspections.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A period's food-safety figures for one community (or the whole district): inspections by type "
        + "and outcome, rectification orders and how long they took to close")
public record SafetyFigures(
        @Schema(nullable = true, description = "The community, or null for the whole district") String community,
        @Schema(description = "First day, inclusive (Asia/Shanghai)") LocalDate from,
        @Schema(description = "Last day, inclusive") LocalDate to,
        @Schema(description = "Completed inspections in the period") long inspections,
        @Schema(description = "Of those, by type (ROUTINE, SPOT_CHECK, FOLLOW_UP, COMPLAINT)") Map<String, Long> byType,
        @Schema(description = "Of those, by outcome (PASS, PASS_WITH_ISSUES, FAIL)") Map<String, Long> byOutcome,
        @Schema(description = "Rectification orders opened by those inspections") long ordersOpened,
        @Schema(description = "Of those, closed by now") long ordersClosed,
        @Schema(description = "Orders open now, whenever opened") long ordersOpenNow,
        @Schema(description = "Of those, past their due date now") long ordersOverdueNow,
        @Schema(nullable = true, description = "Average days from an order's opening inspection to the re-inspection "
                + "that closed it, for the orders opened in the period and closed") BigDecimal averageDaysToClose,
        @Schema(nullable = true, description = "The longest of those") Long maxDaysToClose) {
}
