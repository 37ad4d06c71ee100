package org.shequ.platform.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Values that native queries return, as the rest of the code uses them. */
public final class SqlValues {

    private SqlValues() {
    }

    /**
     * A DATETIME(6) column read by a native query, as the instant it stores in UTC (see docs/ARCHITECTURE.md,
     * "Data"); null stays null. Drivers and Hibernate versions hand it back as Timestamp, LocalDateTime or Instant.
     */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected DATETIME value " + value.getClass());
    }
}
