package org.shequ.renovations.project;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shequ.platform.db.RowLocks;
import org.shequ.platform.paging.Cursor;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, String> {

    /** The project, its row locked to the end of the transaction, so two actions on it queue. */
    public Optional<Project> lockedById(String id) {
        return RowLocks.lockedById(getEntityManager(), Project.class, "project", id);
    }

    /** Newest first, by compound and status when asked (ix_project_compound, ix_project_listing). */
    public List<Project> page(String compoundId, ProjectStatus status, Cursor after, int limit) {
        StringBuilder hql = new StringBuilder("from Project p where 1 = 1");
        if (compoundId != null) {
            hql.append(" and p.compoundId = :compound");
        }
        if (status != null) {
            hql.append(" and p.status = :status");
        }
        if (after != null) {
            hql.append(" and (p.createdAt < :at or (p.createdAt = :at and p.id < :id))");
        }
        var query = getEntityManager().createQuery(hql.append(" order by p.createdAt desc, p.id desc").toString(),
                Project.class).setMaxResults(limit);
        if (compoundId != null) {
            query.setParameter("compound", compoundId);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        return query.getResultList();
    }

    public List<ProjectTransition> history(String projectId) {
        return getEntityManager().createQuery("from ProjectTransition h where h.projectId = :project order by h.id",
                ProjectTransition.class).setParameter("project", projectId).getResultList();
    }

    public List<Milestone> milestones(String projectId) {
        return milestonesOf(List.of(projectId)).getOrDefault(projectId, List.of());
    }

    /** The milestones of many projects in one query (ix_milestone_project), each project's in due order. */
    public Map<String, List<Milestone>> milestonesOf(Collection<String> projectIds) {
        if (projectIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("from Milestone m where m.projectId in :projects"
                        + " order by m.dueDate, m.id", Milestone.class).setParameter("projects", projectIds)
                .getResultStream().collect(Collectors.groupingBy(m -> m.projectId));
    }

    public void record(Object entity) {
        getEntityManager().persist(entity);
    }
}
