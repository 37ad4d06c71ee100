package org.shequ.foodinspections.publicview;

import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shequ.foodinspections.provider.ProviderRepository;
import org.shequ.model.api.Page;
import org.shequ.platform.db.SqlValues;
import org.shequ.platform.paging.Cursor;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.web.ApiValues;

/**
 * A provider's inspection history for parents: every completed inspection, newest first, with what failed, the orders
 * it opened and whether they were put right, so a FAIL followed by a passing re-check reads as such.
 */
@Path("/api/v1/food-safety/public/providers/{id}/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "For parents", description = "Active providers and how they did, personal data masked")
public class PublicHistory {

    private final EntityManager em;
    private final ProviderRepository providers;

    public PublicHistory(EntityManager em, ProviderRepository providers) {
        this.em = em;
        this.providers = providers;
    }

    @GET
    @PermitAll
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "A provider's inspection history", description = "Completed inspections, newest first, in "
            + "pages: date, type, outcome, failed items, orders opened and closed, and whether it was put right.")
    public Page<PublicInspection> history(@PathParam("id") String id, @QueryParam("cursor") String cursor,
                                          @QueryParam("limit") String limit) {
        if (providers.findByIdOptional(id).isEmpty()) {
            throw new ResourceNotFoundException("Provider", id);
        }
        PageRequest page = PageRequest.of(cursor, limit);
        return page.toPage(rows(id, page.after(), page.fetchSize()),
                r -> new Cursor(SqlValues.instant(r[1]), (String) r[0]), PublicHistory::view);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String providerId, Cursor after, int limit) {
        // ix_inspection_provider walks the provider's completed inspections newest first; the orders of each come off
        // ix_rectification_inspection.
        StringBuilder sql = new StringBuilder("SELECT i.id, i.inspected_at, i.type, i.outcome, i.follow_up_of,"
                + " (SELECT GROUP_CONCAT(c.item ORDER BY c.item SEPARATOR ',') FROM checklist_result c"
                + "  WHERE c.inspection_id = i.id AND c.result = 'FAIL'),"
                + " (SELECT COUNT(*) FROM rectification r WHERE r.inspection_id = i.id),"
                + " (SELECT COUNT(*) FROM rectification r WHERE r.inspection_id = i.id AND r.status = 'CLOSED'),"
                // put right on the day of the re-inspection that found the last item passing
                + " (SELECT MAX(f.inspected_at) FROM rectification r JOIN inspection f ON f.id = r.closed_by"
                + "  WHERE r.inspection_id = i.id)"
                + " FROM inspection i WHERE i.provider_id = :provider AND i.status = 'COMPLETED'");
        if (after != null) {
            sql.append(" AND (i.inspected_at < :at OR (i.inspected_at = :at AND i.id < :id))");
        }
        sql.append(" ORDER BY i.inspected_at DESC, i.id DESC LIMIT ").append(limit);
        var query = em.createNativeQuery(sql.toString()).setParameter("provider", providerId);
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        return query.getResultList();
    }

    private static PublicInspection view(Object[] r) {
        int opened = ((Number) r[6]).intValue();
        int closed = ((Number) r[7]).intValue();
        boolean putRight = opened > 0 && closed == opened;
        return new PublicInspection((String) r[0], ApiValues.local(SqlValues.instant(r[1])).toLocalDate(),
                (String) r[2], (String) r[3], r[5] == null ? List.of() : Arrays.asList(((String) r[5]).split(",")),
                opened, closed, putRight,
                putRight ? ApiValues.local(SqlValues.instant(r[8])).toLocalDate() : null, (String) r[4]);
    }
}
