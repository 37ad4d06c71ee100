package org.shequ.gridtasks.grid;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.shequ.gridtasks.worker.Worker;
import org.shequ.gridtasks.worker.WorkerRepository;
import org.shequ.platform.problem.OutOfScopeException;
import org.shequ.platform.security.ObjectAccess;
import org.shequ.platform.security.Roles;

/**
 * Object-level rules on top of the roles (docs/ROLES.md, "Grid tasks: whose objects"): a {@code grid-worker} acts in
 * the grid they are registered to, a {@code community-admin} in the grids of their token's {@code community}, a
 * {@code district-admin} and an {@code integration} everywhere. Everyone else was refused by role already.
 */
@ApplicationScoped
public class GridAccess {

    private final SecurityIdentity identity;
    private final ObjectAccess access;
    private final WorkerRepository workers;
    private final GridRepository grids;

    public GridAccess(SecurityIdentity identity, ObjectAccess access, WorkerRepository workers, GridRepository grids) {
        this.identity = identity;
        this.access = access;
        this.workers = workers;
        this.grids = grids;
    }

    /** Refuses with 403 unless the caller may act on objects of this grid. */
    public void require(Grid grid) {
        if (identity.hasRole(Roles.DISTRICT_ADMIN) || identity.hasRole(Roles.INTEGRATION)) {
            return;
        }
        if (identity.hasRole(Roles.COMMUNITY_ADMIN)) {
            requireCommunity(grid.community);
            return;
        }
        if (identity.hasRole(Roles.GRID_WORKER)) {
            if (!ownWorker().gridId.equals(grid.id)) {
                throw new OutOfScopeException("This is grid " + grid.name + " of " + grid.community
                        + "; a grid worker acts on their own grid only");
            }
            return;
        }
        throw new OutOfScopeException("Your role may not act on grids");
    }

    /** Refuses with 403 unless the caller may act within the community. */
    public void requireCommunity(String community) {
        access.requireCommunity(community);
    }

    /**
     * What a list may show the caller: the worker's own grid, the admin's community, or everything (empty scope).
     * An explicit filter outside it is refused rather than silently narrowed.
     */
    public Scope scope() {
        if (identity.hasRole(Roles.DISTRICT_ADMIN) || identity.hasRole(Roles.INTEGRATION)) {
            return new Scope(null, null);
        }
        if (identity.hasRole(Roles.COMMUNITY_ADMIN)) {
            return new Scope(null, access.ownCommunity());
        }
        if (identity.hasRole(Roles.GRID_WORKER)) {
            return new Scope(ownWorker().gridId, null);
        }
        throw new OutOfScopeException("Your role may not list these");
    }

    /** For a worker's scope: their grid must lie in the community. */
    public void requireGridInCommunity(String gridId, String community) {
        if (grids.findByIdOptional(gridId).filter(g -> g.community.equals(community)).isEmpty()) {
            throw new OutOfScopeException("This belongs to " + community + ", not to your grid's community");
        }
    }

    public String actor() {
        return access.actor();
    }

    private Worker ownWorker() {
        return workers.findByIdOptional(identity.getPrincipal().getName())
                .orElseThrow(() -> new OutOfScopeException("You are not registered as a worker of any grid"));
    }

    /** A list's bounds: a grid, a community, or neither for the whole district. */
    public record Scope(String gridId, String community) {

        public Optional<String> grid() {
            return Optional.ofNullable(gridId);
        }

        public Optional<String> communityName() {
            return Optional.ofNullable(community);
        }
    }
}
