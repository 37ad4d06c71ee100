package org.shequ.foodinspections.inspection;

import java.time.Duration;

/**
 * The eight things an inspection of a 小饭桌 checks. Four are critical to children's safety: a failure of any of them
 * fails the inspection, and its rectification order is due in 7 days instead of 14 (docs/FOOD-SAFETY.md).
 */
public enum ChecklistItem {
    KITCHEN_HYGIENE(false, "厨房卫生"),
    FOOD_SOURCE(false, "食材来源"),
    SAMPLE_RETENTION(true, "食品留样"),
    HEALTH_CERTIFICATES(true, "从业人员健康证"),
    FIRE_EQUIPMENT(true, "消防器材"),
    EVACUATION_ROUTE(true, "疏散通道"),
    LICENSES(false, "证照"),
    TABLEWARE_DISINFECTION(false, "餐具消毒");

    private final boolean critical;
    private final String label;

    ChecklistItem(boolean critical, String label) {
        this.critical = critical;
        this.label = label;
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
