package org.shequ.gridtasks.task.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.gridtasks.task.TaskCategory;
import org.shequ.gridtasks.task.TaskPriority;
import org.shequ.gridtasks.task.TaskSource;
import org.shequ.gridtasks.task.TaskStatus;

public record TaskView(String id, TaskCategory category, String title, String description, LocationDto location,
                       TaskSource source, TaskPriority priority, TaskStatus status, String gridId,
                       OffsetDateTime dueAt, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                       @JsonIgnore @Schema(hidden = true) long version) {
}
