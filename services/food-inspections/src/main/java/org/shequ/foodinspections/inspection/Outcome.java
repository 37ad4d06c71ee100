package org.shequ.foodinspections.inspection;

/** What an inspection comes to, computed by {@link OutcomeRule}, never entered. */
public enum Outcome {
    PASS, PASS_WITH_ISSUES, FAIL
}
