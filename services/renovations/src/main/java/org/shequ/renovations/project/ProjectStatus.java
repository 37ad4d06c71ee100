package org.shequ.renovations.project;

public enum ProjectStatus {
    PLANNED, APPROVED, IN_PROGRESS, COMPLETED, ACCEPTED, CANCELLED
}
