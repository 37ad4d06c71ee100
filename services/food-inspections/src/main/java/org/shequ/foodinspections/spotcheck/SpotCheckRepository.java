package org.shequ.foodinspections.spotcheck;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SpotCheckRepository implements PanacheRepositoryBase<SpotCheck, String> {
}
