package org.shequ.gridtasks.task;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shequ.gridtasks.grid.GridAccess;
import org.shequ.gridtasks.task.api.TaskView;
import org.shequ.model.api.FieldError;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.web.QueryParams;

/**
 * What residents may know about the work in their compound: the open tasks there, each as title, status, building
 * and date only — no description, no people, no grid. The gateway's neighbourhood answer reads this.
 */
@Path("/api/v1/grid/public/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "Grid workers' tasks and their workflow")
public class PublicTasks {

    private static final GridAccess.Scope EVERY_GRID = new GridAccess.Scope(null, null);
    private final TaskRepository tasks;

    public PublicTasks(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @GET
    @PermitAll
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Open tasks at a compound, for residents", description = "Not yet DONE, VERIFIED or "
            + "CANCELLED, newest first, in pages; compound is required.")
    public Page<TaskView.TaskSummary> atCompound(@QueryParam("compound") String compound,
                                                 @QueryParam("cursor") String cursor,
                                                 @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        String name = QueryParams.bounded("compound", compound, 100, errors);
        if (name == null && errors.isEmpty()) {
            errors.add(new FieldError("compound", "name the compound, e.g. 胜利东街7号院"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        PageRequest page = PageRequest.of(cursor, limit);
        TaskQuery query = TaskQuery.parse(null, null, null, name, null, "true", page.after(), EVERY_GRID);
        return page.toPage(tasks.page(query, page.fetchSize()), TaskMapper::position, TaskMapper::summary);
    }
}
