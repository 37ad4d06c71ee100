package org.shequ.notices.feed;

import org.shequ.notices.notice.NoticeKind;

/**
 * How each kind of notice is described in CAP 1.2 (see docs/FEEDS.md): the {@code event} (under 35 characters, as
 * alert aggregators require), the {@code category}, {@code severity} and {@code certainty}. Urgency depends on time,
 * not kind: see {@link CapWriter}.
 */
enum CapProfile {
    WATER_OUTAGE("停水", "Infra", "Moderate", "Likely"),
    POWER_OUTAGE("停电", "Infra", "Moderate", "Likely"),
    GAS_OUTAGE("停气", "Infra", "Moderate", "Likely"),
    HEATING_OUTAGE("停暖", "Infra", "Moderate", "Likely"),
    ROAD_CLOSURE("道路封闭", "Transport", "Minor", "Likely"),
    CONSTRUCTION("施工", "Infra", "Minor", "Likely"),
    COMMUNITY_EVENT("社区活动", "Other", "Minor", "Likely"),
    GENERAL("社区通知", "Other", "Unknown", "Unknown"),
    EMERGENCY_REPAIR("抢修停用", "Infra", "Moderate", "Observed");

    final String event;
    final String category;
    final String severity;
    final String certainty;

    CapProfile(String event, String category, String severity, String certainty) {
        this.event = event;
        this.category = category;
        this.severity = severity;
        this.certainty = certainty;
    }

    static CapProfile of(NoticeKind kind) {
        return valueOf(kind.name());
    }
}
