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

    /**
     * The grid covering the compound {@code address} names (the longest such compound, so 胜利东街7号院 wins over a
     * 胜利东街 compound), if one does. A district has a few hundred compounds; they are matched in memory with the
     * suite's one address rule.
     */
    public Optional<Grid> covering(String address) {
        List<Object[]> coverage = getEntityManager().createQuery(
                "select c, g.id from Grid g join g.compounds c", Object[].class).getResultList();
        return coverage.stream()
                .filter(row -> org.shequ.model.address.AddressMatcher.matches(address,
                        new org.shequ.model.address.AddressMatcher.Place(null, (String) row[0])))
                .max(java.util.Comparator.comparingInt(row -> ((String) row[0]).length()))
                .flatMap(row -> findByIdOptional((String) row[1]));
    }

    /** The community's first grid: where tasks the system files for a community go until an admin reassigns them. */
    public Optional<Grid> firstOf(String community) {
        return find("community = ?1 order by createdAt, id", community).firstResultOptional();
    }
}
