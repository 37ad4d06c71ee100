package org.shequ.notices.notice;

public enum NoticeKind {
    WATER_OUTAGE, POWER_OUTAGE, GAS_OUTAGE, HEATING_OUTAGE, ROAD_CLOSURE, CONSTRUCTION, COMMUNITY_EVENT, GENERAL,
    /** An unplanned outage for an urgent repair (抢修): announced as soon as known, so no warning time applies. */
    EMERGENCY_REPAIR;

    /** A planned cut of a utility: residents are to be told at least a day before (see NoticeMapper.warningHours). */
    public boolean isPlannedOutage() {
        return this == WATER_OUTAGE || this == POWER_OUTAGE || this == GAS_OUTAGE || this == HEATING_OUTAGE;
    }

    /** Residents have to know where: outages, closures and works name at least one road or compound. */
    public boolean needsArea() {
        return this != COMMUNITY_EVENT && this != GENERAL;
    }
}
