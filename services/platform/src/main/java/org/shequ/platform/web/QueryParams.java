package org.shequ.platform.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.shequ.model.api.FieldError;

/**
 * Query parameters read the way the request bodies are: enums by exact name, instants only with an offset, text
 * bounded. Each parser adds a {@link FieldError} instead of throwing, so one 400 names every bad parameter.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    public static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 date-time with offset, e.g. 2024-11-26T20:00:00+08:00"));
            return null;
        }
    }

    /**
     * WGS84 decimal degrees within ±{@code bound} (90 for a latitude, 180 for a longitude), read as a BigDecimal so
     * NaN, Infinity and hex floats are no degrees; empty for anything else. The one rule for positions in queries and
     * forms (notices' "affecting?lat=&lon=", Open311's lat/long).
     */
    public static java.util.Optional<Double> degrees(String value, int bound) {
        try {
            java.math.BigDecimal degrees = new java.math.BigDecimal(value.strip());
            return degrees.abs().compareTo(java.math.BigDecimal.valueOf(bound)) <= 0
                    ? java.util.Optional.of(degrees.doubleValue()) : java.util.Optional.empty();
        } catch (NumberFormatException notADecimal) {
            return java.util.Optional.empty();
        }
    }

    /** The stripped text, null when blank, or an error when longer than {@code max}. */
    public static String bounded(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return value.strip();
    }

    public static Boolean bool(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            errors.add(new FieldError(field, "must be true or false"));
            return null;
        }
        return Boolean.valueOf(value);
    }
}
