package org.shequ.gridtasks.grid.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A grid cell; its name is unique within its community.")
public record GridRequest(
        @Schema(examples = "富力城社区") @NotBlank @Size(max = 100) String community,
        @Schema(examples = "第三网格") @NotBlank @Size(max = 100) String name,
        @Schema(nullable = true, description = "The compounds the grid covers; a compound belongs to one grid",
                examples = "[\"胜利东街7号院\"]")
        @Size(max = 200) List<@NotBlank @Size(max = 100) String> compounds) {
}
