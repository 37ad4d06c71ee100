package org.shequ.renovations.project.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.renovations.project.ProjectCategory;
import org.shequ.renovations.project.ProjectStatus;

public record ProjectView(String id, String compoundId, String title, ProjectCategory category, ProjectStatus status,
                          String description, List<ProjectRequest.ScopeItemDto> scope, LocalDate plannedStart,
                          LocalDate plannedEnd, String contractor, BigDecimal budgetCny, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt, @JsonIgnore @Schema(hidden = true) long version) {
}
