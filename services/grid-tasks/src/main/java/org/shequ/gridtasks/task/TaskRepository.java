package org.shequ.gridtasks.task;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shequ.platform.db.RowLocks;

@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, String> {

    private static final int MAX_DUPLICATES = 10;

    /**
     * The task, its row locked to the end of the transaction: two actions on one task queue, and the second sees
     * the status the first left, so it gets the 409 it deserves rather than a lost update.
     */
    public Optional<Task> lockedById(String id) {
        return RowLocks.lockedById(getEntityManager(), Task.class, "task", id);
    }

    /** One page in listing order; {@code limit} rows at most. */
    public List<Task> page(TaskQuery query, int limit) {
        Parameters params = new Parameters();
        String hql = query.hql(params);
        var select = getEntityManager().createQuery(hql, Task.class).setMaxResults(limit);
        params.map().forEach(select::setParameter);
        return select.getResultList();
    }

    /** Open tasks of the category at the compound and building (ix_task_place), newest first, not {@code except}. */
    public List<Task> openAt(TaskCategory category, String compound, String building, String except) {
        if (compound == null) {
            return List.of();
        }
        String sameBuilding = building == null ? "t.location.building is null" : "t.location.building = :building";
        var query = getEntityManager().createQuery("from Task t where t.location.compound = :compound and "
                        + sameBuilding + " and t.category = :category and t.status in :open and t.id <> :except"
                        + " order by t.createdAt desc, t.id desc", Task.class)
                .setParameter("compound", compound).setParameter("category", category)
                .setParameter("open", EnumSet.of(TaskStatus.REPORTED, TaskStatus.ASSIGNED, TaskStatus.SCHEDULED,
                        TaskStatus.IN_PROGRESS))
                .setParameter("except", except)
                .setMaxResults(MAX_DUPLICATES);
        if (building != null) {
            query.setParameter("building", building);
        }
        return query.getResultList();
    }

    public List<TaskTransition> history(String taskId) {
        return getEntityManager().createQuery("from TaskTransition h where h.taskId = :task order by h.id",
                TaskTransition.class).setParameter("task", taskId).getResultList();
    }

    public void record(TaskTransition transition) {
        getEntityManager().persist(transition);
    }

    /**
     * Tasks residents reported (the ones Open311 shows), newest first: by id when {@code ids} is given, else filtered
     * by category, open or closed, and the report's time window (ix_task_listing).
     */
    public List<Task> residentReports(List<String> ids, TaskCategory category, Boolean open, Instant from, Instant to,
                                      int limit) {
        Parameters params = Parameters.with("source", TaskSource.RESIDENT_REPORT);
        StringBuilder hql = new StringBuilder("from Task t where t.source = :source");
        if (ids != null) {
            hql.append(" and t.id in :ids");
            params.and("ids", ids);
        } else {
            if (category != null) {
                hql.append(" and t.category = :category");
                params.and("category", category);
            }
            if (open != null) {
                hql.append(" and t.open = :open");
                params.and("open", open);
            }
            hql.append(" and t.createdAt >= :from and t.createdAt < :to");
            params.and("from", from).and("to", to);
        }
        var select = getEntityManager().createQuery(hql.append(" order by t.createdAt desc, t.id desc").toString(),
                Task.class).setMaxResults(limit);
        params.map().forEach(select::setParameter);
        return select.getResultList();
    }

    /** The latest history line of each task, for many tasks in one query. */
    public Map<String, TaskTransition> lastLines(List<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("from TaskTransition h where h.taskId in :ids order by h.id",
                        TaskTransition.class).setParameter("ids", taskIds).getResultStream()
                .collect(Collectors.toMap(h -> h.taskId, h -> h, (older, newer) -> newer));
    }

    public Optional<Task> byInspection(String inspectionId) {
        return find("inspectionId", inspectionId).firstResultOptional();
    }

    /** The orders a follow-up task waits for (task_rectification). */
    public void awaitRectifications(String taskId, List<String> items) {
        for (String item : items) {
            getEntityManager().createNativeQuery("INSERT INTO task_rectification (task_id, item) VALUES (?1, ?2)")
                    .setParameter(1, taskId).setParameter(2, item).executeUpdate();
        }
    }

    /** Marks the order closed; answers whether it was still awaited (a redelivered closure changes nothing). */
    public boolean rectificationClosed(String taskId, String item, String closedBy, Instant at) {
        return getEntityManager().createNativeQuery("UPDATE task_rectification SET closed_at = ?1, closed_by = ?2"
                        + " WHERE task_id = ?3 AND item = ?4 AND closed_at IS NULL")
                .setParameter(1, at).setParameter(2, closedBy).setParameter(3, taskId).setParameter(4, item)
                .executeUpdate() == 1;
    }

    public long rectificationsStillOpen(String taskId) {
        return ((Number) getEntityManager().createNativeQuery("SELECT COUNT(*) FROM task_rectification"
                + " WHERE task_id = ?1 AND closed_at IS NULL").setParameter(1, taskId).getSingleResult()).longValue();
    }
}
