package org.shequ.model.api;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code X-Request-Id} rule shared by the gateway and the services: a caller's id is kept when it is sane, and
 * replaced when missing, too long or full of odd characters (it ends up in logs, so it must not carry injection).
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestId() {
    }

    /**
     * A random (version 4) UUID from the thread's own generator: an id to correlate log lines needs to be unique,
     * not unguessable, and {@code UUID.randomUUID()}'s shared SecureRandom is a lock every request would queue on.
     */
    static String newId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    public static String acceptOrCreate(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : newId();
    }
}
