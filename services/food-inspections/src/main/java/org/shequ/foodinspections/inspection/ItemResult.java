package org.shequ.foodinspections.inspection;

public enum ItemResult {
    PASS, FAIL, NOT_APPLICABLE
}
