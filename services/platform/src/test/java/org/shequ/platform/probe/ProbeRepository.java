package org.shequ.platform.probe;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProbeRepository implements PanacheRepositoryBase<Probe, String> {
}
