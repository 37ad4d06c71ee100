package org.shequ.gridtasks.task;

import static org.shequ.platform.web.QueryParams.bool;
import static org.shequ.platform.web.QueryParams.bounded;
import static org.shequ.platform.web.QueryParams.enumOf;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;
import org.shequ.gridtasks.grid.GridAccess;
import org.shequ.model.api.FieldError;
import org.shequ.platform.paging.Cursor;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.problem.OutOfScopeException;

/**
 * The filters of {@code GET /api/v1/grid/tasks}, checked together so one 400 names every bad parameter, and bounded
 * by the caller's scope: a worker's own grid, an admin's community.
 */
public record TaskQuery(TaskStatus status, TaskCategory category, String gridId, String compound, String campaignId,
                        Boolean open, String community, Cursor after) {

    public static TaskQuery parse(String status, String category, String gridId, String compound, String campaignId,
                                  String open, Cursor after, GridAccess.Scope scope) {
        List<FieldError> errors = new ArrayList<>();
        TaskStatus parsedStatus = enumOf(TaskStatus.class, "status", status, errors);
        TaskCategory parsedCategory = enumOf(TaskCategory.class, "category", category, errors);
        Boolean parsedOpen = bool("open", open, errors);
        String grid = bounded("gridId", gridId, 36, errors);
        String parsedCompound = bounded("compound", compound, 100, errors);
        String campaign = bounded("campaignId", campaignId, 36, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (scope.gridId() != null) {
            if (grid != null && !grid.equals(scope.gridId())) {
                throw new OutOfScopeException("A grid worker lists the tasks of their own grid only");
            }
            grid = scope.gridId();
        }
        return new TaskQuery(parsedStatus, parsedCategory, grid, parsedCompound, campaign,
                parsedOpen, scope.community(), after);
    }

    /** Newest first; a grid's tasks come off ix_task_grid_status or ix_task_grid_open, others off ix_task_listing. */
    String hql(Parameters params) {
        StringBuilder where = new StringBuilder("from Task t where 1 = 1");
        if (gridId != null) {
            where.append(" and t.gridId = :grid");
            params.and("grid", gridId);
        }
        if (community != null) {
            where.append(" and t.gridId in (select g.id from Grid g where g.community = :community)");
            params.and("community", community);
        }
        if (status != null) {
            where.append(" and t.status = :status");
            params.and("status", status);
        }
        if (open != null) {
            where.append(" and t.open = :open");
            params.and("open", open);
        }
        if (category != null) {
            where.append(" and t.category = :category");
            params.and("category", category);
        }
        if (compound != null) {
            where.append(" and t.location.compound = :compound");
            params.and("compound", compound);
        }
        if (campaignId != null) {
            where.append(" and t.campaignId = :campaign");
            params.and("campaign", campaignId);
        }
        if (after != null) {
            where.append(" and (t.createdAt < :at or (t.createdAt = :at and t.id < :id))");
            params.and("at", after.at()).and("id", after.id());
        }
        return where.append(" order by t.createdAt desc, t.id desc").toString();
    }
}
