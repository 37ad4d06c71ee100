package org.shequ.gridtasks.grid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.shequ.gridtasks.grid.api.GridRequest;
import org.shequ.gridtasks.grid.api.GridView;
import org.shequ.platform.web.ApiValues;

@ApplicationScoped
@Transactional
public class GridService {

    private final GridRepository grids;
    private final Clock clock;

    public GridService(GridRepository grids, Clock clock) {
        this.grids = grids;
        this.clock = clock;
    }

    public GridView create(@Valid @NotNull GridRequest request) {
        Grid grid = new Grid();
        grid.id = UUID.randomUUID().toString();
        grid.community = request.community().strip();
        grid.name = request.name().strip();
        grid.createdAt = clock.instant();
        grids.persist(grid);
        grids.flush(); // a second grid of that name in the community is a 409 now
        return view(grid);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<GridView> find(String id) {
        return grids.findByIdOptional(id).map(GridService::view);
    }

    static GridView view(Grid g) {
        return new GridView(g.id, g.community, g.name, ApiValues.local(g.createdAt), g.version);
    }
}
