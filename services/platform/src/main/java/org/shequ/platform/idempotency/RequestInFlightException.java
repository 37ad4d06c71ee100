package org.shequ.platform.idempotency;

import java.util.List;
import org.shequ.platform.problem.ProblemException;

/** 409: the first request with this key is still being handled; its answer is kept for the retry after it. */
public class RequestInFlightException extends ProblemException {

    public RequestInFlightException() {
        super(409, "request-in-flight", "Request in flight",
                "A request with this Idempotency-Key is still being handled; send it again in a moment to get its "
                        + "answer", List.of());
    }

    @Override
    public Integer retryAfterSeconds() {
        return 1;
    }
}
