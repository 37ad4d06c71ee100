package org.shequ.foodinspections.inspection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.shequ.platform.paging.Cursor;

@ApplicationScoped
public class InspectionRepository implements PanacheRepositoryBase<Inspection, String> {

    /** The provider's latest completed inspection (ix_inspection_provider). */
    public Optional<Inspection> latestCompleted(String providerId) {
        return find("providerId = ?1 and status = ?2 order by inspectedAt desc, id desc", providerId,
                InspectionStatus.COMPLETED).firstResultOptional();
    }

    /** Completed inspections, newest first, filtered; {@code limit} rows at most. */
    public List<Inspection> page(String providerId, Outcome outcome, InspectionType type, Instant from, Instant to,
                                 Cursor after, int limit) {
        Parameters params = Parameters.with("completed", InspectionStatus.COMPLETED);
        StringBuilder hql = new StringBuilder("from Inspection i where i.status = :completed");
        if (providerId != null) {
            hql.append(" and i.providerId = :provider");
            params.and("provider", providerId);
        }
        if (outcome != null) {
            hql.append(" and i.outcome = :outcome");
            params.and("outcome", outcome);
        }
        if (type != null) {
            hql.append(" and i.type = :type");
            params.and("type", type);
        }
        if (from != null) {
            hql.append(" and i.inspectedAt >= :from");
            params.and("from", from);
        }
        if (to != null) {
            hql.append(" and i.inspectedAt < :to");
            params.and("to", to);
        }
        if (after != null) {
            hql.append(" and (i.inspectedAt < :at or (i.inspectedAt = :at and i.id < :id))");
            params.and("at", after.at()).and("id", after.id());
        }
        var query = getEntityManager().createQuery(hql.append(" order by i.inspectedAt desc, i.id desc").toString(),
                Inspection.class).setMaxResults(limit);
        params.map().forEach(query::setParameter);
        return query.getResultList();
    }

    public List<Inspection> ofSpotCheck(String spotCheckId) {
        return list("spotCheckId = ?1 order by pickPosition", spotCheckId);
    }
}
