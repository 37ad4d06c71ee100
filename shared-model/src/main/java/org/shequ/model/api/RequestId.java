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

    public static String acceptOrCreate(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
