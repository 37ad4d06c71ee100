package org.shequ.model.events.grid;

import java.time.Instant;
import java.util.List;
import org.shequ.model.events.DomainEvent;
import org.shequ.model.events.EventType;

/** Everything that happens to a grid-worker task, on {@code shequ.grid-tasks.v1}. */
public sealed interface GridTaskEvent extends DomainEvent permits GridTaskEvent.Reported, GridTaskEvent.StatusChanged {

    List<EventType> TYPES = List.of(
            EventType.of("grid-tasks", "task", "reported", Reported.class),
            EventType.of("grid-tasks", "task", "status-changed", StatusChanged.class));

    String taskId();

    @Override
    default String aggregateId() {
        return taskId();
    }

    /** A hazard or request was recorded, e.g. clutter in the stairwells of 胜利东街7号院 building 6. */
    record Reported(String taskId, String category, String title, String gridId, String compound,
                    String priority, String source, Instant reportedAt) implements GridTaskEvent {
    }

    /** A task moved through its workflow (assigned, started, done, verified ...). */
    record StatusChanged(String taskId, String from, String to, String actor, String note, Instant at)
            implements GridTaskEvent {
    }
}
