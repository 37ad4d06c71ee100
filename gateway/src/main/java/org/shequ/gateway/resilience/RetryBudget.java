package org.shequ.gateway.resilience;

/**
 * Retries as a share of traffic: each request earns {@code ratio} of a retry, each retry spends one, and at most ten
 * can be saved up. When a service is down for good, retries stop at that share instead of multiplying the load on it.
 */
public final class RetryBudget {

    private static final double MAX_SAVED = 10;
    private final double ratio;
    private double saved = MAX_SAVED;

    public RetryBudget(double ratio) {
        this.ratio = ratio;
    }

    public synchronized void earn() {
        saved = Math.min(MAX_SAVED, saved + ratio);
    }

    public synchronized boolean trySpend() {
        if (saved >= 1) {
            saved -= 1;
            return true;
        }
        return false;
    }
}
