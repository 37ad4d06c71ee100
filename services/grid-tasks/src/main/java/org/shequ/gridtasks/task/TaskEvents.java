package org.shequ.gridtasks.task;

import java.time.Instant;
import java.util.List;
import org.shequ.model.events.grid.GridTaskEvent;

/** The event each move of a task publishes; notes and helpers' names stay out of them (personal data). */
final class TaskEvents {

    private TaskEvents() {
    }

    static GridTaskEvent reported(Task t, Instant at) {
        return new GridTaskEvent.Reported(t.id, t.category.name(), t.title, t.gridId, t.location.compound,
                t.priority.name(), t.source.name(), at, t.campaignId, t.inspectionId);
    }

    static GridTaskEvent moved(Task t, TaskAction action, String actor, Instant at) {
        return switch (action) {
            case ASSIGN -> new GridTaskEvent.Assigned(t.id, t.gridId, List.copyOf(t.assignees), t.helpers.size(),
                    actor, at);
            case SCHEDULE -> new GridTaskEvent.Scheduled(t.id, t.gridId, t.scheduledAt, actor, at);
            case START -> new GridTaskEvent.Started(t.id, t.gridId, actor, at);
            case COMPLETE -> new GridTaskEvent.Completed(t.id, t.gridId, t.campaignId, t.spotsCleared, actor, at);
            case VERIFY -> new GridTaskEvent.Verified(t.id, t.gridId, t.campaignId, actor, at);
            case REOPEN -> new GridTaskEvent.Reopened(t.id, t.gridId, t.campaignId, t.status.name(), actor, at);
            case CANCEL -> new GridTaskEvent.Cancelled(t.id, t.gridId, t.campaignId, actor, at);
        };
    }
}
