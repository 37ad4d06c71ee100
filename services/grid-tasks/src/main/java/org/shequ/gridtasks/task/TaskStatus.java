package org.shequ.gridtasks.task;

public enum TaskStatus {
    REPORTED, ASSIGNED, SCHEDULED, IN_PROGRESS, DONE, VERIFIED, CANCELLED
}
