package org.shequ.foodinspections.inspection;

import java.time.Duration;

/**
 * The eight things an inspection of a 小饭桌 checks. Four are critical to children's safety: a failure of any of them
 * fails the inspection, and its rectification order is due in 7 days instead of 14 (docs/FOOD-SAFETY.md).
 */
public enum ChecklistItem {
    KITCHEN_HYGIENE(false, true, "厨房卫生"),
    FOOD_SOURCE(false, true, "食材来源"),
    SAMPLE_RETENTION(true, true, "食品留样"),
    HEALTH_CERTIFICATES(true, true, "从业人员健康证"),
    FIRE_EQUIPMENT(true, true, "消防器材"),
    EVACUATION_ROUTE(true, true, "疏散通道"),
    LICENSES(false, true, "证照"),
    /** Not applicable where only single-use tableware is served. */
    TABLEWARE_DISINFECTION(false, false, "餐具消毒");

    private final boolean critical;
    private final boolean alwaysChecked;
    private final String label;

    ChecklistItem(boolean critical, boolean alwaysChecked, String label) {
        this.critical = critical;
        this.alwaysChecked = alwaysChecked;
        this.label = label;
    }

    /**
     * Whether every 小饭桌 has this to check: such an item is PASS or FAIL, never NOT_APPLICABLE, so that no checklist
     * of NOT_APPLICABLE answers passes a provider nobody looked at.
     */
    public boolean alwaysChecked() {
        return alwaysChecked;
    }

    public boolean critical() {
        return critical;
    }

    /** The Chinese name, as inspectors and parents read it. */
    public String label() {
        return label;
    }

    /** How long a provider has to put a failure of this item right. */
    public Duration rectificationTime() {
        return Duration.ofDays(critical ? 7 : 14);
    }
}
