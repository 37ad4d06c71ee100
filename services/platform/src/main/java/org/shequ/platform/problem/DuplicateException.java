package org.shequ.platform.problem;

import java.util.List;
import org.shequ.model.api.FieldError;

/** 409: a value that must be unique (a licence number, a grid's name in its community) is taken already. */
public class DuplicateException extends ProblemException {

    public DuplicateException(List<FieldError> errors) {
        super(409, "duplicate", "Conflict", describe(errors), errors);
    }

    private static String describe(List<FieldError> errors) {
        return errors.isEmpty() ? "Something with the same unique value exists already"
                : errors.get(0).field() + ": " + errors.get(0).message();
    }
}
