package org.shequ.renovations.request;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.shequ.platform.paging.Cursor;

@ApplicationScoped
public class ResidentRequestRepository implements PanacheRepositoryBase<ResidentRequest, String> {

    public List<ResidentRequest> ofProject(String projectId) {
        return list("projectId = ?1 order by createdAt, id", projectId);
    }

    /** The ids of the requests each project answers, oldest first, for many projects in one query. */
    public Map<String, List<String>> idsByProject(Collection<String> projectIds) {
        if (projectIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select r.projectId, r.id from ResidentRequest r"
                        + " where r.projectId in :projects order by r.createdAt, r.id", Object[].class)
                .setParameter("projects", projectIds).getResultStream()
                .collect(Collectors.groupingBy(row -> (String) row[0],
                        Collectors.mapping(row -> (String) row[1], Collectors.toList())));
    }

    /** Newest first, of a compound when asked (ix_resident_request_compound, ix_resident_request_listing). */
    public List<ResidentRequest> page(String compoundId, Cursor after, int limit) {
        StringBuilder hql = new StringBuilder("from ResidentRequest r where 1 = 1");
        if (compoundId != null) {
            hql.append(" and r.compoundId = :compound");
        }
        if (after != null) {
            hql.append(" and (r.createdAt < :at or (r.createdAt = :at and r.id < :id))");
        }
        var query = getEntityManager().createQuery(hql.append(" order by r.createdAt desc, r.id desc").toString(),
                ResidentRequest.class).setMaxResults(limit);
        if (compoundId != null) {
            query.setParameter("compound", compoundId);
        }
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        return query.getResultList();
    }
}
