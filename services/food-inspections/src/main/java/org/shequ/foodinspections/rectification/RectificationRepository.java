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

    /**
     * Open orders past their due date, most overdue first (ix_rectification_due); 500 at most. Of one provider, or of
     * one community's providers, when given.
     */
    public List<Rectification> overdue(Instant now, String providerId, String community) {
        return query("r.status = :status and r.dueAt < :now", providerId, community)
                .setParameter("status", RectificationStatus.OPEN).setParameter("now", now).getResultList();
    }

    public List<Rectification> listed(RectificationStatus status, String providerId, String community) {
        var query = query(status == null ? "1 = 1" : "r.status = :status", providerId, community);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getResultList();
    }

    private jakarta.persistence.TypedQuery<Rectification> query(String condition, String providerId, String community) {
        StringBuilder hql = new StringBuilder("from Rectification r where ").append(condition);
        if (providerId != null) {
            hql.append(" and r.providerId = :provider");
        }
        if (community != null) {
            hql.append(" and r.providerId in (select p.id from Provider p where p.community = :community)");
        }
        var query = getEntityManager().createQuery(hql.append(" order by r.dueAt, r.id").toString(), Rectification.class)
                .setMaxResults(500);
        if (providerId != null) {
            query.setParameter("provider", providerId);
        }
        if (community != null) {
            query.setParameter("community", community);
        }
        return query;
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
