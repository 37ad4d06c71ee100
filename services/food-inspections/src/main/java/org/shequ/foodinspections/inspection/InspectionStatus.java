package org.shequ.foodinspections.inspection;

/** SCHEDULED: drawn by a spot check and waiting to be done; COMPLETED: its checklist recorded and scored. */
public enum InspectionStatus {
    SCHEDULED, COMPLETED
}
