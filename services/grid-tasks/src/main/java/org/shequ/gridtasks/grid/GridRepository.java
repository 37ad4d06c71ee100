package org.shequ.gridtasks.grid;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class GridRepository implements PanacheRepositoryBase<Grid, String> {

    /** Grids of a community, or all (community null), oldest first; at most 500, a district has fewer. */
    public List<Grid> listed(String community) {
        return community == null
                ? find("order by createdAt, id").range(0, 499).list()
                : find("community = ?1 order by createdAt, id", community).range(0, 499).list();
    }

    /** The community's first grid: where tasks the system files for a community go until an admin reassigns them. */
    public Optional<Grid> firstOf(String community) {
        return find("community = ?1 order by createdAt, id", community).firstResultOptional();
    }
}
