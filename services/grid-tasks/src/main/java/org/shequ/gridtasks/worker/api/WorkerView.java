package org.shequ.gridtasks.worker.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record WorkerView(String id, String gridId, String name, OffsetDateTime createdAt,
                         @JsonIgnore @Schema(hidden = true) long version) {
}
