package org.shequ.notices.notice;

public enum NoticeKind {
    WATER_OUTAGE, POWER_OUTAGE, GAS_OUTAGE, HEATING_OUTAGE, ROAD_CLOSURE, CONSTRUCTION, COMMUNITY_EVENT, GENERAL;

    /** Residents have to know where: outages, closures and works name at least one road or compound. */
    public boolean needsArea() {
        return this != COMMUNITY_EVENT && this != GENERAL;
    }
}
