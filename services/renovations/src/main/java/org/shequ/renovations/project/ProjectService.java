package org.shequ.renovations.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.shequ.model.events.renovations.RenovationProjectEvent;
import org.shequ.platform.outbox.Outbox;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.renovations.project.api.ProjectRequest;
import org.shequ.renovations.project.api.ProjectView;
import org.shequ.platform.web.ApiValues;

/** Plans a project and tells the suite, in one transaction. */
@ApplicationScoped
@Transactional
public class ProjectService {

    private final ProjectRepository projects;
    private final Outbox outbox;
    private final Clock clock;

    public ProjectService(ProjectRepository projects, Outbox outbox, Clock clock) {
        this.projects = projects;
        this.outbox = outbox;
        this.clock = clock;
    }

    public ProjectView plan(@Valid @NotNull ProjectRequest request) {
        if (request.plannedStart() != null && request.plannedEnd() != null
                && request.plannedEnd().isBefore(request.plannedStart())) {
            throw InvalidInputException.of("plannedEnd", "must not be before plannedStart");
        }
        Instant now = clock.instant();
        Project project = new Project();
        project.id = UUID.randomUUID().toString();
        project.compoundId = request.compoundId().strip();
        project.title = request.title().strip();
        project.category = request.category();
        project.status = ProjectStatus.PLANNED;
        project.description = request.description();
        project.plannedStart = request.plannedStart();
        project.plannedEnd = request.plannedEnd();
        project.contractor = request.contractor();
        project.budgetCny = request.budgetCny();
        project.createdAt = now;
        project.updatedAt = now;
        project.scope.addAll(request.scopeOrEmpty().stream().map(ProjectService::scopeItem).toList());
        projects.persist(project);
        // The event's upsert flushes the insert first: an unknown compoundId is a 422 before anything is sent.
        outbox.append(new RenovationProjectEvent.StatusChanged(project.id, project.compoundId, null,
                project.status.name(), now));
        return view(project);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProjectView> find(String id) {
        return projects.findByIdOptional(id).map(ProjectService::view);
    }

    private static ScopeItem scopeItem(ProjectRequest.ScopeItemDto dto) {
        ScopeItem item = new ScopeItem();
        item.item = dto.item().strip();
        item.quantity = dto.quantity();
        item.unit = dto.unit();
        return item;
    }

    static ProjectView view(Project p) {
        return new ProjectView(p.id, p.compoundId, p.title, p.category, p.status, p.description,
                p.scope.stream().map(s -> new ProjectRequest.ScopeItemDto(s.item, s.quantity, s.unit)).toList(),
                p.plannedStart, p.plannedEnd, p.contractor, p.budgetCny, ApiValues.local(p.createdAt),
                ApiValues.local(p.updatedAt), p.version);
    }
}
