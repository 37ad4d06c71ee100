package org.shequ.platform.problem;

import java.util.List;
import org.shequ.model.api.FieldError;

/** 400: the request is well-formed JSON but some field breaks a rule (e.g. {@code endsAt} before {@code startsAt}). */
public class InvalidInputException extends ProblemException {

    public InvalidInputException(List<FieldError> errors) {
        super(400, "validation-failed", "Invalid input", describe(errors), errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    private static String describe(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
    }
}
