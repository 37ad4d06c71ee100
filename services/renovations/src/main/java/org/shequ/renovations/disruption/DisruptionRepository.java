package org.shequ.renovations.disruption;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class DisruptionRepository implements PanacheRepositoryBase<Disruption, String> {

    public List<Disruption> ofProject(String projectId) {
        return list("projectId = ?1 order by startsAt, id", projectId);
    }
}
