package org.shequ.gridtasks.task;

public enum TaskSource {
    WORKER_VISIT, RESIDENT_REPORT, SYSTEM
}
