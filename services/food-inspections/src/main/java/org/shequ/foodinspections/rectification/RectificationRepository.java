package org.shequ.foodinspections.rectification;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.shequ.foodinspections.inspection.ChecklistItem;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.KeysetPage;
import org.shequ.platform.paging.PageRequest;

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
     * Orders in due-date order (ix_rectification_due), in pages: open ones past their due date when {@code overdue}
     * (most overdue first), else of {@code status} when given; of one provider, or of one community's providers,
     * when given.
     */
    public Page<Rectification> page(boolean overdue, RectificationStatus status, String providerId, String community,
                                    Instant now, PageRequest page) {
        return KeysetPage.of(getEntityManager(), Rectification.class).orderedBy("dueAt")
                .where("e.status = :status", "status", overdue ? RectificationStatus.OPEN : status)
                .where("e.dueAt < :now", "now", overdue ? now : null)
                .where("e.providerId = :provider", "provider", providerId)
                .where("e.providerId in (select p.id from Provider p where p.community = :community)", "community",
                        community)
                .rows(page, r -> r.dueAt, r -> r.id);
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
