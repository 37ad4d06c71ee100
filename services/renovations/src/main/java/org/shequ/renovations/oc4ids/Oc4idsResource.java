package org.shequ.renovations.oc4ids;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.web.ApiValues;
import org.shequ.renovations.compound.CompoundRepository;
import org.shequ.renovations.project.Project;
import org.shequ.renovations.project.ProjectRepository;

/**
 * One project as open infrastructure data (OC4IDS 0.9.5); a root of its own so it wins over {@code projects/{id}}.
 */
@Path("/api/v1/renovations/projects/{id}/oc4ids")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open data", description = "Projects in the Open Contracting for Infrastructure Data Standard")
public class Oc4idsResource {

    private final ProjectRepository projects;
    private final CompoundRepository compounds;
    private final Clock clock;

    public Oc4idsResource(ProjectRepository projects, CompoundRepository compounds, Clock clock) {
        this.projects = projects;
        this.compounds = compounds;
        this.clock = clock;
    }

    @GET
    @PermitAll
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "One project in OC4IDS", description = "The OC4IDS 0.9.5 project schema; mapping in "
            + "docs/OC4IDS.md.")
    public Map<String, Object> project(@PathParam("id") String id) {
        Project project = projects.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Project", id));
        return Oc4idsMapper.project(project, compounds.findById(project.compoundId), projects.milestones(id), today());
    }

    private LocalDate today() {
        return ApiValues.local(clock.instant()).toLocalDate();
    }
}
