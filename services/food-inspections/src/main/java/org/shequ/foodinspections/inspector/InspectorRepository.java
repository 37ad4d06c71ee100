package org.shequ.foodinspections.inspector;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class InspectorRepository implements PanacheRepositoryBase<Inspector, String> {

    /** The inspector side of a spot-check roster: the community's active inspectors' ids, sorted. */
    public List<String> activeIds(String community) {
        return getEntityManager().createQuery("select i.id from Inspector i where i.community = :community"
                + " and i.active = true order by i.id", String.class).setParameter("community", community)
                .getResultList();
    }
}
