package org.shequ.platform.paging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.shequ.model.api.Page;

/**
 * One page of an entity in keyset order, {@code (createdAt, id)}, oldest first unless {@link #newestFirst()}: the
 * filters that apply, then the rows after the cursor, one more than the page to know whether another follows. The
 * shorter lists (grids, campaigns, workers, inspectors, orders, disruptions, subscriptions, deliveries) page with it,
 * so that none stops silently at a maximum; each is served by an index on its filter or on its order.
 *
 * @param <E> an entity with a string {@code id} and {@code createdAt} (or the {@link Instant} it is ordered by)
 */
public final class KeysetPage<E> {

    private final EntityManager em;
    private final Class<E> type;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private boolean newestFirst;
    private String instant = "createdAt";

    private KeysetPage(EntityManager em, Class<E> type) {
        this.em = em;
        this.type = type;
    }

    public static <E> KeysetPage<E> of(EntityManager em, Class<E> type) {
        return new KeysetPage<>(em, type);
    }

    /** Orders by another instant field than {@code createdAt} (the order's due date), then id. */
    public KeysetPage<E> orderedBy(String instantField) {
        this.instant = instantField;
        return this;
    }

    public KeysetPage<E> newestFirst() {
        this.newestFirst = true;
        return this;
    }

    /** Adds {@code condition} (naming {@code :name}) when {@code value} is not null; a null filter is no filter. */
    public KeysetPage<E> where(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
        return this;
    }

    /** The page {@code request} asks for, each row as {@code view}. */
    public <V> Page<V> page(PageRequest request, Function<E, Instant> at, Function<E, String> id,
                            Function<E, V> view) {
        Page<E> rows = rows(request, at, id);
        return new Page<>(rows.items().stream().map(view).toList(), rows.nextCursor());
    }

    /** The page's entities, for a view that needs them all at once (one count query for the page, not per row). */
    public Page<E> rows(PageRequest request, Function<E, Instant> at, Function<E, String> id) {
        List<String> all = new ArrayList<>(conditions);
        Map<String, Object> values = new LinkedHashMap<>(parameters);
        if (request.after() != null) {
            String beyond = newestFirst ? "<" : ">";
            all.add("(e." + instant + " " + beyond + " :afterAt or (e." + instant + " = :afterAt and e.id " + beyond
                    + " :afterId))");
            values.put("afterAt", request.after().at());
            values.put("afterId", request.after().id());
        }
        String where = all.isEmpty() ? "" : " where " + String.join(" and ", all);
        TypedQuery<E> query = em.createQuery("select e from " + type.getSimpleName() + " e" + where
                + " order by e." + instant + (newestFirst ? " desc, e.id desc" : ", e.id"), type)
                .setMaxResults(request.fetchSize());
        values.forEach(query::setParameter);
        return request.toPage(query.getResultList(), row -> new Cursor(at.apply(row), id.apply(row)),
                Function.identity());
    }
}
