package org.shequ.renovations.oc4ids;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shequ.platform.web.ApiValues;
import org.shequ.renovations.compound.Compound;
import org.shequ.renovations.compound.CompoundRepository;
import org.shequ.renovations.project.Milestone;
import org.shequ.renovations.project.Project;
import org.shequ.renovations.project.ProjectRepository;

/** All projects as one OC4IDS project package, for the district's infrastructure-transparency portals. */
@Path("/api/v1/renovations/export/oc4ids")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open data", description = "Projects in the Open Contracting for Infrastructure Data Standard")
public class Oc4idsExport {

    /** A package holds at most this many projects, newest first; larger portals read project by project. */
    static final int PACKAGE_LIMIT = 2000;

    private final ProjectRepository projects;
    private final CompoundRepository compounds;
    private final Clock clock;

    public Oc4idsExport(ProjectRepository projects, CompoundRepository compounds, Clock clock) {
        this.projects = projects;
        this.compounds = compounds;
        this.clock = clock;
    }

    @GET
    @PermitAll
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "All projects as an OC4IDS project package", description = "Newest first, up to 2,000.")
    public Map<String, Object> projectPackage() {
        List<Project> all = projects.find("order by createdAt desc, id desc").range(0, PACKAGE_LIMIT - 1).list();
        Map<String, Compound> byId = compounds.list("id in ?1", all.stream().map(p -> p.compoundId).distinct().toList())
                .stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        LocalDate today = ApiValues.local(clock.instant()).toLocalDate();
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("uri", "https://shequ.yingze.gov.cn/api/v1/renovations/export/oc4ids");
        pack.put("publishedDate", Oc4idsMapper.dateTime(clock.instant()));
        pack.put("version", "0.9");
        pack.put("publisher", Map.of("name", Oc4idsMapper.AUTHORITY));
        pack.put("license", "https://creativecommons.org/licenses/by/4.0/");
        pack.put("publicationPolicy", "https://shequ.yingze.gov.cn/open-data");
        Map<String, List<Milestone>> milestones = projects.milestonesOf(all.stream().map(p -> p.id).toList());
        pack.put("projects", all.stream().map(p -> Oc4idsMapper.project(p, byId.get(p.compoundId),
                milestones.getOrDefault(p.id, List.of()), today)).toList());
        return pack;
    }

}
