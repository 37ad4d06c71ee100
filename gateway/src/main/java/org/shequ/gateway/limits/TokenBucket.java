package org.shequ.gateway.limits;

/**
 * A client's allowance under one policy: {@code capacity} tokens, refilled continuously at {@code capacity / window},
 * one spent per request. Time is passed in, so the arithmetic is tested without a clock.
 */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updatedNanos;
    /** Set when the limiter forgets this bucket; whoever still holds it must look the client's bucket up again. */
    private boolean forgotten;

    TokenBucket(int capacity, long windowNanos, long nowNanos) {
        this.capacity = capacity;
        this.perNano = capacity / (double) windowNanos;
        this.tokens = capacity;
        this.updatedNanos = nowNanos;
    }

    /** Takes a token if there is one; either way says where the client stands afterwards. */
    synchronized Decision take(long nowNanos) {
        refill(nowNanos);
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long toOneToken = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
        long toFull = (long) Math.ceil((capacity - tokens) / perNano);
        return new Decision(allowed, (int) Math.floor(tokens), toOneToken, toFull);
    }

    /** Full again: it is forgotten (a new one would be the same) and says so from now on. */
    synchronized boolean forgetIfIdle(long nowNanos) {
        refill(nowNanos);
        forgotten = tokens >= capacity;
        return forgotten;
    }

    /** Takes a token as {@link #take(long)} does, or returns null when this bucket was forgotten. */
    synchronized Decision takeIfKept(long nowNanos) {
        return forgotten ? null : take(nowNanos);
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - updatedNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * perNano);
            updatedNanos = nowNanos;
        }
    }

    /**
     * @param remaining     whole requests left right now
     * @param nanosToOne    until the next request would be allowed (0 when one is)
     * @param nanosToFull   until the whole quota is back
     */
    record Decision(boolean allowed, int remaining, long nanosToOne, long nanosToFull) {
    }
}
