package org.shequ.notices.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.shequ.model.address.AddressMatcher;

/**
 * Keeps {@code notice_day} and {@code notice_gram} in step with a notice, in the transaction that changes it (see
 * {@code V4__notice_search.sql}). Nothing here is shared between notices (no counters), so concurrent writers of
 * different notices never wait on each other.
 */
@ApplicationScoped
public class NoticeSearchIndex {

    private static final Logger LOG = Logger.getLogger(NoticeSearchIndex.class);
    private static final int BACKFILL_BATCH = 200;

    private final EntityManager em;

    public NoticeSearchIndex(EntityManager em) {
        this.em = em;
    }

    /** Writes the notice's days and grams anew; call in the notice's transaction, after its fields are set. */
    void index(Notice notice) {
        index(notice, false);
    }

    /** The same for a notice written just now: nothing to delete, and no gap locks taken by deleting nothing. */
    void indexNew(Notice notice) {
        index(notice, true);
    }

    private void index(Notice notice, boolean isNew) {
        notice.searchIndexed = true; // before the flush below, so the notice is written once
        // The notice's own INSERT or version-checked UPDATE first: a stale change fails there (412) before it
        // touches the shared index rows.
        em.flush();
        if (!isNew) {
            em.createNativeQuery("DELETE FROM notice_day WHERE notice_id = ?1").setParameter(1, notice.id)
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM notice_gram WHERE notice_id = ?1").setParameter(1, notice.id)
                    .executeUpdate();
        }
        List<LocalDate> days = days(notice.startsAt, notice.endsAt);
        insert("INSERT INTO notice_day (day, notice_id) VALUES ", days.size(), "(?, ?)", (i, params) -> {
            params.add(days.get(i));
            params.add(notice.id);
        });
        List<String> grams = new ArrayList<>(grams(text(notice)));
        insert("INSERT INTO notice_gram (gram, created_at, notice_id) VALUES ", grams.size(), "(?, ?, ?)",
                (i, params) -> {
                    params.add(grams.get(i));
                    params.add(notice.createdAt);
                    params.add(notice.id);
                });
    }

    /** The UTC days from the window's start to its last instant. */
    static List<LocalDate> days(Instant startsAt, Instant endsAt) {
        LocalDate first = startsAt.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate last = endsAt.minusNanos(1_000).atZone(ZoneOffset.UTC).toLocalDate();
        return first.datesUntil(last.plusDays(1)).toList();
    }

    /** The distinct two-character grams of normalised text (see {@link AddressMatcher#normalise}), sorted. */
    public static Set<String> grams(String text) {
        int[] codePoints = AddressMatcher.normalise(text).codePoints().toArray();
        Set<String> grams = new TreeSet<>();
        for (int i = 0; i + 1 < codePoints.length; i++) {
            grams.add(new String(codePoints, i, 2));
        }
        return grams;
    }

    static String text(Notice n) {
        return Stream.concat(Stream.of(n.title, n.reason), n.areas.stream()
                        .flatMap(a -> Stream.of(a.road, a.side, a.from, a.to, a.compound, a.description)))
                .filter(s -> s != null)
                .collect(Collectors.joining(" "));
    }

    /**
     * Notices written before the index existed are indexed once, in batches, after the service starts: on a thread
     * of its own, so start-up does not wait for it (it finds nothing to do on every start but the first after the
     * upgrade that added the index).
     */
    void backfill(@Observes StartupEvent start) {
        Thread backfill = new Thread(this::indexNoticesWrittenBeforeTheIndex, "search-backfill");
        backfill.setDaemon(true);
        backfill.start();
    }

    void indexNoticesWrittenBeforeTheIndex() {
        int done = 0;
        List<String> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                List<Notice> unindexed = em.createQuery("from Notice n where n.searchIndexed = false", Notice.class)
                        .setMaxResults(BACKFILL_BATCH).getResultList();
                unindexed.forEach(this::index);
                return unindexed.stream().map(n -> n.id).toList();
            });
            done += batch.size();
        } while (batch.size() == BACKFILL_BATCH);
        if (done > 0) {
            LOG.infof("Search index: indexed %d notices written before it existed", done);
        }
    }

    private interface Row {
        void bind(int index, List<Object> params);
    }

    /** One multi-row INSERT with ordinal parameters (?1, ?2 …), the style Hibernate's native queries take. */
    private void insert(String prefix, int rows, String values, Row row) {
        if (rows == 0) {
            return;
        }
        StringBuilder sql = new StringBuilder(prefix);
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ");
            int first = params.size();
            row.bind(i, params);
            int next = first;
            for (char c : values.toCharArray()) {
                sql.append(c);
                if (c == '?') {
                    sql.append(++next);
                }
            }
        }
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        query.executeUpdate();
    }
}
