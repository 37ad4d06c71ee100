package org.shequ.gridtasks.grid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.shequ.gridtasks.grid.api.GridRequest;
import org.shequ.gridtasks.grid.api.GridView;
import org.shequ.model.api.Page;
import org.shequ.platform.paging.KeysetPage;
import org.shequ.platform.paging.PageRequest;
import org.shequ.platform.web.ApiValues;

@ApplicationScoped
@Transactional
public class GridService {

    private final GridRepository grids;
    private final GridAccess access;
    private final Clock clock;

    public GridService(GridRepository grids, GridAccess access, Clock clock) {
        this.grids = grids;
        this.access = access;
        this.clock = clock;
    }

    public GridView create(@Valid @NotNull GridRequest request) {
        access.requireCommunity(request.community().strip());
        Grid grid = new Grid();
        grid.id = UUID.randomUUID().toString();
        grid.community = request.community().strip();
        grid.name = request.name().strip();
        if (request.compounds() != null) {
            request.compounds().forEach(compound -> grid.compounds.add(compound.strip()));
        }
        grid.createdAt = clock.instant();
        grids.persist(grid);
        grids.flush(); // a second grid of that name in the community, or a compound covered already, is a 409 now
        return view(grid);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<GridView> find(String id) {
        Optional<Grid> grid = grids.findByIdOptional(id);
        grid.ifPresent(access::require);
        return grid.map(GridService::view);
    }

    /** The grids the caller may see, of one community if asked; a community outside the caller's scope is a 403. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<GridView> list(String community, PageRequest page) {
        GridAccess.Scope scope = access.scope();
        if (scope.community() != null && community != null && !scope.community().equals(community)) {
            access.requireCommunity(community);
        }
        String shown = scope.community() != null ? scope.community() : community;
        return KeysetPage.of(grids.getEntityManager(), Grid.class)
                .where("e.id = :grid", "grid", scope.gridId())
                .where("e.community = :community", "community", shown)
                .page(page, g -> g.createdAt, g -> g.id, GridService::view);
    }

    static GridView view(Grid g) {
        return new GridView(g.id, g.community, g.name, List.copyOf(g.compounds), ApiValues.local(g.createdAt),
                g.version);
    }
}
