package org.shequ.renovations.compound;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.shequ.platform.paging.Cursor;

@ApplicationScoped
public class CompoundRepository implements PanacheRepositoryBase<Compound, String> {

    /** Newest first, optionally in one district or community, after a keyset position. */
    List<Compound> page(String district, String community, Cursor after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (district != null) {
            where.append(" and c.district = :district");
            params.and("district", district);
        }
        if (community != null) {
            where.append(" and c.community = :community");
            params.and("community", community);
        }
        if (after != null) {
            where.append(" and (c.createdAt < :afterAt or (c.createdAt = :afterAt and c.id < :afterId))");
            params.and("afterAt", after.at()).and("afterId", after.id());
        }
        return find("from Compound c where " + where + " order by c.createdAt desc, c.id desc", params)
                .range(0, limit - 1)
                .list();
    }
}
