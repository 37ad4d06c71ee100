package org.shequ.model.events.grid;

import java.time.Instant;
import java.util.List;
import org.shequ.model.events.DomainEvent;
import org.shequ.model.events.EventType;

/**
 * Everything that happens to a grid-worker task, on {@code shequ.grid-tasks.v1}. No personal data: workers appear
 * by their ids only, helpers by their number, and notes (free text that may name people) stay in the service.
 */
public sealed interface GridTaskEvent extends DomainEvent permits GridTaskEvent.Reported, GridTaskEvent.Assigned,
        GridTaskEvent.Scheduled, GridTaskEvent.Started, GridTaskEvent.Completed, GridTaskEvent.Verified,
        GridTaskEvent.Reopened, GridTaskEvent.Cancelled {

    List<EventType> TYPES = List.of(
            EventType.of("grid-tasks", "task", "reported", Reported.class),
            EventType.of("grid-tasks", "task", "assigned", Assigned.class),
            EventType.of("grid-tasks", "task", "scheduled", Scheduled.class),
            EventType.of("grid-tasks", "task", "started", Started.class),
            EventType.of("grid-tasks", "task", "completed", Completed.class),
            EventType.of("grid-tasks", "task", "verified", Verified.class),
            EventType.of("grid-tasks", "task", "reopened", Reopened.class),
            EventType.of("grid-tasks", "task", "cancelled", Cancelled.class));

    String taskId();

    @Override
    default String aggregateId() {
        return taskId();
    }

    /**
     * A hazard or request was recorded, e.g. clutter in the stairwells of 胜利东街7号院 building 6; a follow-up of a
     * failed food inspection names the inspection it came from.
     */
    record Reported(String taskId, String category, String title, String gridId, String compound,
                    String priority, String source, Instant reportedAt, String campaignId, String inspectionId)
            implements GridTaskEvent {
    }

    /** Workers took the task on, with a number of property staff or volunteers helping. */
    record Assigned(String taskId, String gridId, List<String> workerIds, int helpers, String actor, Instant at)
            implements GridTaskEvent {
    }

    /** The work is planned for a time, e.g. the coming weekend. */
    record Scheduled(String taskId, String gridId, Instant scheduledFor, String actor, Instant at)
            implements GridTaskEvent {
    }

    record Started(String taskId, String gridId, String actor, Instant at) implements GridTaskEvent {
    }

    /** The work is done, e.g. 80 garbage spots cleared; counts toward the task's campaign. */
    record Completed(String taskId, String gridId, String campaignId, Integer spotsCleared, String actor, Instant at)
            implements GridTaskEvent {
    }

    record Verified(String taskId, String gridId, String campaignId, String actor, Instant at)
            implements GridTaskEvent {
    }

    /** Done or cancelled work was found wanting and is open again, in status {@code to}. */
    record Reopened(String taskId, String gridId, String campaignId, String to, String actor, Instant at)
            implements GridTaskEvent {
    }

    record Cancelled(String taskId, String gridId, String campaignId, String actor, Instant at)
            implements GridTaskEvent {
    }
}
