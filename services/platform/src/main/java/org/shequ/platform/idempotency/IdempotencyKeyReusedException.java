package org.shequ.platform.idempotency;

import java.util.List;
import org.shequ.model.api.FieldError;
import org.shequ.platform.problem.ProblemException;

/** 422: the key came with another request before; a key names one request, so a new one needs a new key. */
public class IdempotencyKeyReusedException extends ProblemException {

    public IdempotencyKeyReusedException() {
        super(422, "idempotency-key-reused", "Idempotency key reused",
                "This Idempotency-Key was sent with another request in the last 24 hours; use a new key for a new "
                        + "request", List.of(new FieldError(IdempotencyKey.HEADER, "was used for another request")));
    }
}
