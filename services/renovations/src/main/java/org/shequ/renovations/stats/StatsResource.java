package org.shequ.renovations.stats;

import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shequ.model.api.FieldError;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.web.QueryParams;

/** District figures, computed from the data each time: never typed in, so they cannot disagree with the projects. */
@Path("/api/v1/renovations/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "District figures", description = "Compounds, floor area and households renovated in a year")
public class StatsResource {

    private final EntityManager em;

    public StatsResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @PermitAll
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "What a district renovated in a year", description = "From projects COMPLETED or ACCEPTED "
            + "with actualEnd in the year; each compound once, with breakdowns by category and sub-district.")
    @SuppressWarnings("unchecked")
    public DistrictStats stats(@QueryParam("district") String district,
                               @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1949",
                                       maximum = "2100"))
                               @QueryParam("year") String year) {
        List<FieldError> errors = new ArrayList<>();
        String inDistrict = QueryParams.bounded("district", district, 100, errors);
        if (inDistrict == null && errors.isEmpty()) {
            errors.add(new FieldError("district", "is required"));
        }
        int inYear = 0;
        try {
            inYear = Integer.parseInt(year == null ? "" : year.strip());
            if (inYear < 1949 || inYear > 2100) {
                errors.add(new FieldError("year", "must be a year between 1949 and 2100"));
            }
        } catch (NumberFormatException e) {
            errors.add(new FieldError("year", "must be a year, e.g. 2023"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // ix_project_completed finds the year's completions; each joins its compound by primary key.
        List<Object[]> rows = em.createNativeQuery("SELECT c.id, c.sub_district, c.households, c.floor_area_m2,"
                        + " p.category FROM project p JOIN compound c ON c.id = p.compound_id"
                        + " WHERE p.status IN ('COMPLETED', 'ACCEPTED') AND p.actual_end >= :from AND p.actual_end < :to"
                        + " AND c.district = :district")
                .setParameter("from", LocalDate.of(inYear, 1, 1)).setParameter("to", LocalDate.of(inYear + 1, 1, 1))
                .setParameter("district", inDistrict).getResultList();
        Map<String, Object[]> compounds = new LinkedHashMap<>();
        Map<String, Map<String, Object[]>> byCategory = new TreeMap<>();
        Map<String, Map<String, Object[]>> bySubDistrict = new TreeMap<>();
        for (Object[] row : rows) {
            String compound = (String) row[0];
            compounds.putIfAbsent(compound, row);
            byCategory.computeIfAbsent((String) row[4], k -> new HashMap<>()).putIfAbsent(compound, row);
            bySubDistrict.computeIfAbsent(row[1] == null ? "" : (String) row[1], k -> new HashMap<>())
                    .putIfAbsent(compound, row);
        }
        DistrictStats.Breakdown total = sum("", compounds);
        return new DistrictStats(inDistrict, inYear, total.compounds(), total.floorAreaM2(), total.households(),
                rows.size(), byCategory.entrySet().stream().map(e -> sum(e.getKey(), e.getValue())).toList(),
                bySubDistrict.entrySet().stream().map(e -> sum(e.getKey(), e.getValue())).toList());
    }

    private static DistrictStats.Breakdown sum(String key, Map<String, Object[]> compounds) {
        BigDecimal area = BigDecimal.ZERO;
        long households = 0;
        for (Object[] row : compounds.values()) {
            households += row[2] == null ? 0 : ((Number) row[2]).longValue();
            area = area.add(row[3] == null ? BigDecimal.ZERO : new BigDecimal(row[3].toString()));
        }
        return new DistrictStats.Breakdown(key, compounds.size(), area.stripTrailingZeros().scale() < 0
                ? area.setScale(0) : area.stripTrailingZeros(), households);
    }
}
