package org.shequ.gridtasks.task;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.shequ.gridtasks.campaign.Campaign;
import org.shequ.gridtasks.campaign.CampaignRepository;
import org.shequ.gridtasks.grid.Grid;
import org.shequ.gridtasks.grid.GridAccess;
import org.shequ.gridtasks.grid.GridRepository;
import org.shequ.gridtasks.task.api.AssignRequest;
import org.shequ.gridtasks.task.api.CompleteRequest;
import org.shequ.gridtasks.task.api.NoteRequest;
import org.shequ.gridtasks.task.api.ReasonRequest;
import org.shequ.gridtasks.task.api.ScheduleRequest;
import org.shequ.gridtasks.task.api.TaskRequest;
import org.shequ.gridtasks.task.api.TaskView;
import org.shequ.gridtasks.worker.WorkerRepository;
import org.shequ.model.api.Page;
import org.shequ.model.events.grid.GridTaskEvent;
import org.shequ.platform.outbox.Outbox;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.BrokenReferenceException;
import org.shequ.platform.problem.IllegalTransitionException;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.problem.StaleVersionException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.ApiValues;

/**
 * Records tasks and moves them through their workflow ({@link TaskAction}); each change, its history line and its
 * event are written in one transaction.
 */
@ApplicationScoped
@Transactional
public class TaskService {

    private final TaskRepository tasks;
    private final GridRepository grids;
    private final CampaignRepository campaigns;
    private final WorkerRepository workers;
    private final GridAccess access;
    private final SecurityIdentity identity;
    private final Outbox outbox;
    private final Clock clock;

    public TaskService(TaskRepository tasks, GridRepository grids, CampaignRepository campaigns,
                       WorkerRepository workers, GridAccess access, SecurityIdentity identity, Outbox outbox,
                       Clock clock) {
        this.tasks = tasks;
        this.grids = grids;
        this.campaigns = campaigns;
        this.workers = workers;
        this.access = access;
        this.identity = identity;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A task reported through the API, by a worker of its grid or an admin of its community. */
    public TaskView report(@Valid @NotNull TaskRequest request) {
        Grid grid = request.gridId() == null || request.gridId().isBlank() ? coveringGrid(request)
                : grids.findByIdOptional(request.gridId().strip())
                        .orElseThrow(() -> BrokenReferenceException.unknownTarget("gridId"));
        access.require(grid);
        Task task = TaskMapper.newTask(request, grid.id, access.actor(), clock.instant());
        if (request.campaignId() != null && !request.campaignId().isBlank()) {
            task.campaignId = campaignOf(grid, request.campaignId().strip()).id;
        }
        return file(task, true);
    }

    /** The grid that declares it covers the report's compound: a compound no grid covers is the report's fault. */
    private Grid coveringGrid(TaskRequest request) {
        String compound = request.location() == null ? null : ApiValues.blankToNull(request.location().compound());
        if (compound == null) {
            throw InvalidInputException.of("gridId", "give the grid, or a location.compound a grid covers");
        }
        return grids.covering(compound.strip()).orElseThrow(() -> BrokenReferenceException.unusable(
                "location.compound", "No grid covers " + compound.strip() + "; a district admin adds it to a grid's "
                        + "compounds, or give gridId"));
    }

    /**
     * Files a task the caller's scope has been checked for (or that the system raises): stores it with the first line
     * of its history and its event, and answers it with the open tasks it may duplicate.
     */
    public TaskView file(Task task, boolean showNames) {
        tasks.persist(task);
        tasks.flush(); // the task row before its history line
        tasks.record(TaskMapper.line(task, "report", null, task.reportedBy, null, task.createdAt));
        outbox.append(TaskEvents.reported(task, task.createdAt));
        return TaskMapper.view(task, null, showNames)
                .withPossibleDuplicates(tasks.openAt(task.category, task.location.compound, task.location.building,
                        task.id).stream().map(TaskMapper::summary).toList());
    }

    public TaskView assign(String id, Long expectedVersion, @Valid @NotNull AssignRequest request) {
        return move(id, TaskAction.ASSIGN, expectedVersion, task -> {
            Set<String> wanted = new LinkedHashSet<>(request.workerIds().stream().map(String::strip).toList());
            List<String> inGrid = workers.inGrid(task.gridId, wanted);
            if (inGrid.size() != wanted.size()) {
                wanted.removeAll(inGrid);
                throw BrokenReferenceException.unusable("workerIds", "are not workers of the task's grid: " + wanted);
            }
            task.assignees.clear();
            task.assignees.addAll(wanted);
            task.helpers.clear();
            if (request.helpers() != null) {
                request.helpers().stream().map(String::strip).forEach(task.helpers::add);
            }
            task.scheduledAt = null;
            return request.note();
        });
    }

    public TaskView schedule(String id, Long expectedVersion, @Valid @NotNull ScheduleRequest request) {
        return move(id, TaskAction.SCHEDULE, expectedVersion, task -> {
            task.scheduledAt = request.at().toInstant();
            return request.note();
        });
    }

    public TaskView start(String id, Long expectedVersion, @Valid NoteRequest request) {
        return move(id, TaskAction.START, expectedVersion, task -> note(request));
    }

    public TaskView complete(String id, Long expectedVersion, @Valid @NotNull CompleteRequest request) {
        return move(id, TaskAction.COMPLETE, expectedVersion, task -> {
            task.spotsCleared = request.outcome().spotsCleared();
            task.outcomeSummary = request.outcome().summary();
            return request.note();
        });
    }

    public TaskView verify(String id, Long expectedVersion, @Valid NoteRequest request) {
        return move(id, TaskAction.VERIFY, expectedVersion, task -> note(request));
    }

    public TaskView reopen(String id, Long expectedVersion, @Valid @NotNull ReasonRequest request) {
        return move(id, TaskAction.REOPEN, expectedVersion, task -> request.reason());
    }

    public TaskView cancel(String id, Long expectedVersion, @Valid @NotNull ReasonRequest request) {
        return move(id, TaskAction.CANCEL, expectedVersion, task -> request.reason());
    }

    /**
     * A follow-up whose rectification orders are all closed: the food service's re-inspection verified the work, so
     * the task is VERIFIED from whatever open status it is in, by {@code actor}, once (a closed task is left alone).
     */
    public void resolveFollowUp(String taskId, String actor, String note) {
        Task task = tasks.lockedById(taskId).orElseThrow(() -> new ResourceNotFoundException("Task", taskId));
        if (!task.status.isOpen()) {
            return;
        }
        TaskStatus from = task.status;
        Instant now = clock.instant();
        task.moveTo(TaskStatus.VERIFIED, now);
        tasks.flush();
        tasks.record(TaskMapper.line(task, "resolve", from, actor, note, now));
        outbox.append(new GridTaskEvent.Verified(task.id, task.gridId, task.campaignId, actor, now));
        tasks.flush();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TaskView> find(String id) {
        return tasks.findByIdOptional(id).map(task -> {
            access.require(grid(task));
            return TaskMapper.view(task, tasks.history(task.id), seesNames());
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TaskView> list(TaskQuery query, PageRequest page) {
        boolean names = seesNames();
        return page.toPage(tasks.page(query, page.fetchSize()),
                query.byDueDate() ? TaskMapper::duePosition : TaskMapper::position,
                task -> TaskMapper.view(task, null, names));
    }

    /**
     * The one way a task changes status: locked, checked against the caller's version, scope and the workflow, then
     * changed, written with its history line and event.
     */
    private TaskView move(String id, TaskAction action, Long expectedVersion, Function<Task, String> change) {
        Task task = tasks.lockedById(id).orElseThrow(() -> new ResourceNotFoundException("Task", id));
        access.require(grid(task));
        if (expectedVersion != null && task.version != expectedVersion) {
            throw new StaleVersionException("Task", id);
        }
        TaskStatus from = task.status;
        TaskStatus to = action.from(from).orElseThrow(() -> new IllegalTransitionException("Task", id, from.name(),
                action.pathName(), TaskAction.allowedFrom(from)));
        Instant now = clock.instant();
        String note = change.apply(task);
        task.moveTo(to, now);
        tasks.flush(); // the version-checked update before the history row (see ARCHITECTURE, "Data")
        String actor = access.actor();
        tasks.record(TaskMapper.line(task, action.pathName(), from, actor, note, now));
        outbox.append(TaskEvents.moved(task, action, actor, now));
        tasks.flush();
        return TaskMapper.view(task, tasks.history(task.id), seesNames());
    }

    private Campaign campaignOf(Grid grid, String campaignId) {
        Campaign campaign = campaigns.findByIdOptional(campaignId)
                .orElseThrow(() -> BrokenReferenceException.unknownTarget("campaignId"));
        if (!campaign.community.equals(grid.community)) {
            throw BrokenReferenceException.unusable("campaignId", "is a campaign of " + campaign.community
                    + ", not of the grid's community " + grid.community);
        }
        return campaign;
    }

    private Grid grid(Task task) {
        return grids.findById(task.gridId);
    }

    /** Helpers' names are for those who work the grid; an integration sees them masked. */
    private boolean seesNames() {
        return Roles.hasAny(identity, Roles.GRID_WORKER, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN);
    }

    private static String note(NoteRequest request) {
        return request == null ? null : request.note();
    }
}
