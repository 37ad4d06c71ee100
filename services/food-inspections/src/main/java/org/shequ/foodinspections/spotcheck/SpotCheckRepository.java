package org.shequ.foodinspections.spotcheck;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.shequ.platform.paging.Cursor;

@ApplicationScoped
public class SpotCheckRepository implements PanacheRepositoryBase<SpotCheck, String> {

    /** Every draw, discarded ones included, newest first; of one community through ix_spot_check_community. */
    List<SpotCheck> page(String community, Cursor after, int limit) {
        StringBuilder hql = new StringBuilder("from SpotCheck s where 1 = 1");
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (community != null) {
            hql.append(" and s.community = :community");
            params.and("community", community);
        }
        if (after != null) {
            hql.append(" and (s.drawnAt < :afterAt or (s.drawnAt = :afterAt and s.id < :afterId))");
            params.and("afterAt", after.at()).and("afterId", after.id());
        }
        return find(hql.append(" order by s.drawnAt desc, s.id desc").toString(), params).page(0, limit).list();
    }
}
