package org.shequ.foodinspections.publicview;

import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shequ.foodinspections.provider.ProviderStatus;
import org.shequ.model.api.FieldError;
import org.shequ.model.api.Page;
import org.shequ.model.privacy.Masking;
import org.shequ.platform.paging.Cursor;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.web.ApiValues;
import org.shequ.platform.web.QueryParams;

/**
 * For parents choosing a 小饭桌: every provider of the ledger with its status (a suspended or closed one stays, with
 * the date), its business phone, its latest outcome and date and its open rectification orders; and each provider's
 * inspection history ({@link PublicHistory}). No token, and personal data always masked, whoever asks.
 */
@Path("/api/v1/food-safety/public/providers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "For parents", description = "Active providers and how they did, personal data masked")
public class PublicProviders {

    private final EntityManager em;

    public PublicProviders(EntityManager em) {
        this.em = em;
    }

    @GET
    @PermitAll
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Providers with their latest outcome", description = "Newest in the ledger first, in pages; "
            + "community filters. Suspended and closed providers stay listed, with their status and since when.")
    public Page<PublicProviderView> list(@QueryParam("community") String community, @QueryParam("cursor") String cursor,
                                         @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        String inCommunity = QueryParams.bounded("community", community, 100, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        PageRequest page = PageRequest.of(cursor, limit);
        List<Object[]> rows = rows(inCommunity, page.after(), page.fetchSize());
        return page.toPage(rows, r -> new Cursor(org.shequ.platform.db.SqlValues.instant(r[8]), (String) r[0]),
                PublicProviders::view);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String community, Cursor after, int limit) {
        // One statement: each provider's latest completed inspection (ix_inspection_provider) and its open orders
        // (ix_rectification_provider), for one page of active providers (ix_provider_community / ix_provider_listing).
        StringBuilder sql = new StringBuilder("SELECT p.id, p.name, p.address, p.operator_name, p.phone, p.capacity,"
                + " p.community, (SELECT i.outcome FROM inspection i WHERE i.provider_id = p.id AND i.status = 'COMPLETED'"
                + " ORDER BY i.inspected_at DESC, i.id DESC LIMIT 1), p.created_at,"
                + " (SELECT i.inspected_at FROM inspection i WHERE i.provider_id = p.id AND i.status = 'COMPLETED'"
                + " ORDER BY i.inspected_at DESC, i.id DESC LIMIT 1),"
                + " (SELECT COUNT(*) FROM rectification r WHERE r.provider_id = p.id AND r.status = 'OPEN'),"
                + " p.business_phone, p.status, p.status_since"
                + " FROM provider p WHERE 1 = 1");
        if (community != null) {
            sql.append(" AND p.community = :community");
        }
        if (after != null) {
            sql.append(" AND (p.created_at < :at OR (p.created_at = :at AND p.id < :id))");
        }
        sql.append(" ORDER BY p.created_at DESC, p.id DESC LIMIT ").append(limit);
        var query = em.createNativeQuery(sql.toString());
        if (community != null) {
            query.setParameter("community", community);
        }
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        return query.getResultList();
    }

    private static PublicProviderView view(Object[] r) {
        return new PublicProviderView((String) r[0], (String) r[1], (String) r[2], Masking.name((String) r[3]),
                Masking.phone((String) r[4]), (String) r[11], r[5] == null ? null : ((Number) r[5]).intValue(),
                (String) r[6], ProviderStatus.valueOf((String) r[12]),
                ApiValues.local(org.shequ.platform.db.SqlValues.instant(r[13])), (String) r[7],
                ApiValues.local(org.shequ.platform.db.SqlValues.instant(r[9])), ((Number) r[10]).longValue());
    }
}
