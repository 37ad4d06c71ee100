package org.shequ.renovations.project;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.shequ.model.events.renovations.RenovationProjectEvent;
import org.shequ.platform.outbox.Outbox;
import org.shequ.renovations.compound.CompoundAccess;
import org.shequ.platform.problem.BrokenReferenceException;
import org.shequ.platform.problem.IllegalTransitionException;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.problem.StaleVersionException;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.ApiValues;
import org.shequ.renovations.project.api.CompleteRequest;
import org.shequ.renovations.project.api.LinkRequest;
import org.shequ.renovations.project.api.MeetRequest;
import org.shequ.renovations.project.api.MilestoneRequest;
import org.shequ.renovations.project.api.NoteRequest;
import org.shequ.renovations.project.api.ProjectView;
import org.shequ.renovations.project.api.ReasonRequest;
import org.shequ.renovations.project.api.StartRequest;
import org.shequ.renovations.request.RequestStatus;
import org.shequ.renovations.request.ResidentRequest;
import org.shequ.renovations.request.ResidentRequestRepository;

/**
 * Moves projects through {@link ProjectAction}, with their history and events; milestones; and the residents'
 * requests a project answers, answered when it completes.
 */
@ApplicationScoped
@Transactional
public class ProjectWorkflow {

    private final ProjectRepository projects;
    private final ResidentRequestRepository requests;
    private final ProjectViews views;
    private final SecurityIdentity identity;
    private final CompoundAccess access;
    private final Outbox outbox;
    private final Clock clock;

    public ProjectWorkflow(ProjectRepository projects, ResidentRequestRepository requests, ProjectViews views,
                           SecurityIdentity identity, CompoundAccess access, Outbox outbox, Clock clock) {
        this.projects = projects;
        this.requests = requests;
        this.views = views;
        this.identity = identity;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    public ProjectView approve(String id, Long expectedVersion, @Valid NoteRequest body) {
        return move(id, ProjectAction.APPROVE, expectedVersion, p -> body == null ? null : body.note(),
                (p, from, now) -> List.of(new RenovationProjectEvent.StatusChanged(p.id, p.compoundId, from.name(),
                        p.status.name(), now)));
    }

    public ProjectView start(String id, Long expectedVersion, @Valid StartRequest body) {
        return move(id, ProjectAction.START, expectedVersion, p -> {
            p.actualStart = body != null && body.actualStart() != null ? body.actualStart() : today();
            return body == null ? null : body.note();
        }, (p, from, now) -> List.of(new RenovationProjectEvent.Started(p.id, p.compoundId, p.actualStart, now)));
    }

    /** Done: actual end and cost recorded, any variance explained, and the requests it answers answered. */
    public ProjectView complete(String id, Long expectedVersion, @Valid @NotNull CompleteRequest body) {
        return move(id, ProjectAction.COMPLETE, expectedVersion, p -> {
            if (p.actualStart != null && body.actualEnd().isBefore(p.actualStart)) {
                throw InvalidInputException.of("actualEnd", "must not be before actualStart " + p.actualStart);
            }
            boolean late = p.plannedEnd != null && body.actualEnd().isAfter(p.plannedEnd);
            boolean over = p.budgetCny != null && body.actualCostCny().compareTo(p.budgetCny) > 0;
            String reason = ApiValues.blankToNull(body.varianceReason());
            if ((late || over) && reason == null) {
                throw InvalidInputException.of("varianceReason", "is required: the works ended "
                        + (late ? "after plannedEnd " + p.plannedEnd : "") + (late && over ? " and " : "")
                        + (over ? "over budgetCny " + p.budgetCny : ""));
            }
            p.actualEnd = body.actualEnd();
            p.actualCostCny = body.actualCostCny();
            p.varianceReason = reason;
            return body.note();
        }, (p, from, now) -> {
            List<RenovationProjectEvent> events = new ArrayList<>();
            events.add(new RenovationProjectEvent.Completed(p.id, p.compoundId, p.category.name(), p.actualEnd,
                    p.actualCostCny, p.plannedEnd, p.budgetCny, p.varianceReason, now));
            events.addAll(answerRequests(p, now));
            return events;
        });
    }

    public ProjectView accept(String id, Long expectedVersion, @Valid NoteRequest body) {
        return move(id, ProjectAction.ACCEPT, expectedVersion, p -> body == null ? null : body.note(),
                (p, from, now) -> List.of(new RenovationProjectEvent.Accepted(p.id, p.compoundId, now)));
    }

    public ProjectView cancel(String id, Long expectedVersion, @Valid @NotNull ReasonRequest body) {
        return move(id, ProjectAction.CANCEL, expectedVersion, p -> {
            p.cancelReason = body.reason().strip();
            return p.cancelReason;
        }, (p, from, now) -> {
            for (ResidentRequest request : requests.ofProject(p.id)) {
                request.status = RequestStatus.OPEN; // the wish stands; another project may answer it
                request.projectId = null;
            }
            return List.of(new RenovationProjectEvent.StatusChanged(p.id, p.compoundId, from.name(), p.status.name(),
                    now));
        });
    }

    public ProjectView addMilestone(String id, @Valid @NotNull MilestoneRequest body) {
        Project project = open(id);
        Milestone milestone = new Milestone();
        milestone.id = UUID.randomUUID().toString();
        milestone.projectId = project.id;
        milestone.title = body.title().strip();
        milestone.dueDate = body.dueDate();
        milestone.createdAt = clock.instant();
        projects.record(milestone);
        projects.flush();
        return views.view(project, true);
    }

    public ProjectView meetMilestone(String id, String milestoneId, @Valid @NotNull MeetRequest body) {
        Project project = open(id);
        List<Milestone> milestones = projects.milestones(project.id);
        Milestone milestone = milestones.stream().filter(m -> m.id.equals(milestoneId)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Milestone", milestoneId));
        if (milestone.metDate != null) {
            throw new IllegalTransitionException("Milestone", milestoneId, "MET", "meet", List.of());
        }
        milestone.metDate = body.metDate();
        projects.flush();
        outbox.append(new RenovationProjectEvent.MilestoneMet(project.id, milestone.id, milestone.title,
                milestone.dueDate, milestone.metDate, ProjectViews.physicalProgress(project, milestones),
                clock.instant()));
        return views.view(project, true);
    }

    /** Links residents' requests of the project's compound to it; they are answered when it completes. */
    public ProjectView link(String id, @Valid @NotNull LinkRequest body) {
        Project project = open(id);
        Set<String> ids = new LinkedHashSet<>(body.requestIds().stream().map(String::strip).toList());
        for (String requestId : ids) {
            ResidentRequest request = requests.findByIdOptional(requestId)
                    .orElseThrow(() -> BrokenReferenceException.unusable("requestIds", requestId + " is not a request"));
            if (!request.compoundId.equals(project.compoundId)) {
                throw BrokenReferenceException.unusable("requestIds", requestId + " is about another compound");
            }
            if (request.projectId != null && !request.projectId.equals(project.id)) {
                throw BrokenReferenceException.unusable("requestIds", requestId + " is answered by project "
                        + request.projectId + " already");
            }
            request.projectId = project.id;
            request.status = RequestStatus.PLANNED;
        }
        projects.flush();
        return views.view(project, true);
    }

    private List<RenovationProjectEvent> answerRequests(Project project, Instant now) {
        List<RenovationProjectEvent> events = new ArrayList<>();
        for (ResidentRequest request : requests.ofProject(project.id)) {
            request.status = RequestStatus.ANSWERED;
            request.answeredOn = project.actualEnd;
            events.add(new RenovationProjectEvent.RequestAnswered(project.id, request.id, project.compoundId,
                    request.requestedBy, project.actualEnd, now));
        }
        return events;
    }

    /** A project still being planned or built: milestones and links are refused once it is done or cancelled. */
    private Project open(String id) {
        Project project = projects.lockedById(id).orElseThrow(() -> new ResourceNotFoundException("Project", id));
        access.requireCompound(project.compoundId);
        if (project.status == ProjectStatus.COMPLETED || project.status == ProjectStatus.ACCEPTED
                || project.status == ProjectStatus.CANCELLED) {
            throw new IllegalTransitionException("Project", id, project.status.name(), "change",
                    ProjectAction.allowedFrom(project.status));
        }
        return project;
    }

    private ProjectView move(String id, ProjectAction action, Long expectedVersion, Function<Project, String> change,
                             Events events) {
        Project project = projects.lockedById(id).orElseThrow(() -> new ResourceNotFoundException("Project", id));
        access.requireCompound(project.compoundId);
        if (expectedVersion != null && project.version != expectedVersion) {
            throw new StaleVersionException("Project", id);
        }
        ProjectStatus from = project.status;
        ProjectStatus to = action.from(from).orElseThrow(() -> new IllegalTransitionException("Project", id,
                from.name(), action.pathName(), ProjectAction.allowedFrom(from)));
        Instant now = clock.instant();
        String note = change.apply(project);
        project.status = to;
        project.updatedAt = now;
        projects.flush(); // the version-checked update before the history row
        ProjectTransition line = new ProjectTransition();
        line.projectId = project.id;
        line.action = action.pathName();
        line.fromStatus = from;
        line.toStatus = to;
        line.actor = Roles.actor(identity);
        line.note = note;
        line.at = now;
        projects.record(line);
        events.of(project, from, now).forEach(outbox::append);
        projects.flush();
        return views.view(project, true);
    }

    /** The events a move publishes, in order, once the project has moved from {@code from}. */
    @FunctionalInterface
    private interface Events {
        List<RenovationProjectEvent> of(Project moved, ProjectStatus from, Instant now);
    }

    private LocalDate today() {
        return ApiValues.local(clock.instant()).toLocalDate();
    }
}
