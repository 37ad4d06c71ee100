package org.shequ.gridtasks.worker;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class WorkerRepository implements PanacheRepositoryBase<Worker, String> {

    /** Those of {@code ids} who work in the grid; the others are not the grid's to assign. */
    public List<String> inGrid(String gridId, Collection<String> ids) {
        return getEntityManager().createQuery("select w.id from Worker w where w.gridId = :grid and w.id in :ids",
                        String.class)
                .setParameter("grid", gridId).setParameter("ids", ids).getResultList();
    }
}
