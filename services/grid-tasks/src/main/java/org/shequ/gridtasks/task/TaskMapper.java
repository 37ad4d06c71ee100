package org.shequ.gridtasks.task;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.shequ.gridtasks.task.api.LocationDto;
import org.shequ.gridtasks.task.api.TaskRequest;
import org.shequ.gridtasks.task.api.TaskView;
import org.shequ.model.privacy.Masking;
import org.shequ.platform.paging.Cursor;
import org.shequ.platform.web.ApiValues;

/** Between the API's records and the task entity; no entity leaves the service. */
public final class TaskMapper {

    private TaskMapper() {
    }

    static Task newTask(TaskRequest request, String gridId, String actor, Instant now) {
        Task task = new Task();
        task.id = UUID.randomUUID().toString();
        task.gridId = gridId;
        task.category = request.category();
        task.title = request.title().strip();
        task.description = request.description();
        LocationDto at = request.location();
        if (at != null) {
            task.location.community = ApiValues.blankToNull(at.community());
            task.location.compound = ApiValues.blankToNull(at.compound());
            task.location.building = ApiValues.blankToNull(at.building());
            task.location.floor = ApiValues.blankToNull(at.floor());
            task.location.address = ApiValues.blankToNull(at.address());
            task.location.lat = at.lat();
            task.location.lon = at.lon();
        }
        task.source = request.source();
        task.priority = request.priority() == null ? TaskPriority.NORMAL : request.priority();
        task.dueAt = request.dueAt() == null ? null : request.dueAt().toInstant();
        return reported(task, actor, now);
    }

    /** Fills what every new task has: REPORTED, by whom, when. */
    public static Task reported(Task task, String actor, Instant now) {
        task.status = TaskStatus.REPORTED;
        task.open = true;
        task.reportedBy = actor;
        task.createdAt = now;
        task.updatedAt = now;
        return task;
    }

    static TaskTransition line(Task task, String action, TaskStatus from, String actor, String note, Instant at) {
        TaskTransition line = new TaskTransition();
        line.taskId = task.id;
        line.action = action;
        line.fromStatus = from;
        line.toStatus = task.status;
        line.actor = actor;
        line.note = note;
        line.at = at;
        return line;
    }

    static TaskView view(Task t, List<TaskTransition> history, boolean showNames) {
        TaskLocation l = t.location == null ? new TaskLocation() : t.location;
        return new TaskView(t.id, t.category, t.title, t.description,
                new LocationDto(l.community, l.compound, l.building, l.floor, l.address, l.lat, l.lon), t.mediaUrl,
                t.source,
                t.priority,
                t.status, TaskAction.allowedFrom(t.status), t.gridId, t.campaignId, ApiValues.local(t.dueAt),
                ApiValues.local(t.scheduledAt), List.copyOf(t.assignees),
                t.helpers.stream().map(name -> showNames ? name : Masking.name(name)).toList(),
                t.spotsCleared == null && t.outcomeSummary == null ? null
                        : new TaskView.OutcomeView(t.spotsCleared, t.outcomeSummary),
                t.inspectionId == null ? null : new TaskView.OriginView(t.inspectionId, t.providerId),
                t.reportedBy, ApiValues.local(t.createdAt), ApiValues.local(t.updatedAt),
                history == null ? null : history.stream().map(TaskMapper::entry).toList(), null, t.version);
    }

    static TaskView.TaskSummary summary(Task t) {
        return new TaskView.TaskSummary(t.id, t.title, t.status, t.location.building, ApiValues.local(t.createdAt));
    }

    static Cursor position(Task t) {
        return new Cursor(t.createdAt, t.id);
    }

    /** Where a task stands in a list by due date: its due time, or after every dated task. */
    static Cursor duePosition(Task t) {
        return new Cursor(t.dueAt == null ? TaskQuery.UNDATED : t.dueAt, t.id);
    }

    private static TaskView.HistoryEntry entry(TaskTransition h) {
        return new TaskView.HistoryEntry(h.action, h.fromStatus, h.toStatus, h.actor, h.note, ApiValues.local(h.at));
    }
}
