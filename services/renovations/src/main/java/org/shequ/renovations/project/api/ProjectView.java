package org.shequ.renovations.project.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.renovations.project.ProjectCategory;
import org.shequ.renovations.project.ProjectStatus;

/**
 * A project: plan and actuals side by side, its variance, physical progress from milestones met, the residents'
 * requests it answers, and (for a single project) its history.
 */
public record ProjectView(String id, String compoundId, String title, ProjectCategory category, ProjectStatus status,
                          List<String> allowedActions, @Schema(nullable = true) String description,
                          List<ProjectRequest.ScopeItemDto> scope, LocalDate plannedStart,
                          @Schema(nullable = true) LocalDate plannedEnd, @Schema(nullable = true) LocalDate actualStart,
                          @Schema(nullable = true) LocalDate actualEnd, @Schema(nullable = true) String contractor,
                          @Schema(nullable = true) BigDecimal budgetCny,
                          @Schema(nullable = true) BigDecimal actualCostCny, @Schema(nullable = true) Variance variance,
                          int physicalProgress, List<MilestoneView> milestones, List<String> answersRequests,
                          @Schema(nullable = true) String cancelReason, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<HistoryEntry> history,
                          @JsonIgnore @Schema(hidden = true) long version) {

    /** Days late against plannedEnd and CNY over budgetCny (negative: early, under), and why. */
    public record Variance(Long daysLate, BigDecimal overBudgetCny, @Schema(nullable = true) String reason) {
    }

    public record MilestoneView(String id, String title, LocalDate dueDate,
                                @Schema(nullable = true) LocalDate metDate, String status) {
    }

    public record HistoryEntry(String action, @Schema(nullable = true) ProjectStatus from, ProjectStatus to,
                               String actor, @Schema(nullable = true) String note,
                               OffsetDateTime at) {
    }
}
