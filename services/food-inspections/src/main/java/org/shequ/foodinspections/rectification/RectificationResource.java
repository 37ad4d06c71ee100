package org.shequ.foodinspections.rectification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shequ.foodinspections.rectification.api.RectificationView;
import org.shequ.model.api.FieldError;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.problem.InvalidInputException;
import org.shequ.platform.security.ObjectAccess;
import org.shequ.platform.security.Roles;
import org.shequ.platform.web.ApiValues;
import org.shequ.platform.web.QueryParams;

@Path("/api/v1/food-safety/rectifications")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Rectifications", description = "Orders to put failed items right, and the overdue ones")
public class RectificationResource {

    private final RectificationRepository rectifications;
    private final ObjectAccess access;
    private final Clock clock;

    public RectificationResource(RectificationRepository rectifications, ObjectAccess access, Clock clock) {
        this.rectifications = rectifications;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.INSPECTOR, Roles.COMMUNITY_ADMIN, Roles.DISTRICT_ADMIN})
    @Operation(summary = "List rectification orders", description = "overdue=true: open orders past their due date, "
            + "most overdue first. status=OPEN|CLOSED, providerId filter. In pages, by due date. Of the caller's "
            + "community, except for district admins.")
    @jakarta.transaction.Transactional
    public Page<RectificationView> list(@Parameter(schema = @Schema(type = SchemaType.BOOLEAN))
                                        @QueryParam("overdue") String overdue,
                                        @Parameter(schema = @Schema(implementation = RectificationStatus.class))
                                        @QueryParam("status") String status,
                                        @QueryParam("providerId") String providerId,
                                        @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        Boolean onlyOverdue = QueryParams.bool("overdue", overdue, errors);
        RectificationStatus wanted = QueryParams.enumOf(RectificationStatus.class, "status", status, errors);
        String provider = QueryParams.bounded("providerId", providerId, 36, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        String community = access.listBound(null).orElse(null); // an inspector's or admin's own community
        Page<Rectification> found = rectifications.page(Boolean.TRUE.equals(onlyOverdue), wanted, provider, community,
                now, PageRequest.of(cursor, limit));
        return new Page<>(found.items().stream().map(r -> view(r, now)).toList(), found.nextCursor());
    }

    static RectificationView view(Rectification r, Instant now) {
        return new RectificationView(r.id, r.providerId, r.inspectionId, r.item.name(), r.item.label(), r.critical,
                ApiValues.local(r.dueAt), r.status.name(), r.status == RectificationStatus.OPEN && r.dueAt.isBefore(now),
                r.closedBy, ApiValues.local(r.closedAt), ApiValues.local(r.overdueAnnouncedAt));
    }
}
