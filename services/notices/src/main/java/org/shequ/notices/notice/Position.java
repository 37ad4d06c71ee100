package org.shequ.notices.notice;

import java.util.ArrayList;
import java.util.List;
import org.shequ.model.api.FieldError;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.web.QueryParams;

/** A WGS84 position from the query string, read strictly: both parts, decimal degrees in range, no address beside. */
record Position(double lat, double lon) {

    static Position of(String lat, String lon, String address) {
        List<FieldError> errors = new ArrayList<>();
        if (address != null) {
            errors.add(new FieldError("address", "give an address or lat and lon, not both"));
        }
        Double latitude = degrees("lat", lat, 90, errors);
        Double longitude = degrees("lon", lon, 180, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Position(latitude, longitude);
    }

    private static Double degrees(String name, String value, int bound, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(name, "lat and lon go together: give both"));
            return null;
        }
        java.util.Optional<Double> degrees = value.length() <= 32 ? QueryParams.degrees(value, bound)
                : java.util.Optional.empty();
        if (degrees.isEmpty()) {
            errors.add(new FieldError(name, "must be WGS84 decimal degrees between -" + bound + " and " + bound));
            return null;
        }
        return degrees.get();
    }
}
