package org.shequ.platform.problem;

/**
 * 503 with {@code Retry-After}: the database did not answer in time (stopped, frozen, unreachable) or every pooled
 * connection stayed busy past the acquisition timeout. Almost always nothing was written; but when the outage
 * began during the commit itself, the change may have been saved with its answer lost, so the client is told to
 * look before it sends a change again.
 */
public class DatabaseUnavailableException extends ProblemException {

    public DatabaseUnavailableException() {
        super(503, "database-unavailable", "Service unavailable",
                "Our database did not answer in time. Try again shortly; if this was a change, read it back "
                        + "first, since an outage during the save can lose the answer of a change that was made", null);
    }

    @Override
    public Integer retryAfterSeconds() {
        return 5;
    }
}
