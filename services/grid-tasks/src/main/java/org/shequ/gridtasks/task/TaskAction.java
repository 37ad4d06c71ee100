package org.shequ.gridtasks.task;

import static org.shequ.gridtasks.task.TaskStatus.ASSIGNED;
import static org.shequ.gridtasks.task.TaskStatus.CANCELLED;
import static org.shequ.gridtasks.task.TaskStatus.DONE;
import static org.shequ.gridtasks.task.TaskStatus.IN_PROGRESS;
import static org.shequ.gridtasks.task.TaskStatus.REPORTED;
import static org.shequ.gridtasks.task.TaskStatus.SCHEDULED;
import static org.shequ.gridtasks.task.TaskStatus.VERIFIED;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The task workflow as data: each action and the status it leads to from each status it is allowed in. Everything
 * not listed is refused with 409 and the list of what is allowed. Re-assigning and re-scheduling keep the status;
 * reopening sends done work back to its workers (ASSIGNED) and a cancelled task back to REPORTED.
 */
public enum TaskAction {
    ASSIGN(Map.of(REPORTED, ASSIGNED, ASSIGNED, ASSIGNED, SCHEDULED, ASSIGNED)),
    SCHEDULE(Map.of(ASSIGNED, SCHEDULED, SCHEDULED, SCHEDULED)),
    START(Map.of(ASSIGNED, IN_PROGRESS, SCHEDULED, IN_PROGRESS)),
    COMPLETE(Map.of(IN_PROGRESS, DONE)),
    VERIFY(Map.of(DONE, VERIFIED)),
    REOPEN(Map.of(DONE, ASSIGNED, VERIFIED, ASSIGNED, CANCELLED, REPORTED)),
    CANCEL(Map.of(REPORTED, CANCELLED, ASSIGNED, CANCELLED, SCHEDULED, CANCELLED, IN_PROGRESS, CANCELLED));

    private final Map<TaskStatus, TaskStatus> moves;

    TaskAction(Map<TaskStatus, TaskStatus> moves) {
        this.moves = moves;
    }

    /** The status this action leads to from {@code from}, or empty when it is not allowed there. */
    public Optional<TaskStatus> from(TaskStatus from) {
        return Optional.ofNullable(moves.get(from));
    }

    /** As it appears in the path: {@code assign}, {@code schedule} ... */
    public String pathName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The actions allowed from a status, by their path names, in workflow order. */
    public static java.util.List<String> allowedFrom(TaskStatus status) {
        return Arrays.stream(values()).filter(a -> a.moves.containsKey(status)).map(TaskAction::pathName).toList();
    }
}
