package org.shequ.renovations.request;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.Cursor;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.ApiValues;
import org.shequ.renovations.project.Project;
import org.shequ.renovations.project.ProjectRepository;
import org.shequ.renovations.request.api.ResidentRequestBody;
import org.shequ.renovations.request.api.ResidentRequestView;

/** Residents' wishes: submitted by residents, readable by all, who asked shown to admins only. */
@ApplicationScoped
@Transactional
public class ResidentRequestService {

    private final ResidentRequestRepository requests;
    private final ProjectRepository projects;
    private final SecurityIdentity identity;
    private final Clock clock;

    public ResidentRequestService(ResidentRequestRepository requests, ProjectRepository projects,
                                  SecurityIdentity identity, Clock clock) {
        this.requests = requests;
        this.projects = projects;
        this.identity = identity;
        this.clock = clock;
    }

    public ResidentRequestView submit(@Valid @NotNull ResidentRequestBody body) {
        ResidentRequest request = new ResidentRequest();
        request.id = UUID.randomUUID().toString();
        request.compoundId = body.compoundId().strip();
        request.text = body.text().strip();
        request.requestedBy = Roles.actor(identity);
        request.status = RequestStatus.OPEN;
        request.createdAt = clock.instant();
        requests.persist(request);
        requests.flush(); // an unknown compound is a 422 now
        return view(request, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ResidentRequestView> find(String id) {
        return requests.findByIdOptional(id).map(r -> view(r, r.projectId == null ? null
                : projects.findById(r.projectId)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ResidentRequestView> list(String compoundId, PageRequest page) {
        List<ResidentRequest> rows = requests.page(compoundId, page.after(), page.fetchSize());
        List<String> projectIds = rows.stream().map(r -> r.projectId).filter(p -> p != null).distinct().toList();
        Map<String, Project> linked = projectIds.isEmpty() ? Map.of() : projects.list("id in ?1", projectIds).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        return page.toPage(rows, r -> new Cursor(r.createdAt, r.id), r -> view(r, r.projectId == null ? null : linked.get(r.projectId)));
    }

    private ResidentRequestView view(ResidentRequest r, Project project) {
        boolean admin = Roles.hasAny(identity, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN);
        String answer = r.status == RequestStatus.ANSWERED && project != null
                ? "answered by project " + project.title + " (" + project.id + ") on " + r.answeredOn : null;
        return new ResidentRequestView(r.id, r.compoundId, r.text, r.status, r.projectId,
                project == null ? null : project.title, r.answeredOn, answer,
                !identity.isAnonymous() && Roles.actor(identity).equals(r.requestedBy), admin ? r.requestedBy : null,
                ApiValues.local(r.createdAt));
    }
}
