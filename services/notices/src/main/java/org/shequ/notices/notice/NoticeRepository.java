package org.shequ.notices.notice;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shequ.platform.db.SqlValues;

@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<Notice, String> {

    static final int RARITY_CAP = 1_000;

    /** One page in listing order (newest first); {@code limit} rows at most. */
    List<Notice> page(NoticeQuery query, int limit) {
        String gram = null;
        if (query.text() != null) {
            Set<String> grams = NoticeSearchIndex.grams(query.text());
            if (!grams.isEmpty()) {
                Optional<String> rarest = rarest(grams);
                if (rarest.isEmpty()) {
                    return List.of(); // a gram no notice has: no notice holds the text
                }
                gram = rarest.get();
            }
        }
        Parameters params = new Parameters();
        var select = getEntityManager().createQuery(query.hql(params, gram), Notice.class).setMaxResults(limit);
        params.map().forEach(select::setParameter);
        return select.getResultList();
    }

    /**
     * The gram with the fewest postings, counting at most {@link #RARITY_CAP} of each (an index range, so a thousand
     * entries at worst), or empty when one of them has none: then no notice holds the text.
     */
    private Optional<String> rarest(Set<String> grams) {
        String rarest = null;
        long fewest = Long.MAX_VALUE;
        for (String gram : grams) {
            long postings = ((Number) getEntityManager()
                    .createNativeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM notice_gram WHERE gram = ?1 LIMIT "
                            + RARITY_CAP + ") capped")
                    .setParameter(1, gram)
                    .getSingleResult()).longValue();
            if (postings == 0) {
                return Optional.empty();
            }
            if (postings < fewest) {
                fewest = postings;
                rarest = gram;
            }
        }
        return Optional.ofNullable(rarest);
    }

    /** Keeps the message residents are sent now, numbered by the notice's sequence, for CAP's references. */
    void recordAlert(Notice notice, String msgType, Instant sentAt) {
        recordAlert(notice, msgType, sentAt, null);
    }

    void recordAlert(Notice notice, String msgType, Instant sentAt, String note) {
        // The notice's version-checked UPDATE goes first: a concurrent change must fail there, as stale (412), not
        // on this row's key, which Hibernate would otherwise insert before updating the notice.
        flush();
        NoticeAlert alert = new NoticeAlert();
        alert.noticeId = notice.id;
        alert.sequence = notice.sequence;
        alert.msgType = msgType;
        alert.sentAt = sentAt;
        alert.note = note;
        getEntityManager().persist(alert);
    }

    /** The messages sent about a notice, first to last. */
    public List<NoticeAlert> alerts(String noticeId) {
        return getEntityManager()
                .createQuery("from NoticeAlert a where a.noticeId = :id order by a.sequence", NoticeAlert.class)
                .setParameter("id", noticeId)
                .getResultList();
    }

    /**
     * Published and cancelled notices that end after {@code since}, soonest first, for the feeds: ids first with the
     * limit, then those notices with their areas, so the limit is applied by the database, not in memory.
     */
    public List<Notice> feed(Instant since, int limit) {
        List<String> ids = getEntityManager()
                .createQuery("select n.id from Notice n where n.status in :shown and n.endsAt > :since"
                        + " order by n.startsAt, n.id", String.class)
                .setParameter("shown", java.util.EnumSet.of(NoticeStatus.PUBLISHED, NoticeStatus.CANCELLED))
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery("select distinct n from Notice n left join fetch n.areas where n.id in :ids"
                        + " order by n.startsAt, n.id", Notice.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** The public notices changed last, newest first (index {@code ix_notice_updated}, scanned backwards). */
    public List<Notice> recentlyChanged(int limit) {
        return getEntityManager()
                .createQuery("from Notice n where n.status <> :draft order by n.updatedAt desc, n.id desc", Notice.class)
                .setParameter("draft", NoticeStatus.DRAFT)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * When the newest change residents could see was made: what the feeds' ETag and the "affecting" cache follow.
     * One MAX per status, each answered from the end of {@code ix_notice_status_updated}; a single MAX over
     * {@code status IN (…)} would scan the index.
     */
    public Instant lastPublicChange() {
        return SqlValues.instant(getEntityManager().createNativeQuery("SELECT MAX(t) FROM ("
                        + "SELECT MAX(updated_at) AS t FROM notice WHERE status = 'PUBLISHED' UNION ALL "
                        + "SELECT MAX(updated_at) FROM notice WHERE status = 'CANCELLED') latest")
                .getSingleResult());
    }

    /**
     * Published notices that have not ended at {@code now}: running or upcoming, a few hundred at most however many
     * notices have ever been published (index {@code ix_notice_status_ends}). Their areas come in the same query.
     */
    List<Notice> runningOrUpcoming(Instant now) {
        return getEntityManager()
                .createQuery("select distinct n from Notice n left join fetch n.areas where n.status = :published"
                        + " and n.endsAt > :now order by n.startsAt, n.id", Notice.class)
                .setParameter("published", NoticeStatus.PUBLISHED)
                .setParameter("now", now)
                .getResultList();
    }

    /**
     * Drafts whose publishAt has come, oldest first, locked for this transaction and skipped by any other replica's
     * run (index {@code ix_notice_publish_at}; only drafts carry publish_at).
     */
    @SuppressWarnings("unchecked")
    List<Notice> claimDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM notice WHERE publish_at <= ?1 AND status = 'DRAFT'"
                        + " ORDER BY publish_at, id LIMIT " + limit + " FOR UPDATE SKIP LOCKED", Notice.class)
                .setParameter(1, now).getResultList();
    }
}
