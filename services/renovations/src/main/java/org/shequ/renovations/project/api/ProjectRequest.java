package org.shequ.renovations.project.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.platform.json.LongText;
import org.shequ.renovations.project.ProjectCategory;

@Schema(description = "A renovation project of a registered compound; it starts PLANNED.")
public record ProjectRequest(
        @NotBlank @Size(max = 36) String compoundId,
        @Schema(examples = "西铭路47号院广场防滑橡胶地面改造") @NotBlank @Size(max = 200) String title,
        @NotNull ProjectCategory category,
        @Schema(examples = "居民反映广场地面湿滑，改为防滑橡胶地面。") @LongText @Size(max = 4000) String description,
        @Size(max = 50) List<@Valid @NotNull ScopeItemDto> scope,
        @Schema(examples = "2024-04-01") LocalDate plannedStart,
        @Schema(examples = "2024-06-30") LocalDate plannedEnd,
        @Size(max = 200) String contractor,
        @DecimalMin("0") @DecimalMax("100000000000") @Digits(integer = 12, fraction = 2) BigDecimal budgetCny) {

    public List<ScopeItemDto> scopeOrEmpty() {
        return scope == null ? List.of() : scope;
    }

    @Schema(description = "One piece of work and its size, e.g. plaza resurfacing, 500, m2")
    public record ScopeItemDto(
            @Schema(examples = "广场地面") @NotBlank @Size(max = 200) String item,
            @Schema(examples = "500") @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 2) BigDecimal quantity,
            @Schema(examples = "m2") @Size(max = 20) String unit) {
    }
}
