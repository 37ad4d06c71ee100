package org.shequ.gridtasks.task;

public enum TaskPriority {
    LOW, NORMAL, HIGH, URGENT
}
