package org.shequ.foodinspections.rectification;

public enum RectificationStatus {
    OPEN, CLOSED
}
