package org.shequ.foodinspections.inspection;

/**
 * SCHEDULED: drawn by a spot check and waiting to be done; COMPLETED: its checklist recorded and scored; CANCELLED: a
 * scheduled check of a draw that was discarded, never to be done.
 */
public enum InspectionStatus {
    SCHEDULED, COMPLETED, CANCELLED
}
