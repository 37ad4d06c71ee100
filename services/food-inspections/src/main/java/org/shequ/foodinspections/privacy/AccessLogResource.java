package org.shequ.foodinspections.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shequ.model.api.FieldError;
import org.shequ.model.api.Page;
import org.shequ.platform.db.SqlValues;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.security.ObjectAccess;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.ApiValues;
import org.shequ.platform.web.QueryParams;

/** Who read unmasked personal data: for admins answering a provider's or a regulator's question. */
@Path("/api/v1/food-safety/access-log")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Access log", description = "Every read of unmasked personal data")
public class AccessLogResource {

    private final EntityManager em;
    private final ObjectAccess access;

    public AccessLogResource(EntityManager em, ObjectAccess access) {
        this.em = em;
        this.access = access;
    }

    public record Entry(long id, String actor, String roles, String providerId, String requestId, String purpose,
                        OffsetDateTime at) {
    }

    @GET
    @RolesAllowed({Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Reads of unmasked personal data", description = "Newest first, in pages; by providerId "
            + "or actor. The cursor is an entry id: before=<id> pages back from any entry.")
    @SuppressWarnings("unchecked")
    public Page<Entry> list(@QueryParam("providerId") String providerId,
                            @QueryParam("actor") String actor,
                            @Parameter(description = "Entries older than this entry id",
                                    schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                            @QueryParam("before") String before,
                            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int size = PageRequest.of(null, limit).limit();
        boolean fromCursor = cursor != null && !cursor.isBlank();
        String position = fromCursor ? cursor : before;
        List<FieldError> errors = new ArrayList<>();
        String provider = QueryParams.bounded("providerId", providerId, 36, errors);
        String who = QueryParams.bounded("actor", actor, 100, errors);
        Long beforeId = null;
        if (position != null && !position.isBlank()) {
            try {
                beforeId = Long.parseLong(position.strip());
            } catch (NumberFormatException e) {
                errors.add(fromCursor
                        ? new FieldError("cursor", "is not a cursor from a previous page; start again without it")
                        : new FieldError("before", "must be an entry id"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        StringBuilder sql = new StringBuilder("SELECT id, actor, roles, provider_id, request_id, purpose, at FROM pii_access"
                + " WHERE 1 = 1");
        if (provider != null) {
            sql.append(" AND provider_id = :provider");
        }
        // A community admin answers for their community's providers; who read others' is not theirs to know.
        String community = access.listBound(null).orElse(null);
        if (community != null) {
            sql.append(" AND provider_id IN (SELECT id FROM provider WHERE community = :community)");
        }
        if (who != null) {
            sql.append(" AND actor = :actor");
        }
        if (beforeId != null) {
            sql.append(" AND id < :before");
        }
        var query = em.createNativeQuery(sql.append(" ORDER BY id DESC LIMIT " + (size + 1)).toString());
        if (provider != null) {
            query.setParameter("provider", provider);
        }
        if (who != null) {
            query.setParameter("actor", who);
        }
        if (community != null) {
            query.setParameter("community", community);
        }
        if (beforeId != null) {
            query.setParameter("before", beforeId);
        }
        List<Object[]> rows = query.getResultList();
        List<Entry> entries = rows.stream().limit(size).map(r -> new Entry(((Number) r[0]).longValue(),
                (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                ApiValues.local(SqlValues.instant(r[6])))).toList();
        String next = rows.size() > size ? Long.toString(entries.get(size - 1).id()) : null;
        return new Page<>(entries, next);
    }
}
