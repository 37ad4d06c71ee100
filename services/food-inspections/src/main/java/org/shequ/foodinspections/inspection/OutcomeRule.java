package org.shequ.foodinspections.inspection;

import java.util.Map;

/**
 * Scores a checklist. Version {@value #VERSION}: FAIL if any critical item (sample retention, health certificates,
 * fire equipment, evacuation route) fails, or three or more items fail; PASS_WITH_ISSUES if any item fails; else PASS.
 * NOT_APPLICABLE never counts against a provider, and only an item that is not {@link ChecklistItem#alwaysChecked()}
 * may be answered so (InspectionService refuses the rest), so no checklist passes a provider nobody looked at. Every inspection stores the version that scored it, so a change to
 * the rule gets a new version and old outcomes stay explainable.
 */
public final class OutcomeRule {

    public static final String VERSION = "xfz-2024.1";
    static final int FAILURES_THAT_FAIL = 3;

    private OutcomeRule() {
    }

    public static Outcome score(Map<ChecklistItem, ItemResult> checklist) {
        long failed = checklist.values().stream().filter(r -> r == ItemResult.FAIL).count();
        boolean criticalFailed = checklist.entrySet().stream()
                .anyMatch(e -> e.getKey().critical() && e.getValue() == ItemResult.FAIL);
        if (criticalFailed || failed >= FAILURES_THAT_FAIL) {
            return Outcome.FAIL;
        }
        return failed > 0 ? Outcome.PASS_WITH_ISSUES : Outcome.PASS;
    }
}
