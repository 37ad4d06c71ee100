package org.shequ.platform.problem;

/**
 * 503 with {@code Retry-After}: the database gave up waiting for a lock (a deadlock victim, a lock wait timeout).
 * Nothing was written and the same request is likely to succeed a moment later.
 */
public class ContentionException extends ProblemException {

    public ContentionException() {
        super(503, "contention", "Service busy",
                "Other changes to the same data held us up; nothing was saved, try again in a moment", null);
    }

    @Override
    public Integer retryAfterSeconds() {
        return 1;
    }
}
