package org.shequ.foodinspections.inspection;

import static org.shequ.platform.web.QueryParams.bounded;
import static org.shequ.platform.web.QueryParams.enumOf;
import static org.shequ.platform.web.QueryParams.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.shequ.model.api.FieldError;
import org.shequ.platform.problem.InvalidInputException;

/** The filters of {@code GET /api/v1/food-safety/inspections}, checked together. */
public record InspectionQuery(String providerId, Outcome outcome, InspectionType type, Instant from, Instant to) {

    public static InspectionQuery parse(String providerId, String outcome, String type, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        InspectionQuery query = new InspectionQuery(bounded("providerId", providerId, 36, errors),
                enumOf(Outcome.class, "outcome", outcome, errors), enumOf(InspectionType.class, "type", type, errors),
                instant("from", from, errors), instant("to", to, errors));
        if (query.from != null && query.to != null && query.to.isBefore(query.from)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return query;
    }
}
