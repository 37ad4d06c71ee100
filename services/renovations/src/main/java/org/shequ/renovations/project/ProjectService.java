package org.shequ.renovations.project;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.shequ.model.api.Page;
import org.shequ.model.events.renovations.RenovationProjectEvent;
import org.shequ.platform.outbox.Outbox;
import org.shequ.renovations.compound.CompoundAccess;
import org.shequ.platform.paging.Cursor;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.security.Roles;
import org.shequ.renovations.project.api.ProjectRequest;
import org.shequ.renovations.project.api.ProjectView;

/** Plans a project and tells the suite, in one transaction. */
@ApplicationScoped
@Transactional
public class ProjectService {

    private final ProjectRepository projects;
    private final ProjectViews views;
    private final SecurityIdentity identity;
    private final CompoundAccess access;
    private final Outbox outbox;
    private final Clock clock;

    public ProjectService(ProjectRepository projects, ProjectViews views, SecurityIdentity identity,
                          CompoundAccess access, Outbox outbox, Clock clock) {
        this.projects = projects;
        this.views = views;
        this.identity = identity;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    public ProjectView plan(@Valid @NotNull ProjectRequest request) {
        if (request.plannedStart() != null && request.plannedEnd() != null
                && request.plannedEnd().isBefore(request.plannedStart())) {
            throw InvalidInputException.of("plannedEnd", "must not be before plannedStart");
        }
        access.requireCompound(request.compoundId().strip());
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
        projects.flush(); // an unknown compoundId is a 422 now, before the history line refers to the project
        ProjectTransition planned = new ProjectTransition();
        planned.projectId = project.id;
        planned.action = "plan";
        planned.toStatus = ProjectStatus.PLANNED;
        planned.actor = Roles.actor(identity);
        planned.at = now;
        projects.record(planned);
        outbox.append(new RenovationProjectEvent.StatusChanged(project.id, project.compoundId, null,
                project.status.name(), now));
        return views.view(project, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProjectView> find(String id) {
        return projects.findByIdOptional(id).map(p -> views.view(p, true));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ProjectView> list(String compoundId, ProjectStatus status, PageRequest page) {
        List<Project> rows = projects.page(compoundId, status, page.after(), page.fetchSize());
        return page.toPage(rows, p -> new Cursor(p.createdAt, p.id), views.listed(rows));
    }

    private static ScopeItem scopeItem(ProjectRequest.ScopeItemDto dto) {
        ScopeItem item = new ScopeItem();
        item.item = dto.item().strip();
        item.quantity = dto.quantity();
        item.unit = dto.unit();
        return item;
    }
}
