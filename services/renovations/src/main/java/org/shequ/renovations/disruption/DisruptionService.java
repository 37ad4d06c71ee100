package org.shequ.renovations.disruption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.shequ.model.api.Page;
import org.shequ.model.events.renovations.RenovationProjectEvent;
import org.shequ.platform.outbox.Outbox;
import org.shequ.platform.paging.KeysetPage;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.BrokenReferenceException;
import org.shequ.platform.problem.IllegalTransitionException;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.problem.StaleVersionException;
import org.shequ.platform.web.ApiValues;
import org.shequ.renovations.compound.Compound;
import org.shequ.renovations.compound.CompoundAccess;
import org.shequ.renovations.compound.CompoundRepository;
import org.shequ.renovations.disruption.api.AreaDto;
import org.shequ.renovations.disruption.api.DisruptionRequest;
import org.shequ.renovations.disruption.api.DisruptionView;
import org.shequ.renovations.project.Project;
import org.shequ.renovations.project.ProjectRepository;
import org.shequ.renovations.project.ProjectStatus;

/**
 * Disruptions residents must hear of. Each announcement, change and cancellation is an event the notices service
 * turns into a published notice (and its updates), so it reaches residents by the same feeds, calendars and alerts as
 * a water outage. A disruption lies within its project's dates and always names the project's compound.
 */
@ApplicationScoped
@Transactional
public class DisruptionService {

    static final String ANNOUNCED = "ANNOUNCED";
    static final String CANCELLED = "CANCELLED";

    private final DisruptionRepository disruptions;
    private final ProjectRepository projects;
    private final CompoundRepository compounds;
    private final CompoundAccess access;
    private final Outbox outbox;
    private final Clock clock;

    public DisruptionService(DisruptionRepository disruptions, ProjectRepository projects, CompoundRepository compounds,
                             CompoundAccess access, Outbox outbox, Clock clock) {
        this.access = access;
        this.disruptions = disruptions;
        this.projects = projects;
        this.compounds = compounds;
        this.outbox = outbox;
        this.clock = clock;
    }

    public DisruptionView announce(String projectId, @Valid @NotNull DisruptionRequest request) {
        Project project = underWay(projectId);
        Compound compound = compounds.findById(project.compoundId);
        Instant now = clock.instant();
        Disruption disruption = new Disruption();
        disruption.id = UUID.randomUUID().toString();
        disruption.projectId = project.id;
        disruption.status = ANNOUNCED;
        disruption.revision = 1;
        disruption.createdAt = now;
        apply(request, disruption, project, compound, now);
        disruptions.persist(disruption);
        disruptions.flush();
        outbox.append(new RenovationProjectEvent.DisruptionAnnounced(project.id, disruption.id, disruption.revision,
                project.title, compound.id, compound.name, compound.community, disruption.kind.name(),
                disruption.startsAt, disruption.endsAt, disruption.description, areas(disruption)));
        return view(disruption);
    }

    public DisruptionView change(String projectId, String id, long expectedVersion,
                                 @Valid @NotNull DisruptionRequest request) {
        Disruption disruption = current(projectId, id, expectedVersion);
        Project project = underWay(projectId);
        Compound compound = compounds.findById(project.compoundId);
        Instant now = clock.instant();
        apply(request, disruption, project, compound, now);
        disruption.revision++;
        disruptions.flush();
        outbox.append(new RenovationProjectEvent.DisruptionChanged(project.id, disruption.id, disruption.revision,
                project.title, compound.id, compound.name, compound.community, disruption.kind.name(),
                disruption.startsAt, disruption.endsAt, disruption.description, areas(disruption)));
        return view(disruption);
    }

    public DisruptionView cancel(String projectId, String id, Long expectedVersion, String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "is required");
        }
        Disruption disruption = current(projectId, id, expectedVersion);
        Instant now = clock.instant();
        disruption.status = CANCELLED;
        disruption.cancelReason = reason.strip();
        disruption.revision++;
        disruption.updatedAt = now;
        disruptions.flush();
        outbox.append(new RenovationProjectEvent.DisruptionCancelled(projectId, disruption.id, disruption.revision,
                disruption.cancelReason, now));
        return view(disruption);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DisruptionView> ofProject(String projectId, PageRequest page) {
        projects.findByIdOptional(projectId).orElseThrow(() -> new ResourceNotFoundException("Project", projectId));
        return KeysetPage.of(disruptions.getEntityManager(), Disruption.class).orderedBy("startsAt")
                .where("e.projectId = :project", "project", projectId)
                .page(page, d -> d.startsAt, d -> d.id, DisruptionService::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DisruptionView> find(String projectId, String id) {
        return disruptions.findByIdOptional(id).filter(d -> d.projectId.equals(projectId)).map(DisruptionService::view);
    }

    private Disruption current(String projectId, String id, Long expectedVersion) {
        Disruption disruption = disruptions.findByIdOptional(id).filter(d -> d.projectId.equals(projectId))
                .orElseThrow(() -> new ResourceNotFoundException("Disruption", id));
        projects.findByIdOptional(projectId).ifPresent(p -> access.requireCompound(p.compoundId));
        if (expectedVersion != null && disruption.version != expectedVersion) {
            throw new StaleVersionException("Disruption", id);
        }
        if (CANCELLED.equals(disruption.status)) {
            throw new IllegalTransitionException("Disruption", id, CANCELLED, "change", List.of());
        }
        return disruption;
    }

    /** A project planned, approved or under way: a finished or cancelled one disturbs nobody any more. */
    private Project underWay(String projectId) {
        Project project = projects.findByIdOptional(projectId)
                .orElseThrow(() -> new ResourceNotFoundException("Project", projectId));
        access.requireCompound(project.compoundId);
        if (project.status != ProjectStatus.PLANNED && project.status != ProjectStatus.APPROVED
                && project.status != ProjectStatus.IN_PROGRESS) {
            throw new IllegalTransitionException("Project", projectId, project.status.name(), "announce a disruption",
                    List.of());
        }
        return project;
    }

    private static void apply(DisruptionRequest request, Disruption disruption, Project project, Compound compound,
                              Instant now) {
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw InvalidInputException.of("endsAt", "must be after startsAt");
        }
        LocalDate first = project.actualStart != null ? project.actualStart : project.plannedStart;
        LocalDate last = project.plannedEnd;
        if (first == null || last == null) {
            throw BrokenReferenceException.unusable("startsAt", "cannot be checked: the project has no planned dates");
        }
        LocalDate starts = request.startsAt().atZoneSameInstant(ApiValues.ZONE).toLocalDate();
        LocalDate ends = request.endsAt().atZoneSameInstant(ApiValues.ZONE).toLocalDate();
        if (starts.isBefore(first) || starts.isAfter(last)) {
            throw BrokenReferenceException.unusable("startsAt", "is outside the project's dates " + first + " – " + last);
        }
        if (ends.isAfter(last)) {
            throw BrokenReferenceException.unusable("endsAt", "is outside the project's dates " + first + " – " + last);
        }
        disruption.kind = request.kind();
        disruption.startsAt = request.startsAt().toInstant();
        disruption.endsAt = request.endsAt().toInstant();
        disruption.description = ApiValues.blankToNull(request.description());
        disruption.areas.clear();
        request.areasOrEmpty().forEach(a -> disruption.areas.add(area(a)));
        if (disruption.areas.stream().noneMatch(a -> compound.name.equals(a.compound))) {
            AreaDto own = new AreaDto(null, null, null, null, compound.name, compound.address);
            disruption.areas.add(area(own));
        }
        disruption.updatedAt = now;
    }

    private static DisruptionArea area(AreaDto dto) {
        DisruptionArea area = new DisruptionArea();
        area.road = ApiValues.blankToNull(dto.road());
        area.side = ApiValues.blankToNull(dto.side());
        area.from = ApiValues.blankToNull(dto.from());
        area.to = ApiValues.blankToNull(dto.to());
        area.compound = ApiValues.blankToNull(dto.compound());
        area.description = ApiValues.blankToNull(dto.description());
        return area;
    }

    private static List<RenovationProjectEvent.Area> areas(Disruption d) {
        return d.areas.stream().map(a -> new RenovationProjectEvent.Area(a.road, a.side, a.from, a.to, a.compound,
                a.description)).toList();
    }

    static DisruptionView view(Disruption d) {
        return new DisruptionView(d.id, d.projectId, d.kind, ApiValues.local(d.startsAt), ApiValues.local(d.endsAt),
                d.description, d.areas.stream().map(a -> new AreaDto(a.road, a.side, a.from, a.to, a.compound,
                        a.description)).toList(), d.status, d.revision, d.cancelReason, ApiValues.local(d.createdAt),
                ApiValues.local(d.updatedAt), d.version);
    }
}
