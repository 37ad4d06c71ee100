package org.shequ.renovations.project;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.shequ.platform.web.ApiValues;
import org.shequ.renovations.project.api.ProjectRequest;
import org.shequ.renovations.project.api.ProjectView;
import org.shequ.renovations.request.ResidentRequestRepository;

/** Builds the one answer a project becomes, with its milestones, progress, variance and linked requests. */
@ApplicationScoped
public class ProjectViews {

    private final ProjectRepository projects;
    private final ResidentRequestRepository requests;
    private final Clock clock;

    public ProjectViews(ProjectRepository projects, ResidentRequestRepository requests, Clock clock) {
        this.projects = projects;
        this.requests = requests;
        this.clock = clock;
    }

    public ProjectView view(Project p, boolean withHistory) {
        return view(p, projects.milestones(p.id), requests.ofProject(p.id).stream().map(r -> r.id).toList(),
                withHistory);
    }

    /**
     * The views of a list page, without history: the milestones and linked requests of all its projects are read
     * in one query each, not two per project.
     */
    public Function<Project, ProjectView> listed(List<Project> page) {
        List<String> ids = page.stream().map(p -> p.id).toList();
        Map<String, List<Milestone>> milestones = projects.milestonesOf(ids);
        Map<String, List<String>> linked = requests.idsByProject(ids);
        return p -> view(p, milestones.getOrDefault(p.id, List.of()), linked.getOrDefault(p.id, List.of()), false);
    }

    private ProjectView view(Project p, List<Milestone> milestones, List<String> linkedRequests, boolean withHistory) {
        LocalDate today = ApiValues.local(clock.instant()).toLocalDate();
        return new ProjectView(p.id, p.compoundId, p.title, p.category, p.status, ProjectAction.allowedFrom(p.status),
                p.description,
                p.scope.stream().map(s -> new ProjectRequest.ScopeItemDto(s.item, s.quantity, s.unit)).toList(),
                p.plannedStart, p.plannedEnd, p.actualStart, p.actualEnd, p.contractor, p.budgetCny, p.actualCostCny,
                variance(p), physicalProgress(p, milestones),
                milestones.stream().map(m -> new ProjectView.MilestoneView(m.id, m.title, m.dueDate, m.metDate,
                        m.statusOn(today))).toList(),
                linkedRequests, p.cancelReason,
                ApiValues.local(p.createdAt), ApiValues.local(p.updatedAt),
                withHistory ? projects.history(p.id).stream().map(h -> new ProjectView.HistoryEntry(h.action,
                        h.fromStatus, h.toStatus, h.actor, h.note, ApiValues.local(h.at))).toList() : null,
                p.version);
    }

    /** Percent of milestones met, rounded down; a finished project without milestones is 100. */
    public static int physicalProgress(Project p, List<Milestone> milestones) {
        if (milestones.isEmpty()) {
            return p.status == ProjectStatus.COMPLETED || p.status == ProjectStatus.ACCEPTED ? 100 : 0;
        }
        long met = milestones.stream().filter(m -> m.metDate != null).count();
        return (int) (met * 100 / milestones.size());
    }

    static ProjectView.Variance variance(Project p) {
        Long daysLate = p.actualEnd != null && p.plannedEnd != null
                ? ChronoUnit.DAYS.between(p.plannedEnd, p.actualEnd) : null;
        BigDecimal over = p.actualCostCny != null && p.budgetCny != null ? p.actualCostCny.subtract(p.budgetCny) : null;
        return daysLate == null && over == null ? null : new ProjectView.Variance(daysLate, over, p.varianceReason);
    }
}
