package org.shequ.gridtasks.task.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.gridtasks.task.TaskCategory;
import org.shequ.gridtasks.task.TaskPriority;
import org.shequ.gridtasks.task.TaskSource;
import org.shequ.gridtasks.task.TaskStatus;

/**
 * A task as clients see it. {@code history} comes with a single task, {@code possibleDuplicates} with a new one;
 * {@code allowedActions} are the transitions its status allows now.
 */
public record TaskView(String id, TaskCategory category, String title, @Schema(nullable = true) String description,
                       LocationDto location,
                       @Schema(nullable = true, description = "A photo of the problem, where the reporter's app keeps it")
                       String mediaUrl, TaskSource source, TaskPriority priority, TaskStatus status,
                       List<String> allowedActions, String gridId, @Schema(nullable = true) String campaignId,
                       @Schema(nullable = true) OffsetDateTime dueAt,
                       @Schema(nullable = true) OffsetDateTime scheduledAt, List<String> assignees,
                       List<String> helpers, @Schema(nullable = true) OutcomeView outcome,
                       @Schema(nullable = true) OriginView origin, String reportedBy, OffsetDateTime createdAt,
                       OffsetDateTime updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) List<HistoryEntry> history,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<TaskSummary> possibleDuplicates,
                       @JsonIgnore @Schema(hidden = true) long version) {

    public TaskView withPossibleDuplicates(List<TaskSummary> duplicates) {
        return new TaskView(id, category, title, description, location, mediaUrl, source, priority, status, allowedActions,
                gridId, campaignId, dueAt, scheduledAt, assignees, helpers, outcome, origin, reportedBy, createdAt,
                updatedAt, history, duplicates, version);
    }

    public record OutcomeView(Integer spotsCleared, String summary) {
    }

    /** Where a system task came from: the failed food inspection and its provider. */
    public record OriginView(String inspectionId, String providerId) {
    }

    public record HistoryEntry(String action, @Schema(nullable = true) TaskStatus from, TaskStatus to, String actor,
                               @Schema(nullable = true) String note,
                               OffsetDateTime at) {
    }

    /** An open task of the same category at the same compound and building, to merge with instead of filing twice. */
    public record TaskSummary(String id, String title, TaskStatus status, String building, OffsetDateTime createdAt) {
    }
}
