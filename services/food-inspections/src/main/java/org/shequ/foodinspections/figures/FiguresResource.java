package org.shequ.foodinspections.figures;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shequ.foodinspections.inspection.InspectionType;
import org.shequ.foodinspections.inspection.Outcome;
import org.shequ.model.api.FieldError;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.security.ObjectAccess;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.ApiValues;

/**
 * A district inspector's figures: for a period and a community, what was inspected and found, and how the orders
 * went. Counted from the inspections and orders themselves, by indexed ranges (ix_inspection_provider per provider
 * of the community), so they agree with the lists.
 */
@Path("/api/v1/food-safety/figures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Figures", description = "Food-safety figures per community and period")
public class FiguresResource {

    /** A period of at most this many days: a year and a leap day. */
    static final int MAX_DAYS = 366;

    private final EntityManager em;
    private final ObjectAccess access;
    private final Clock clock;

    public FiguresResource(EntityManager em, ObjectAccess access, Clock clock) {
        this.em = em;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @SecurityRequirement(name = "bearer")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Figures for a period", description = "Inspections by type and outcome, orders opened, "
            + "closed, open and overdue, days to close; from and to are days (inclusive, Asia/Shanghai), at most 366 "
            + "days apart. An inspector or community admin gets their own community's; a district admin any, or the "
            + "whole district without community.")
    public SafetyFigures figures(@QueryParam("community") String community,
                                 @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "date"))
                                 @QueryParam("from") String from,
                                 @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "date"))
                                 @QueryParam("to") String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate first = day("from", from, errors);
        LocalDate last = day("to", to, errors);
        if (first != null && last != null && (last.isBefore(first) || first.plusDays(MAX_DAYS).isBefore(last))) {
            errors.add(new FieldError("to", "must be on or after from, at most " + MAX_DAYS + " days later"));
        }
        String wanted = community == null || community.isBlank() ? null : community.strip();
        if (wanted != null && wanted.length() > 100) {
            errors.add(new FieldError("community", "must be at most 100 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String shown = access.listBound(wanted).orElse(null);
        Instant start = first.atStartOfDay(ApiValues.ZONE).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(ApiValues.ZONE).toInstant();
        Instant now = clock.instant();

        String inCommunity = shown == null ? "" : " AND p.community = :community";
        Map<String, Long> byType = new LinkedHashMap<>();
        for (InspectionType type : InspectionType.values()) {
            byType.put(type.name(), 0L);
        }
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            byOutcome.put(outcome.name(), 0L);
        }
        long total = 0;
        for (Object[] row : rows("SELECT i.type, i.outcome, COUNT(*) FROM inspection i JOIN provider p"
                + " ON p.id = i.provider_id WHERE i.status = 'COMPLETED' AND i.inspected_at >= :start"
                + " AND i.inspected_at < :end" + inCommunity + " GROUP BY i.type, i.outcome", shown, start, end, null)) {
            long count = ((Number) row[2]).longValue();
            byType.merge((String) row[0], count, Long::sum);
            byOutcome.merge((String) row[1], count, Long::sum);
            total += count;
        }
        Object[] orders = rows("SELECT COUNT(*), SUM(CASE WHEN r.status = 'CLOSED' THEN 1 ELSE 0 END),"
                + " AVG(CASE WHEN r.status = 'CLOSED' THEN DATEDIFF(c.inspected_at, i.inspected_at) END),"
                + " MAX(CASE WHEN r.status = 'CLOSED' THEN DATEDIFF(c.inspected_at, i.inspected_at) END)"
                + " FROM rectification r JOIN inspection i ON i.id = r.inspection_id"
                + " JOIN provider p ON p.id = r.provider_id LEFT JOIN inspection c ON c.id = r.closed_by"
                + " WHERE i.inspected_at >= :start AND i.inspected_at < :end" + inCommunity, shown, start, end, null)
                .get(0);
        Object[] openNow = rows("SELECT COUNT(*), SUM(CASE WHEN r.due_at < :now THEN 1 ELSE 0 END)"
                + " FROM rectification r JOIN provider p ON p.id = r.provider_id WHERE r.status = 'OPEN'"
                + inCommunity, shown, null, null, now).get(0);
        return new SafetyFigures(shown, first, last, total, byType, byOutcome, number(orders[0]), number(orders[1]),
                number(openNow[0]), number(openNow[1]),
                orders[2] == null ? null : new BigDecimal(orders[2].toString()).setScale(1, RoundingMode.HALF_UP),
                orders[3] == null ? null : number(orders[3]));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String community, Instant start, Instant end, Instant now) {
        var query = em.createNativeQuery(sql);
        if (community != null) {
            query.setParameter("community", community);
        }
        if (start != null) {
            query.setParameter("start", start).setParameter("end", end);
        }
        if (now != null) {
            query.setParameter("now", now);
        }
        return query.getResultList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate day(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(name, "is required: a day, e.g. 2024-11-01"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a day, e.g. 2024-11-01"));
            return null;
        }
    }
}
