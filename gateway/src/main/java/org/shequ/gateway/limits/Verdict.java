package org.shequ.gateway.limits;

/**
 * A rate-limit decision and how it is told to the client, in the IETF draft's structured fields
 * (draft-ietf-httpapi-ratelimit-headers): {@code RateLimit-Policy: "name";q=100;w=60} says the quota,
 * {@code RateLimit: "name";r=42;t=12} what is left and in how many seconds the quota is whole again.
 */
public record Verdict(Policy policy, TokenBucket.Decision decision) {

    public boolean allowed() {
        return decision.allowed();
    }

    /** Whole seconds until one more request is allowed; at least 1, as {@code Retry-After} wants. */
    public long retryAfterSeconds() {
        return Math.max(1, seconds(decision.nanosToOne()));
    }

    /** The value of {@code RateLimit-Policy}. */
    public String policyHeader() {
        return "\"" + policy.name() + "\";q=" + policy.quota() + ";w=" + Math.max(1, policy.window().toSeconds());
    }

    /** Requests left in the bucket. */
    public int remaining() {
        return decision.remaining();
    }

    /** Whole seconds until the bucket is full again. */
    public long secondsToFull() {
        return seconds(decision.nanosToFull());
    }

    /** The value of {@code RateLimit}. */
    public String remainingHeader() {
        return "\"" + policy.name() + "\";r=" + decision.remaining() + ";t=" + seconds(decision.nanosToFull());
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
