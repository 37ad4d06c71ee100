package org.shequ.gridtasks.worker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import org.shequ.gridtasks.grid.Grid;
import org.shequ.gridtasks.grid.GridAccess;
import org.shequ.gridtasks.grid.GridRepository;
import org.shequ.gridtasks.worker.api.WorkerRequest;
import org.shequ.gridtasks.worker.api.WorkerView;
import org.shequ.model.api.FieldError;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.KeysetPage;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.BrokenReferenceException;
import org.shequ.platform.problem.DuplicateException;
import org.shequ.platform.web.ApiValues;

/** Registers grid workers; a worker belongs to exactly one grid. */
@ApplicationScoped
@Transactional
public class WorkerService {

    private final WorkerRepository workers;
    private final GridRepository grids;
    private final GridAccess access;
    private final Clock clock;

    public WorkerService(WorkerRepository workers, GridRepository grids, GridAccess access, Clock clock) {
        this.workers = workers;
        this.grids = grids;
        this.access = access;
        this.clock = clock;
    }

    public WorkerView register(@Valid @NotNull WorkerRequest request) {
        Grid grid = grids.findByIdOptional(request.gridId().strip())
                .orElseThrow(() -> BrokenReferenceException.unknownTarget("gridId"));
        access.require(grid);
        String id = request.id().strip();
        if (workers.findByIdOptional(id).isPresent()) {
            throw new DuplicateException(List.of(new FieldError("id", "is a worker already; a worker belongs to one grid")));
        }
        Worker worker = new Worker();
        worker.id = id;
        worker.gridId = grid.id;
        worker.name = request.name().strip();
        worker.createdAt = clock.instant();
        workers.persist(worker);
        workers.flush();
        return view(worker);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WorkerView> ofGrid(String gridId, PageRequest page) {
        Grid grid = grids.findByIdOptional(gridId)
                .orElseThrow(() -> new org.shequ.platform.problem.ResourceNotFoundException("Grid", gridId));
        access.require(grid);
        return KeysetPage.of(workers.getEntityManager(), Worker.class).where("e.gridId = :grid", "grid", gridId)
                .page(page, w -> w.createdAt, w -> w.id, WorkerService::view);
    }

    static WorkerView view(Worker w) {
        return new WorkerView(w.id, w.gridId, w.name, ApiValues.local(w.createdAt), w.version);
    }
}
