package org.shequ.gridtasks.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.shequ.gridtasks.task.api.LocationDto;
import org.shequ.gridtasks.task.api.TaskRequest;
import org.shequ.gridtasks.task.api.TaskView;
import org.shequ.model.events.grid.GridTaskEvent;
import org.shequ.platform.outbox.Outbox;
import org.shequ.platform.web.ApiValues;

/** Records a task and tells the suite, in one transaction. */
@ApplicationScoped
@Transactional
public class TaskService {

    private final TaskRepository tasks;
    private final Outbox outbox;
    private final Clock clock;

    public TaskService(TaskRepository tasks, Outbox outbox, Clock clock) {
        this.tasks = tasks;
        this.outbox = outbox;
        this.clock = clock;
    }

    public TaskView report(@Valid @NotNull TaskRequest request, String actor) {
        Instant now = clock.instant();
        Task task = new Task();
        task.id = UUID.randomUUID().toString();
        task.gridId = request.gridId().strip();
        task.category = request.category();
        task.title = request.title().strip();
        task.description = request.description();
        if (request.location() != null) {
            task.location.community = request.location().community();
            task.location.compound = request.location().compound();
            task.location.building = request.location().building();
            task.location.floor = request.location().floor();
            task.location.address = request.location().address();
        }
        task.source = request.source();
        task.priority = request.priority() == null ? TaskPriority.NORMAL : request.priority();
        task.status = TaskStatus.REPORTED;
        task.dueAt = request.dueAt() == null ? null : request.dueAt().toInstant();
        task.reportedBy = actor;
        task.createdAt = now;
        task.updatedAt = now;
        tasks.persist(task);
        // The event's upsert flushes the insert first: an unknown gridId is a 422 before anything is sent.
        outbox.append(new GridTaskEvent.Reported(task.id, task.category.name(), task.title, task.gridId,
                task.location.compound, task.priority.name(), task.source.name(), now));
        return view(task);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TaskView> find(String id) {
        return tasks.findByIdOptional(id).map(TaskService::view);
    }

    static TaskView view(Task t) {
        TaskLocation l = t.location == null ? new TaskLocation() : t.location;
        return new TaskView(t.id, t.category, t.title, t.description,
                new LocationDto(l.community, l.compound, l.building, l.floor, l.address), t.source, t.priority,
                t.status, t.gridId, ApiValues.local(t.dueAt), ApiValues.local(t.createdAt),
                ApiValues.local(t.updatedAt), t.version);
    }
}
