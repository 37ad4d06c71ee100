package org.shequ.foodinspections.inspection;

/** ROUTINE: the scheduled full inspection; SPOT_CHECK: drawn at random; FOLLOW_UP: re-checks an earlier one. */
public enum InspectionType {
    ROUTINE, SPOT_CHECK, FOLLOW_UP, COMPLAINT
}
