package org.shequ.renovations.project.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record MilestoneRequest(
        @Schema(examples = "铺设塑胶面层") @NotBlank @Size(max = 200) String title,
        @Schema(examples = "2024-11-15") @NotNull LocalDate dueDate) {
}
