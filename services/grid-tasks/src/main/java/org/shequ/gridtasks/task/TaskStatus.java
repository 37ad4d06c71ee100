package org.shequ.gridtasks.task;

import java.util.EnumSet;
import java.util.Set;

/** Where a task stands; see {@link TaskAction} for the moves between them. */
public enum TaskStatus {
    REPORTED, ASSIGNED, SCHEDULED, IN_PROGRESS, DONE, VERIFIED, CANCELLED;

    /** What a campaign's progress counts. */
    public static final Set<TaskStatus> COUNTED_AS_DONE = EnumSet.of(DONE, VERIFIED);

    /** Still needs someone's work: not done, verified or cancelled. */
    public boolean isOpen() {
        return !COUNTED_AS_DONE.contains(this) && this != CANCELLED;
    }
}
