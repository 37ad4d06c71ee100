package org.shequ.renovations.project.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.platform.json.LongText;

@Schema(description = "Works finished: the actual end and cost. Ending after plannedEnd or costing more than "
        + "budgetCny needs varianceReason.")
public record CompleteRequest(
        @Schema(examples = "2024-11-20") @NotNull LocalDate actualEnd,
        @Schema(examples = "268000") @NotNull @DecimalMin("0") @DecimalMax("100000000000") @Digits(integer = 12, fraction = 2) BigDecimal actualCostCny,
        @Schema(examples = "雨季停工两周") @LongText @Size(max = 2000) String varianceReason,
        @LongText @Size(max = 2000) String note) {
}
