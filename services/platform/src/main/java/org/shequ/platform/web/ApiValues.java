package org.shequ.platform.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** How stored values become API values, the same in every service. */
public final class ApiValues {

    /** The API's default zone: residents read 20:00, not 12:00Z. Instants are stored in UTC. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ApiValues() {
    }

    /** An instant as the API shows it, at +08:00; null stays null. */
    public static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }

    /** Optional text as stored: stripped, and absent rather than blank. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
