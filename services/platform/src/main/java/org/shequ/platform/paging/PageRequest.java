package org.shequ.platform.paging;

import org.shequ.platform.problem.InvalidInputException;

/** {@code cursor} and {@code limit} of a list request, checked: limit 1–200, 50 when absent. */
public record PageRequest(Cursor after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** Takes {@code limit} as text so that {@code limit=abc} is a 400 naming the field, not a JAX-RS 404. */
    public static PageRequest of(String cursor, String limit) {
        int size;
        try {
            size = limit == null || limit.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(Cursor.decode(cursor), size);
    }
}
