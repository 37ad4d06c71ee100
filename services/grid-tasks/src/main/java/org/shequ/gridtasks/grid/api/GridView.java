package org.shequ.gridtasks.grid.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record GridView(String id, String community, String name,
                       @Schema(description = "The compounds the grid covers") List<String> compounds,
                       OffsetDateTime createdAt,
                       @JsonIgnore @Schema(hidden = true) long version) {
}
