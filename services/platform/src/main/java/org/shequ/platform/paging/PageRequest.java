package org.shequ.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.shequ.model.api.Page;
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

    /** Ask the database for this many rows: one more than the page, to know whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    /**
     * The page of a list computed in memory (a few matches, already bounded), in {@code (at, id)} order: the items
     * after the cursor, as many as the limit.
     */
    public <T> Page<T> slice(List<T> all, Function<T, Cursor> position) {
        java.util.Comparator<Cursor> order = java.util.Comparator.comparing(Cursor::at).thenComparing(Cursor::id);
        List<T> sorted = all.stream().sorted(java.util.Comparator.comparing(position, order)).toList();
        List<T> rest = after == null ? sorted
                : sorted.stream().filter(item -> order.compare(position.apply(item), after) > 0).toList();
        return toPage(rest.size() > fetchSize() ? rest.subList(0, fetchSize()) : rest, position, Function.identity());
    }

    /** The page from rows fetched with {@link #fetchSize()}, with the cursor of its last row when more follow. */
    public <E, V> Page<V> toPage(List<E> rows, Function<E, Cursor> position, Function<E, V> view) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? position.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
