package org.shequ.gridtasks.grid.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record GridView(String id, String community, String name, OffsetDateTime createdAt,
                       @JsonIgnore @Schema(hidden = true) long version) {
}
