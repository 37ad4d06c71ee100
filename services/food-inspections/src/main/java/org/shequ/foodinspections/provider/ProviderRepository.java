package org.shequ.foodinspections.provider;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.shequ.platform.paging.Cursor;

@ApplicationScoped
public class ProviderRepository implements PanacheRepositoryBase<Provider, String> {

    /** Newest first (ix_provider_listing, or ix_provider_community when filtered); {@code limit} rows at most. */
    public List<Provider> page(String community, ProviderStatus status, Cursor after, int limit) {
        StringBuilder hql = new StringBuilder("from Provider p where 1 = 1");
        if (community != null) {
            hql.append(" and p.community = :community");
        }
        if (status != null) {
            hql.append(" and p.status = :status");
        }
        if (after != null) {
            hql.append(" and (p.createdAt < :at or (p.createdAt = :at and p.id < :id))");
        }
        var query = getEntityManager().createQuery(hql.append(" order by p.createdAt desc, p.id desc").toString(),
                Provider.class).setMaxResults(limit);
        if (community != null) {
            query.setParameter("community", community);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        return query.getResultList();
    }

    /** The community's active providers' ids, sorted: the ledger side of a spot-check roster. */
    public List<String> activeIds(String community) {
        return getEntityManager().createQuery("select p.id from Provider p where p.community = :community"
                        + " and p.status = :active order by p.id", String.class)
                .setParameter("community", community).setParameter("active", ProviderStatus.ACTIVE).getResultList();
    }
}
