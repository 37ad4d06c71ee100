package org.shequ.platform.problem;

import java.util.List;
import org.shequ.model.api.FieldError;

/**
 * A write that a foreign key refused: 422 when the request names something that does not exist, 409 when what it
 * removes is still referred to.
 */
public class BrokenReferenceException extends ProblemException {

    private BrokenReferenceException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(status, slug, title, detail, errors);
    }

    public static BrokenReferenceException unknownTarget(String field) {
        return new BrokenReferenceException(422, "unknown-reference", "Unprocessable content",
                field + ": refers to something that does not exist",
                List.of(new FieldError(field, "refers to something that does not exist")));
    }

    /** 422 for a reference that exists but may not be used here, e.g. a worker of another grid. */
    public static BrokenReferenceException unusable(String field, String message) {
        return new BrokenReferenceException(422, "unknown-reference", "Unprocessable content", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static BrokenReferenceException stillReferenced() {
        return new BrokenReferenceException(409, "still-referenced", "Conflict",
                "Other records still refer to this one; remove or change them first", null);
    }
}
