package org.shequ.gridtasks.task;

import java.time.Instant;
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
                        Boolean open, String community, Cursor after, String assignee, Instant overdueAt) {

    /** Where a task without a due date sorts in a by-due list: after every dated one. */
    static final Instant UNDATED = Instant.parse("9999-12-31T00:00:00Z");

    public static TaskQuery parse(String status, String category, String gridId, String compound, String campaignId,
                                  String open, Cursor after, GridAccess.Scope scope) {
        return parse(status, category, gridId, compound, campaignId, open, null, null, after, scope, null, null);
    }

    /**
     * {@code assignee}: {@code me} (the caller's own tasks) or a worker id; {@code overdue=true}: open tasks whose
     * due time has passed at {@code now}. Either lists by due date, soonest first, undated last.
     */
    public static TaskQuery parse(String status, String category, String gridId, String compound, String campaignId,
                                  String open, String assignee, String overdue, Cursor after, GridAccess.Scope scope,
                                  String caller, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String parsedAssignee = bounded("assignee", assignee, 100, errors);
        if ("me".equals(parsedAssignee)) {
            parsedAssignee = caller;
        }
        Boolean parsedOverdue = bool("overdue", overdue, errors);
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
                parsedOpen, scope.community(), after, parsedAssignee,
                Boolean.TRUE.equals(parsedOverdue) ? now : null);
    }

    /** Whether the list goes by due date (assignee or overdue) rather than newest first. */
    boolean byDueDate() {
        return assignee != null || overdueAt != null;
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
        if (assignee != null) {
            // task_assignee's ix_task_assignee_worker finds a worker's tasks whatever the table's size
            where.append(" and t.id in (select a.id from Task a join a.assignees w where w = :assignee)");
            params.and("assignee", assignee);
        }
        if (overdueAt != null) {
            where.append(" and t.open = true and t.dueAt < :now");
            params.and("now", overdueAt);
        }
        if (byDueDate()) {
            if (after != null && after.at().equals(UNDATED)) {
                where.append(" and t.dueAt is null and t.id > :id");
                params.and("id", after.id());
            } else if (after != null) {
                where.append(" and (t.dueAt > :at or (t.dueAt = :at and t.id > :id) or t.dueAt is null)");
                params.and("at", after.at()).and("id", after.id());
            }
            return where.append(" order by case when t.dueAt is null then 1 else 0 end, t.dueAt, t.id").toString();
        }
        if (after != null) {
            where.append(" and (t.createdAt < :at or (t.createdAt = :at and t.id < :id))");
            params.and("at", after.at()).and("id", after.id());
        }
        return where.append(" order by t.createdAt desc, t.id desc").toString();
    }
}
