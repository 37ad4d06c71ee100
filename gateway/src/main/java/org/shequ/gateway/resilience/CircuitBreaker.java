package org.shequ.gateway.resilience;

import java.util.function.LongSupplier;

/**
 * One service's circuit. Closed, it counts failures in a row (no connection, a timeout, a 5xx); at the threshold it
 * opens and refuses at once, so clients get a fast 503 instead of each waiting out the timeout. After
 * {@code openForNanos} one trial request goes through (half-open): its success closes the circuit, its failure opens
 * it again for another period.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openForNanos;
    private final LongSupplier nanoTime;
    private State state = State.CLOSED;
    private int failuresInARow;
    private long openedAtNanos;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, long openForNanos, LongSupplier nanoTime) {
        this.threshold = threshold;
        this.openForNanos = openForNanos;
        this.nanoTime = nanoTime;
    }

    /** Whether a request may go now; in half-open state only the one trial may. */
    public synchronized boolean tryPass() {
        if (state == State.OPEN && nanoTime.getAsLong() - openedAtNanos >= openForNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void succeeded() {
        state = State.CLOSED;
        failuresInARow = 0;
        trialInFlight = false;
    }

    public synchronized void failed() {
        failuresInARow++;
        if (state == State.HALF_OPEN || failuresInARow >= threshold) {
            state = State.OPEN;
            openedAtNanos = nanoTime.getAsLong();
            trialInFlight = false;
        }
    }

    /** The service answered: a 5xx other than 501 (not implemented is an answer, not a failure) counts against it. */
    public void answered(int status) {
        if (status >= 500 && status != 501) {
            failed();
        } else {
            succeeded();
        }
    }

    /** A request that was let through but never reached the service (refused before sending): no verdict on it. */
    public synchronized void abandoned() {
        trialInFlight = false;
    }

    public synchronized State state() {
        return state;
    }

    /** Whole seconds until a trial request will be let through; 1 at least while open. */
    public synchronized long secondsUntilTrial() {
        long left = openForNanos - (nanoTime.getAsLong() - openedAtNanos);
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }
}
