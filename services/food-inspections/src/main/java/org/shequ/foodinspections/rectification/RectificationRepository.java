package org.shequ.foodinspections.rectification;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.shequ.foodinspections.inspection.ChecklistItem;

@ApplicationScoped
public class RectificationRepository implements PanacheRepositoryBase<Rectification, String> {

    public List<Rectification> openOf(String providerId) {
        return list("providerId = ?1 and status = ?2 order by dueAt, id", providerId, RectificationStatus.OPEN);
    }

    public boolean openFor(String providerId, ChecklistItem item) {
        return count("providerId = ?1 and status = ?2 and item = ?3", providerId, RectificationStatus.OPEN, item) > 0;
    }

    public List<Rectification> ofInspection(String inspectionId) {
        return list("inspectionId = ?1 or closedBy = ?1 order by item", inspectionId);
    }

    /** Open orders past their due date, most overdue first (ix_rectification_due); 500 at most. */
    public List<Rectification> overdue(Instant now, String providerId) {
        return providerId == null
                ? find("status = ?1 and dueAt < ?2 order by dueAt, id", RectificationStatus.OPEN, now).range(0, 499).list()
                : find("status = ?1 and dueAt < ?2 and providerId = ?3 order by dueAt, id", RectificationStatus.OPEN, now,
                        providerId).range(0, 499).list();
    }

    public List<Rectification> listed(RectificationStatus status, String providerId) {
        StringBuilder hql = new StringBuilder("from Rectification r where 1 = 1");
        if (status != null) {
            hql.append(" and r.status = :status");
        }
        if (providerId != null) {
            hql.append(" and r.providerId = :provider");
        }
        var query = getEntityManager().createQuery(hql.append(" order by r.dueAt, r.id").toString(), Rectification.class)
                .setMaxResults(500);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (providerId != null) {
            query.setParameter("provider", providerId);
        }
        return query.getResultList();
    }

    /**
     * Claims overdue orders nobody has announced, locking them so a second replica's job skips them rather than
     * waiting and announcing them again ({@code FOR UPDATE SKIP LOCKED}); the caller marks them in the same
     * transaction.
     */
    @SuppressWarnings("unchecked")
    public List<Rectification> claimUnannounced(Instant now, int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM rectification WHERE status = 'OPEN' AND due_at < ?1"
                        + " AND overdue_announced_at IS NULL ORDER BY due_at, id LIMIT " + limit
                        + " FOR UPDATE SKIP LOCKED", Rectification.class)
                .setParameter(1, now).getResultList();
    }
}
