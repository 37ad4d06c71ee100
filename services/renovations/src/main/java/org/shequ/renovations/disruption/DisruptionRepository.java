package org.shequ.renovations.disruption;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DisruptionRepository implements PanacheRepositoryBase<Disruption, String> {
}
